import DangolCore

/// A stored VOC case.
public struct VOCCaseRecord: Sendable, Hashable, Codable {
    public var id: String
    public var customerID: CustomerID
    public var kind: VOCCase.Kind
    public var category: String?
    public var severity: VOCCase.Severity
    public var channel: String
    public var subject: String
    public var description: String?
    public var status: VOCCase.Status
    /// The employee (user id) working it.
    public var ownerID: String?
    public var openedAt: Timestamp
    public var dueAt: Timestamp
    public var resolvedAt: Timestamp?
    public var resolution: String?
    /// When it went past its deadline unresolved and was escalated, and to whom (the owner's manager).
    public var escalatedAt: Timestamp?
    public var escalatedTo: String?
    public var updatedAt: Timestamp

    public init(id: String, customerID: CustomerID, kind: VOCCase.Kind, category: String?, severity: VOCCase.Severity, channel: String,
                subject: String, description: String?, status: VOCCase.Status, ownerID: String?, openedAt: Timestamp, dueAt: Timestamp,
                resolvedAt: Timestamp? = nil, resolution: String? = nil, escalatedAt: Timestamp? = nil, escalatedTo: String? = nil,
                updatedAt: Timestamp) {
        self.id = id
        self.customerID = customerID
        self.kind = kind
        self.category = category
        self.severity = severity
        self.channel = channel
        self.subject = subject
        self.description = description
        self.status = status
        self.ownerID = ownerID
        self.openedAt = openedAt
        self.dueAt = dueAt
        self.resolvedAt = resolvedAt
        self.resolution = resolution
        self.escalatedAt = escalatedAt
        self.escalatedTo = escalatedTo
        self.updatedAt = updatedAt
    }
}
