import Crypto
import DangolCore
import DangolCSV
import DangolStore

/// Turns one CSV record into a ``PreparedImportRow`` or an ``ImportReject``, with no database access: everything it
/// needs (columns, users, attribute definitions, whether RRNs may be collected) is loaded once per import.
///
/// Reasons name the field and the rule broken (`mobile_phone: The phone number has too few digits for its prefix.`)
/// and never repeat the value, which is usually personal data.
struct ImportRowPreparer: Sendable {
    let columns: ImportColumns
    /// Username or user id → user id.
    let users: [String: String]
    let identifierPreparer: IdentifierPreparer
    let options: ImportOptions
    /// The user recorded on consent events.
    let recordedBy: String
    private let validator = CustomerValidator()
    private static let placeholderCustomer = CustomerID("")

    init(columns: ImportColumns, users: [String: String], identifierPreparer: IdentifierPreparer, options: ImportOptions,
         recordedBy: String) {
        self.columns = columns
        self.users = users
        self.identifierPreparer = identifierPreparer
        self.options = options
        self.recordedBy = recordedBy
    }

    /// A record the CSV reader could not read becomes a reject with the reader's reason.
    func reject(_ error: CSVReadError) -> ImportReject {
        ImportReject(line: error.line, problems: [error.reason], fields: [])
    }

    /// Checks and normalises one record; `now` stamps identifiers and consent events.
    func prepare(_ record: CSVRecord, at now: Timestamp) -> Result<PreparedImportRow, ImportReject> {
        let fields = record.fields
        guard fields.count == columns.headerCount else {
            return .failure(ImportReject(
                line: record.line,
                problems: ["the row has \(fields.count) field\(fields.count == 1 ? "" : "s") but the header has \(columns.headerCount)"],
                fields: fields))
        }
        var problems: [String] = []

        var kind = CustomerKind.person
        if let index = columns.kind, case let text = Self.trimmed(fields[index]), !text.isEmpty {
            if let parsed = Self.parseKind(text) { kind = parsed } else { problems.append("kind: use person or organisation (개인 or 법인).") }
        }

        var nameErrors: [FieldError] = []
        let name = validator.validateName(fields[columns.displayName], required: true, errors: &nameErrors)
        for error in nameErrors { problems.append("display_name: " + Self.nameMessage(error.code)) }

        var stage = LifecycleStage.prospect
        if let index = columns.stage, case let text = Self.trimmed(fields[index]), !text.isEmpty {
            if let parsed = Self.parseStage(text) {
                stage = parsed
            } else {
                problems.append("stage: unknown stage; use prospect, lead, active or churned (잠재, 가망, 거래, 이탈).")
            }
        }

        var ownerID: String?
        if let index = columns.owner, case let text = Self.trimmed(fields[index]), !text.isEmpty {
            if let id = users[text] { ownerID = id } else { problems.append("owner: no user has this username or id.") }
        }

        var tags: [String] = []
        if let index = columns.tags, !fields[index].isEmpty {
            var tagErrors: [FieldError] = []
            let parts = fields[index].split(separator: ";").map { Self.trimmed(String($0)) }.filter { !$0.isEmpty }
            tags = validator.validateTags(parts, errors: &tagErrors)
            if let first = tagErrors.first { problems.append("tags: " + first.message) }
        }

        var attributes: [String: AttributeValue] = [:]
        for column in columns.attributes {
            let text = Self.trimmed(fields[column.index])
            guard !text.isEmpty else { continue }
            if let value = AttributeValue(parsing: text, as: column.definition.type) {
                attributes[column.definition.key] = value
            } else {
                let hint = column.definition.type == .date ? " (YYYY-MM-DD)" : ""
                problems.append("attr.\(column.definition.key): must be a \(column.definition.type.rawValue)\(hint).")
            }
        }

        var consents: [ConsentEvent] = []
        for column in columns.consents {
            let text = Self.trimmed(fields[column.index])
            guard !text.isEmpty else { continue }
            guard let granted = Self.parseConsent(text) else {
                problems.append("consent.\(column.purpose.rawValue): use Y or N (true/false, 동의/거부).")
                continue
            }
            consents.append(ConsentEvent(purpose: column.purpose, granted: granted, channel: options.consentChannel,
                                         source: options.source, recordedBy: recordedBy, at: now))
        }

        var identifiers: [IdentifierRecord] = []
        var seen: Set<IdentifierKey> = []
        func add(_ value: String, type: IdentifierType, field: ImportField) {
            let input = IdentifierInput(type: type.rawValue, value: value, source: options.source,
                                        overrideChecksum: options.acceptsChecksumFailures)
            switch identifierPreparer.prepare(input, kind: kind, customerID: Self.placeholderCustomer, recordID: "",
                                              defaultSource: options.source, at: now, field: field.name) {
            case .success(let record):
                if seen.insert(IdentifierKey(type: record.type, matchKey: record.matchKey)).inserted { identifiers.append(record) }
            case .failure(let error):
                problems.append(field.name + ": " + Self.identifierMessage(error))
            }
        }
        for column in columns.identifiers {
            let cell = fields[column.index]
            if cell.utf8.contains(UInt8(ascii: ";")) {
                for part in cell.split(separator: ";") {
                    let value = Self.trimmed(String(part))
                    if !value.isEmpty { add(value, type: column.type, field: column.field) }
                }
            } else {
                let value = Self.trimmed(cell)
                if !value.isEmpty { add(value, type: column.type, field: column.field) }
            }
        }
        if let index = columns.birthDate, let name, case let text = Self.trimmed(fields[index]), !text.isEmpty {
            add(name + "|" + text, type: .nameBirthDate, field: .birthDate)
        }

        var externalID: String?
        if let index = columns.externalID, case let text = Self.trimmed(fields[index]), !text.isEmpty {
            if text.count > 200 { problems.append("external_id: longer than 200 characters.") } else { externalID = text }
        }

        guard problems.isEmpty, let name else {
            return .failure(ImportReject(line: record.line, problems: problems, fields: fields))
        }
        let row = PreparedImportRow(
            line: record.line, fields: fields, externalID: "", kind: kind, displayName: name, stage: stage, ownerID: ownerID,
            tags: tags, attributes: attributes, identifiers: identifiers, consents: consents)
        var prepared = row
        prepared.externalID = externalID ?? Self.contentHash(of: row)
        return .success(prepared)
    }

    // MARK: Values

    /// The cell without surrounding white space. Most cells have none; checking the first and last characters
    /// against ASCII and Hangul syllables (never white space) avoids rebuilding the string for them.
    static func trimmed(_ text: String) -> String {
        let scalars = text.unicodeScalars
        guard let first = scalars.first, let last = scalars.last else { return text }
        if isPlainEdge(first) && isPlainEdge(last) { return text }
        return text.trimmingWhitespace()
    }

    private static func isPlainEdge(_ scalar: Unicode.Scalar) -> Bool {
        (0x21..<0x7F).contains(scalar.value) || (0xAC00...0xD7A3).contains(scalar.value)
    }

    static func parseKind(_ text: String) -> CustomerKind? {
        switch text.lowercased() {
        case "person", "individual", "p", "개인", "개인고객": .person
        case "organisation", "organization", "org", "company", "business", "o", "법인", "기업", "단체", "사업자", "법인고객": .organisation
        default: nil
        }
    }

    static func parseStage(_ text: String) -> LifecycleStage? {
        if let stage = LifecycleStage(rawValue: text.lowercased()) { return stage }
        return LifecycleStage.allCases.first { $0.koreanName == text }
    }

    static func parseConsent(_ text: String) -> Bool? {
        switch text.lowercased() {
        case "y", "yes", "true", "1", "o", "동의", "동의함", "수신", "수신동의", "예": true
        case "n", "no", "false", "0", "x", "거부", "미동의", "비동의", "철회", "수신거부", "아니오": false
        default: nil
        }
    }

    private static func nameMessage(_ code: String) -> String {
        switch code {
        case "too_long": "the name is longer than \(CustomerValidator.maxNameLength) characters."
        case "invalid_characters": "the name contains control characters."
        default: "a name is required."
        }
    }

    private static func identifierMessage(_ error: FieldError) -> String {
        switch error.code {
        case "brn.checksum":
            NormalizationWarning.brnChecksum.message + " (The import option to accept failing checksums keeps it.)"
        case "crn.checksum":
            NormalizationWarning.crnChecksum.message + " (The import option to accept failing checksums keeps it.)"
        default:
            error.message
        }
    }

    /// The lineage key of a row without an `external_id`: SHA-256 of its normalised content, so the same row imported
    /// again — even re-typed with other spacing or phone formatting — is recognised.
    static func contentHash(of row: PreparedImportRow) -> String {
        var text = row.kind.rawValue + "\u{1F}" + row.displayName + "\u{1F}" + row.stage.rawValue + "\u{1F}" + (row.ownerID ?? "")
        text += "\u{1F}" + row.tags.joined(separator: "\u{1E}") + "\u{1F}"
        text += row.identifiers.map { $0.type.rawValue + "=" + $0.matchKey }.sorted().joined(separator: "\u{1E}")
        text += "\u{1F}" + row.attributes.map { $0.key + "=" + $0.value.storageText }.sorted().joined(separator: "\u{1E}")
        text += "\u{1F}" + row.consents.map { $0.purpose.rawValue + ($0.granted ? "=Y" : "=N") }.joined(separator: "\u{1E}")
        let digest = SHA256.hash(data: Array(text.utf8))
        return "sha256:" + hex(digest)
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    private static func hex(_ digest: SHA256.Digest) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(64)
        for byte in digest {
            bytes.append(hexDigits[Int(byte >> 4)])
            bytes.append(hexDigits[Int(byte & 0x0F)])
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
