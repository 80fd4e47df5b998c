import DangolCore

/// A candidate pair waiting for (or given) a data steward's decision.
public struct MatchReviewRecord: Sendable, Hashable {
    /// Where a review stands.
    public enum Status: String, Sendable, Hashable, Codable, CaseIterable {
        case pending, confirmed, rejected
    }

    public var id: String
    /// The pair, smaller id first.
    public var leftID: CustomerID
    public var rightID: CustomerID
    public var probability: Double
    public var weight: Double
    /// The comparison per field (JSON of the identity engine's explanation).
    public var explanation: String
    /// What proposed it: `dedupe` (a batch run) or `realtime` (an incoming record).
    public var origin: String
    public var status: Status
    public var createdAt: Timestamp
    public var decidedBy: String?
    public var decidedAt: Timestamp?
    /// The merge a confirmation made.
    public var mergeID: String?

    public init(id: String, leftID: CustomerID, rightID: CustomerID, probability: Double, weight: Double, explanation: String,
                origin: String, status: Status = .pending, createdAt: Timestamp, decidedBy: String? = nil, decidedAt: Timestamp? = nil,
                mergeID: String? = nil) {
        self.id = id
        self.leftID = leftID
        self.rightID = rightID
        self.probability = probability
        self.weight = weight
        self.explanation = explanation
        self.origin = origin
        self.status = status
        self.createdAt = createdAt
        self.decidedBy = decidedBy
        self.decidedAt = decidedAt
        self.mergeID = mergeID
    }
}
