import DangolCore
import SQLKit

/// The outbox of domain events (`customer.created`, `consent.changed`…), appended in the same transaction as the change
/// they describe. Triggers, webhooks and the timeline read it later.
public struct DomainEventRepository: Sendable {
    public init() {}

    /// A domain event to append. `payload` is JSON with ids and codes, never personal data.
    public struct Event: Sendable, Hashable {
        public var type: String
        public var customerID: CustomerID?
        public var payload: String
        public var at: Timestamp
        public init(type: String, customerID: CustomerID?, payload: String = "{}", at: Timestamp) {
            self.type = type
            self.customerID = customerID
            self.payload = payload
            self.at = at
        }
    }

    public func append(_ events: [Event], on db: any SQLDatabase) async throws {
        try await appendMany(events, on: db)
    }

    /// Events of one customer, newest first.
    public func list(customerID: CustomerID, limit: Int, on db: any SQLDatabase) async throws -> [Event] {
        try await db.raw("""
            SELECT type, customer_id, payload, at FROM domain_events WHERE customer_id = \(bind: customerID.rawValue)
            ORDER BY id DESC LIMIT \(literal: limit)
            """).all().map { row in
            Event(type: try row.decode(column: "type", as: String.self), customerID: customerID,
                  payload: try row.decode(column: "payload", as: String.self),
                  at: Timestamp(rawValue: try row.decode(column: "at", as: Int64.self)))
        }
    }
}
