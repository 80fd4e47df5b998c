import DangolCore
import DangolStore

/// What a merge moved and changed, stored with it (`merges.snapshot`) so that an unmerge can put everything back.
struct MergeSnapshot: Codable, Sendable {
    /// The survivor's profile before the merge, and the golden record the merge wrote.
    var survivorBefore: Customer
    var survivorAfter: Customer
    var absorbedUpdatedAt: Timestamp
    /// Identifiers of the absorbed customer given to the survivor.
    var movedIdentifiers: [String]
    /// Identifiers the absorbed customer kept (the survivor had the same value) and that were live: the merge retired
    /// them, the unmerge revives them.
    var retiredIdentifiers: [String]
    var movedSourceRecords: [SourceRecordLink]
    /// Relationships of the absorbed customer given to the survivor.
    var movedRelationships: [String]
    /// Transactions of the absorbed customer given to the survivor.
    var movedTransactions: [String]
}

/// A merge as the API shows it.
public struct MergeView: Sendable, Hashable, Codable {
    public var id: String
    public var survivorID: CustomerID
    public var absorbedID: CustomerID
    public var rule: String
    public var probability: Double?
    public var decisions: [FieldDecisionView]
    public var mergedBy: String
    public var mergedAt: Timestamp
    public var unmergedBy: String?
    public var unmergedAt: Timestamp?
    /// Counts of what moved to the survivor.
    public var movedIdentifiers: Int
    public var movedSourceRecords: Int
    public var movedRelationships: Int
}

/// One survivorship decision, as the API shows it.
public struct FieldDecisionView: Sendable, Hashable, Codable {
    public var field: String
    public var rule: String
    /// `survivor` or `absorbed`: the record whose value the golden record took.
    public var origin: String
    public var key: String?
}
