import DangolCore
import SQLKit

/// Webhook subscriptions, their outbox cursors and deliveries.
public struct WebhookRepository: Sendable {
    public init() {}

    /// A subscription as stored.
    public struct Subscription: Sendable, Hashable {
        public var id: String
        public var url: String
        public var secretSealed: String
        /// Event types delivered (`customer.merged`, …), or `["*"]` for all.
        public var eventTypes: [String]
        public var active: Bool
        /// The last outbox event already turned into deliveries.
        public var lastEventID: Int64
        public var createdBy: String
        public var createdAt: Timestamp

        public init(id: String, url: String, secretSealed: String, eventTypes: [String], active: Bool, lastEventID: Int64, createdBy: String,
                    createdAt: Timestamp) {
            self.id = id
            self.url = url
            self.secretSealed = secretSealed
            self.eventTypes = eventTypes
            self.active = active
            self.lastEventID = lastEventID
            self.createdBy = createdBy
            self.createdAt = createdAt
        }
    }

    /// A delivery of one event to one subscription.
    public struct Delivery: Sendable, Hashable, Codable {
        public var id: String
        public var subscriptionID: String
        public var eventID: Int64
        /// `pending`, `delivered` or `failed` (gave up).
        public var status: String
        public var attempts: Int
        public var nextAttemptAt: Timestamp
        public var lastStatus: Int?
        public var lastError: String?
        public var deliveredAt: Timestamp?
    }

    /// An outbox event with its sequence number.
    public struct OutboxEvent: Sendable, Hashable {
        public var id: Int64
        public var type: String
        public var customerID: String?
        public var payload: String
        public var at: Timestamp
    }

    public func insert(_ subscription: Subscription, on db: any SQLDatabase) async throws {
        try await db.raw("""
            INSERT INTO webhook_subscriptions (id, url, secret_sealed, event_types, active, last_event_id, created_by, created_at)
            VALUES (\(bind: subscription.id), \(bind: subscription.url), \(bind: subscription.secretSealed),
            \(bind: subscription.eventTypes.joined(separator: ",")), \(bind: subscription.active), \(bind: subscription.lastEventID),
            \(bind: subscription.createdBy), \(bind: subscription.createdAt.rawValue))
            """).run()
    }

    public func subscriptions(activeOnly: Bool, on db: any SQLDatabase) async throws -> [Subscription] {
        let condition: SQLQueryString = activeOnly ? "WHERE active" : ""
        return try await db.raw("""
            SELECT id, url, secret_sealed, event_types, active, last_event_id, created_by, created_at FROM webhook_subscriptions \(condition)
            ORDER BY created_at, id
            """).all().map { row in
            Subscription(id: try row.decode(column: "id", as: String.self), url: try row.decode(column: "url", as: String.self),
                         secretSealed: try row.decode(column: "secret_sealed", as: String.self),
                         eventTypes: try row.decode(column: "event_types", as: String.self).split(separator: ",").map(String.init),
                         active: try row.decode(column: "active", as: Bool.self), lastEventID: try row.decode(column: "last_event_id", as: Int64.self),
                         createdBy: try row.decode(column: "created_by", as: String.self),
                         createdAt: Timestamp(rawValue: try row.decode(column: "created_at", as: Int64.self)))
        }
    }

    public func deactivate(_ id: String, on db: any SQLDatabase) async throws -> Bool {
        try await db.raw("UPDATE webhook_subscriptions SET active = FALSE WHERE id = \(bind: id) AND active RETURNING id").all().count == 1
    }

    /// The latest outbox event id (a new subscription starts after it: no history is replayed).
    public func latestEventID(on db: any SQLDatabase) async throws -> Int64 {
        try await db.raw("SELECT CAST(COALESCE(MAX(id), 0) AS BIGINT) AS id FROM domain_events").first()?.decode(column: "id", as: Int64.self) ?? 0
    }

    /// Outbox events after `id`, oldest first.
    public func events(after id: Int64, limit: Int, on db: any SQLDatabase) async throws -> [OutboxEvent] {
        try await db.raw("""
            SELECT id, type, customer_id, payload, at FROM domain_events WHERE id > \(bind: id) ORDER BY id LIMIT \(literal: limit)
            """).all().map(Self.decodeEvent)
    }

    public func event(_ id: Int64, on db: any SQLDatabase) async throws -> OutboxEvent? {
        try await db.raw("SELECT id, type, customer_id, payload, at FROM domain_events WHERE id = \(bind: id)").first().map(Self.decodeEvent)
    }

    /// Queues deliveries (skipping any already queued) and moves the subscription's cursor, in the caller's transaction.
    public func enqueue(subscriptionID: String, eventIDs: [Int64], cursor: Int64, ids: [String], at: Timestamp, on db: any SQLDatabase) async throws {
        for (eventID, id) in zip(eventIDs, ids) {
            try await db.raw("""
                INSERT INTO webhook_deliveries (id, subscription_id, event_id, status, attempts, next_attempt_at, created_at)
                VALUES (\(bind: id), \(bind: subscriptionID), \(bind: eventID), 'pending', 0, \(bind: at.rawValue), \(bind: at.rawValue))
                ON CONFLICT (subscription_id, event_id) DO NOTHING
                """).run()
        }
        try await db.raw("UPDATE webhook_subscriptions SET last_event_id = \(bind: cursor) WHERE id = \(bind: subscriptionID)").run()
    }

    /// Pending deliveries due at `now`, oldest first.
    public func due(at now: Timestamp, limit: Int, on db: any SQLDatabase) async throws -> [Delivery] {
        try await deliveries(where: "status = 'pending' AND next_attempt_at <= \(bind: now.rawValue)", limit: limit, on: db)
    }

    /// The delivery log of a subscription, newest first.
    public func log(subscriptionID: String, limit: Int, on db: any SQLDatabase) async throws -> [Delivery] {
        try await deliveries(where: "subscription_id = \(bind: subscriptionID)", limit: limit, newestFirst: true, on: db)
    }

    /// Records the outcome of an attempt.
    public func record(_ delivery: Delivery, on db: any SQLDatabase) async throws {
        try await db.raw("""
            UPDATE webhook_deliveries SET status = \(bind: delivery.status), attempts = \(bind: delivery.attempts),
            next_attempt_at = \(bind: delivery.nextAttemptAt.rawValue), last_status = \(bind: delivery.lastStatus), last_error = \(bind: delivery.lastError),
            delivered_at = \(bind: delivery.deliveredAt?.rawValue) WHERE id = \(bind: delivery.id)
            """).run()
    }

    private func deliveries(where condition: SQLQueryString, limit: Int, newestFirst: Bool = false, on db: any SQLDatabase) async throws -> [Delivery] {
        let order: SQLQueryString = newestFirst ? "ORDER BY created_at DESC, event_id DESC" : "ORDER BY next_attempt_at, event_id"
        return try await db.raw("""
            SELECT id, subscription_id, event_id, status, attempts, next_attempt_at, last_status, last_error, delivered_at FROM webhook_deliveries
            WHERE \(condition) \(order) LIMIT \(literal: limit)
            """).all().map { row in
            Delivery(id: try row.decode(column: "id", as: String.self), subscriptionID: try row.decode(column: "subscription_id", as: String.self),
                     eventID: try row.decode(column: "event_id", as: Int64.self), status: try row.decode(column: "status", as: String.self),
                     attempts: try row.decode(column: "attempts", as: Int.self),
                     nextAttemptAt: Timestamp(rawValue: try row.decode(column: "next_attempt_at", as: Int64.self)),
                     lastStatus: try row.decode(column: "last_status", as: Int?.self), lastError: try row.decode(column: "last_error", as: String?.self),
                     deliveredAt: try row.decode(column: "delivered_at", as: Int64?.self).map(Timestamp.init(rawValue:)))
        }
    }

    private static func decodeEvent(_ row: any SQLRow) throws -> OutboxEvent {
        OutboxEvent(id: try row.decode(column: "id", as: Int64.self), type: try row.decode(column: "type", as: String.self),
                    customerID: try row.decode(column: "customer_id", as: String?.self), payload: try row.decode(column: "payload", as: String.self),
                    at: Timestamp(rawValue: try row.decode(column: "at", as: Int64.self)))
    }
}
