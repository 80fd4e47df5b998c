import DangolCore
import DangolStore

/// One CSV row, checked and normalised but not yet resolved against the database: the profile of the customer it
/// would create, its identifiers (without customer and record ids, which are decided when the batch is written) and
/// its consent events.
struct PreparedImportRow: Sendable {
    var line: Int
    /// The original fields, kept in case the row is rejected while resolving.
    var fields: [String]
    /// The lineage key: the `external_id` column, or `sha256:` and the hash of the normalised row.
    var externalID: String
    var kind: CustomerKind
    var displayName: String
    var stage: LifecycleStage
    var ownerID: String?
    var tags: [String]
    var attributes: [String: AttributeValue]
    var identifiers: [IdentifierRecord]
    var consents: [ConsentEvent]

    /// The (type, match key) pairs of the strong identifiers, which decide whether the row is an existing customer.
    var strongKeys: [IdentifierKey] {
        identifiers.filter(\.isStrong).map { IdentifierKey(type: $0.type, matchKey: $0.matchKey) }
    }
}

/// A row that was not imported: its physical line, why (without personal data), and its original fields.
struct ImportReject: Error, Sendable {
    var line: Int
    /// `line 17: mobile_phone: …` — names fields and rules, never values.
    var reason: String
    var fields: [String]

    init(line: Int, problems: [String], fields: [String]) {
        self.line = line
        self.reason = "line \(line): " + problems.joined(separator: "; ")
        self.fields = fields
    }
}
