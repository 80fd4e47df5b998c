/// A customer: a person or an organisation the business can identify uniquely, call by name and talk with one to one.
public struct Customer: Sendable, Hashable, Codable {
    public var id: CustomerID
    public var kind: CustomerKind
    /// The name shown everywhere (NFC-normalised, whitespace collapsed). Personal data for people.
    public var displayName: String
    public var lifecycleStage: LifecycleStage
    /// The assigned employee (user id), if any.
    public var ownerID: String?
    public var tags: [String]
    public var attributes: [String: AttributeValue]
    public var createdAt: Timestamp
    public var updatedAt: Timestamp
    /// Set when soft-deleted; a deleted customer keeps its history but frees its strong identifiers.
    public var deletedAt: Timestamp?
    public var deletionReason: String?

    public init(id: CustomerID, kind: CustomerKind, displayName: String, lifecycleStage: LifecycleStage, ownerID: String?,
                tags: [String] = [], attributes: [String: AttributeValue] = [:], createdAt: Timestamp, updatedAt: Timestamp,
                deletedAt: Timestamp? = nil, deletionReason: String? = nil) {
        self.id = id
        self.kind = kind
        self.displayName = displayName
        self.lifecycleStage = lifecycleStage
        self.ownerID = ownerID
        self.tags = tags
        self.attributes = attributes
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.deletedAt = deletedAt
        self.deletionReason = deletionReason
    }

    /// Whether the customer is live (not soft-deleted).
    public var isLive: Bool { deletedAt == nil }
}
