import DangolCore
import Foundation

/// The text format of column mapping files, shared by imports (``ImportMapping``) and standalone dedupe
/// (`DedupeMapping`): one `CSV header=field` per line (blank lines and `#` comments skipped, `-` as the field ignores
/// the column), or a JSON object `{"header": "field", "other": null}` when the first non-blank character is `{`.
enum MappingFile {
    /// One entry: the header, the field name as written (`-` for ignored), and where it stands, for error messages.
    struct Entry {
        var header: String
        var fieldName: String
        var place: String
    }

    /// The entries of a mapping file's text, in file order (JSON: sorted by header).
    static func entries(_ text: String) throws(DangolError) -> [Entry] {
        let trimmed = text.trimmingWhitespace()
        if trimmed.hasPrefix("{") {
            let object: [String: String?]
            do {
                object = try JSONDecoder().decode([String: String?].self, from: Data(trimmed.utf8))
            } catch {
                throw DangolError(.invalidInput, "The mapping file is not a JSON object of header → field name (or null).")
            }
            return object.sorted { $0.key < $1.key }.map { header, field in
                Entry(header: header.trimmingWhitespace(), fieldName: field ?? "-", place: "The mapping entry '\(header.prefix(60))'")
            }
        }
        var entries: [Entry] = []
        for (index, rawLine) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
            let line = String(rawLine).trimmingWhitespace()
            if line.isEmpty || line.hasPrefix("#") { continue }
            guard let equals = line.lastIndex(of: "=") else {
                throw DangolError(.invalidInput, "Mapping line \(index + 1) is not of the form 'CSV header=field'.")
            }
            entries.append(Entry(header: String(line[..<equals]).trimmingWhitespace(),
                                 fieldName: String(line[line.index(after: equals)...]).trimmingWhitespace(),
                                 place: "Mapping line \(index + 1)"))
        }
        return entries
    }

    /// The text of a mapping file.
    static func read(path: String) throws(DangolError) -> String {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw DangolError(.notFound, "The mapping file \(path) could not be read.")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw DangolError(.invalidInput, "The mapping file \(path) is not UTF-8 text.")
        }
        return text
    }

    /// Whether a field name means "ignore this column".
    static func isIgnored(_ fieldName: String) -> Bool {
        fieldName == "-" || fieldName.lowercased() == "ignore" || fieldName.isEmpty
    }

    /// Applies a mapping file's text to a mapping's two tables: each entry maps its header to the field `parse`
    /// names, or marks it ignored. `fieldListing` is shown when a field name is unknown.
    static func apply<Field>(_ text: String, columns: inout [String: Field], ignoredHeaders: inout Set<String>,
                             parse: (String) -> Field?, fieldListing: String) throws(DangolError) {
        for entry in try entries(text) {
            guard !entry.header.isEmpty else { throw DangolError(.invalidInput, "\(entry.place) has an empty CSV header.") }
            if isIgnored(entry.fieldName) {
                ignoredHeaders.insert(entry.header)
                columns[entry.header] = nil
                continue
            }
            guard let field = parse(entry.fieldName) else {
                throw DangolError(.invalidInput, """
                    \(entry.place) names an unknown field '\(entry.fieldName.prefix(60))'. Fields: \(fieldListing).
                    """)
            }
            columns[entry.header] = field
            ignoredHeaders.remove(entry.header)
        }
    }
}
