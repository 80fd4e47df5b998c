import DangolCore

/// One line of the append-only audit log: who did what to whose data, when, from where.
/// `detail` names fields and identifier types, never values.
public struct AuditEntry: Sendable, Hashable, Codable {
    public var id: Int64
    public var at: Timestamp
    public var actorID: String?
    public var actorRole: String?
    /// e.g. `customer.read_unmasked`, `customer.create`, `identifier.add`, `export.unmasked`.
    public var action: String
    public var customerID: CustomerID?
    public var detail: String?
    public var sourceIP: String?
    public var requestID: String?

    public init(id: Int64 = 0, at: Timestamp, actorID: String?, actorRole: String?, action: String, customerID: CustomerID?,
                detail: String? = nil, sourceIP: String? = nil, requestID: String? = nil) {
        self.id = id
        self.at = at
        self.actorID = actorID
        self.actorRole = actorRole
        self.action = action
        self.customerID = customerID
        self.detail = detail
        self.sourceIP = sourceIP
        self.requestID = requestID
    }
}
