/// Writes CSV lines that Excel and `CSVFileReader` read back exactly (RFC 4180).
///
/// A field is quoted when it holds the delimiter, a quote, CR or LF, and its quotes are doubled. Lines end with LF,
/// or CRLF when asked.
///
/// Formula injection: a spreadsheet runs a cell that starts with `=`, `+`, `-` or `@` as a formula, so an export of
/// customer-typed text can carry `=HYPERLINK(…)` to whoever opens it. With `neutralizeFormulas` (the default) such a
/// field — and one starting with TAB or CR, which some spreadsheets skip before looking — gets a leading `'`, which
/// spreadsheets show as text and do not display. The change is one-way: the file then holds `'=1+2`, so turn it off
/// for files meant for programs rather than people. Negative numbers become text too (`'-5`).
///
/// ```swift
/// let writer = CSVWriter()
/// writer.line(["홍길동", "He said \"hi\"", "=1+2"]) // "홍길동,\"He said \"\"hi\"\"\",'=1+2\n"
/// ```
public struct CSVWriter: Sendable {
    /// Whether fields that a spreadsheet would run as a formula get a leading `'`.
    public var neutralizeFormulas: Bool
    /// The byte between fields; must be ASCII and not a quote, CR or LF.
    public var delimiter: UInt8
    /// Whether lines end with CRLF (Excel's habit, RFC 4180's letter) instead of LF.
    public var usesCRLF: Bool

    /// Creates a writer; by default it neutralises formulas, separates with commas and ends lines with LF.
    public init(neutralizeFormulas: Bool = true, delimiter: UInt8 = UInt8(ascii: ","), usesCRLF: Bool = false) {
        self.neutralizeFormulas = neutralizeFormulas
        self.delimiter = delimiter
        self.usesCRLF = usesCRLF
    }

    /// One CSV line for `fields`, line end included. A single empty field is written as `""`, since an empty line
    /// would be read back as a blank line, which is skipped; no fields at all give an empty line.
    public func line(_ fields: [String]) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(fields.reduce(2) { $0 + $1.utf8.count + 3 })
        for (index, field) in fields.enumerated() {
            if index > 0 { bytes.append(delimiter) }
            append(field, isOnlyField: fields.count == 1, to: &bytes)
        }
        if usesCRLF { bytes.append(UInt8(ascii: "\r")) }
        bytes.append(UInt8(ascii: "\n"))
        return String(decoding: bytes, as: UTF8.self)
    }

    /// A header line and one line per row, joined.
    public func document(header: [String], rows: [[String]]) -> String {
        ([header] + rows).map(line).joined()
    }

    private func append(_ field: String, isOnlyField: Bool, to bytes: inout [UInt8]) {
        let quote = UInt8(ascii: "\"")
        let utf8 = field.utf8
        let needsPrefix = neutralizeFormulas && utf8.first.map(Self.startsFormula) == true
        // A lone empty field is written as "" so that a one-column row is not mistaken for a blank line.
        let needsQuotes =
            (isOnlyField && field.isEmpty)
            || utf8.contains { $0 == delimiter || $0 == quote || $0 == UInt8(ascii: "\r") || $0 == UInt8(ascii: "\n") }
        if needsQuotes { bytes.append(quote) }
        if needsPrefix { bytes.append(UInt8(ascii: "'")) }
        for byte in utf8 {
            bytes.append(byte)
            if byte == quote { bytes.append(quote) }
        }
        if needsQuotes { bytes.append(quote) }
    }

    private static func startsFormula(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "@"), UInt8(ascii: "\t"),
            UInt8(ascii: "\r"):
            true
        default:
            false
        }
    }
}
