import DangolCore

/// A customer as shown to one viewer: personal data masked or clear according to `PersonalDataPolicy`, the same way
/// in the API, the console and exports.
public struct CustomerView: Codable, Sendable, Hashable {
    public var id: CustomerID
    public var kind: CustomerKind
    public var displayName: String
    /// Whether personal data in this view is masked.
    public var masked: Bool
    public var lifecycleStage: LifecycleStage
    public var ownerID: String?
    public var tags: [String]
    public var attributes: [String: AttributeValue]
    public var identifiers: [IdentifierView]
    public var createdAt: Timestamp
    public var updatedAt: Timestamp
    public var deletedAt: Timestamp?
    public var deletionReason: String?
}

/// One identifier as shown to a viewer.
public struct IdentifierView: Codable, Sendable, Hashable {
    public var id: String
    public var type: IdentifierType
    /// Masked (`010-****-5678`) or clear (`010-1234-5678`) per the viewer.
    public var value: String
    public var masked: Bool
    public var strong: Bool
    public var source: String
    public var verified: Bool
    public var firstSeen: Timestamp
    public var lastSeen: Timestamp
}

/// The customer page: the view plus consent (current state and full history), lifecycle history and relationships.
public struct CustomerDetail: Codable, Sendable, Hashable {
    public var customer: CustomerView
    public var consent: ConsentState
    public var consentHistory: [ConsentEvent]
    public var lifecycleHistory: [LifecycleEvent]
    public var relationships: [RelationshipView]
}

/// A person ↔ organisation link seen from one side.
public struct RelationshipView: Codable, Sendable, Hashable {
    public var id: String
    /// `works_at` or `contact_for`.
    public var kind: String
    public var personID: CustomerID
    public var organisationID: CustomerID
    public var title: String?
    /// The other side's display name (masked per viewer when it is a person).
    public var otherName: String
}

/// A page of results with the cursor for the next page (nil at the end).
public struct Page<Item: Codable & Sendable & Hashable>: Codable, Sendable, Hashable {
    public var items: [Item]
    public var nextCursor: String?
}
