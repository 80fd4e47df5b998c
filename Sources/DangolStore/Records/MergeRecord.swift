import DangolCore

/// A merge of one customer into another, with its lineage and what it needs to be undone.
public struct MergeRecord: Sendable, Hashable {
    public var id: String
    public var survivorID: CustomerID
    public var absorbedID: CustomerID
    /// Why the records were merged: `steward` (a person decided), `auto` (the match probability passed the
    /// auto-merge threshold), `deterministic` (a shared strong identifier).
    public var rule: String
    /// The match probability, when a model proposed the merge.
    public var probability: Double?
    /// The survivorship decisions per field (JSON).
    public var decisions: String
    /// What the merge moved and changed (JSON), read back by an unmerge.
    public var snapshot: String
    public var mergedBy: String
    public var mergedAt: Timestamp
    public var unmergedBy: String?
    public var unmergedAt: Timestamp?

    public init(id: String, survivorID: CustomerID, absorbedID: CustomerID, rule: String, probability: Double?, decisions: String,
                snapshot: String, mergedBy: String, mergedAt: Timestamp, unmergedBy: String? = nil, unmergedAt: Timestamp? = nil) {
        self.id = id
        self.survivorID = survivorID
        self.absorbedID = absorbedID
        self.rule = rule
        self.probability = probability
        self.decisions = decisions
        self.snapshot = snapshot
        self.mergedBy = mergedBy
        self.mergedAt = mergedAt
        self.unmergedBy = unmergedBy
        self.unmergedAt = unmergedAt
    }
}

/// A link from an external record to a customer, as stored in `source_records`.
public struct SourceRecordLink: Sendable, Hashable, Codable {
    public var source: String
    public var externalID: String
    public var customerID: CustomerID
    public var resolvedVia: String?
    public var firstSeen: Timestamp

    public init(source: String, externalID: String, customerID: CustomerID, resolvedVia: String?, firstSeen: Timestamp) {
        self.source = source
        self.externalID = externalID
        self.customerID = customerID
        self.resolvedVia = resolvedVia
        self.firstSeen = firstSeen
    }
}
