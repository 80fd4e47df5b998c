import DangolCore
import SQLKit

/// The append-only histories of a customer: consent events and lifecycle transitions. Rows are only ever inserted;
/// triggers in the schema refuse updates and deletes.
public struct HistoryRepository: Sendable {
    public init() {}

    /// Appends consent events for customers.
    public func appendConsents(_ events: [(CustomerID, ConsentEvent)], on db: any SQLDatabase) async throws {
        try await appendConsentsMany(events, on: db)
    }

    /// The consent history of a customer, oldest first, including the events of every customer merged into it
    /// (consent events are append-only, so a merge moves them by reference, and an unmerge takes them back).
    public func consents(of customerID: CustomerID, on db: any SQLDatabase) async throws -> [ConsentEvent] {
        try await consents(ofCustomers: [customerID], on: db)[customerID] ?? []
    }

    /// The customer and everyone merged into it, directly or through earlier merges (a recursive query over
    /// `customers.merged_into`, the same on both engines).
    /// How to join `family` to a history table: on SQLite `CROSS JOIN`, which keeps `family` (one customer and those
    /// merged into it: a handful of rows) as the outer loop. Without it, newer SQLite versions may drive the query
    /// from a time index of the history table instead — with ten million sales in the window that is a full scan for
    /// every 360° view. PostgreSQL plans this join well and does not accept `CROSS JOIN … ON`.
    static func familyJoin(_ db: any SQLDatabase) -> String {
        db.dialect.name == "sqlite" ? "CROSS JOIN" : "JOIN"
    }

    static func family(of ids: [CustomerID]) -> SQLQueryString {
        let binds: [any Encodable & Sendable] = ids.map(\.rawValue)
        return """
            WITH RECURSIVE family (root, id) AS (
                SELECT id, id FROM customers WHERE id IN (\(binds: binds))
                UNION ALL
                SELECT family.root, c.id FROM customers c JOIN family ON c.merged_into = family.id
            )
            """
    }

    /// A consent event from a `consent_events` row; nil for a purpose this version does not know.
    static func decodeConsent(_ row: any SQLRow) throws -> ConsentEvent? {
        guard let purpose = ConsentPurpose(rawValue: try row.decode(column: "purpose", as: String.self)) else { return nil }
        return ConsentEvent(
            sequence: try row.decode(column: "id", as: Int64.self), purpose: purpose,
            recipient: try row.decode(column: "recipient", as: String?.self),
            granted: try row.decode(column: "granted", as: Bool.self),
            channel: try row.decode(column: "channel", as: String.self),
            source: try row.decode(column: "source", as: String.self),
            textVersion: try row.decode(column: "text_version", as: String?.self),
            evidence: try row.decode(column: "evidence", as: String?.self),
            recordedBy: try row.decode(column: "recorded_by", as: String?.self),
            at: Timestamp(rawValue: try row.decode(column: "at", as: Int64.self))
        )
    }

    /// Appends lifecycle transitions.
    public func appendLifecycle(_ events: [(CustomerID, LifecycleEvent)], on db: any SQLDatabase) async throws {
        try await appendLifecycleMany(events, on: db)
    }

    /// The lifecycle history of a customer, oldest first.
    public func lifecycle(of customerID: CustomerID, on db: any SQLDatabase) async throws -> [LifecycleEvent] {
        try await db.raw("""
            SELECT from_stage, to_stage, at, by_user_id, reason FROM lifecycle_events WHERE customer_id = \(bind: customerID.rawValue)
            ORDER BY at, id
            """).all().compactMap { row in
            guard let to = LifecycleStage(rawValue: try row.decode(column: "to_stage", as: String.self)) else { return nil }
            return LifecycleEvent(
                from: try row.decode(column: "from_stage", as: String?.self).flatMap(LifecycleStage.init(rawValue:)), to: to,
                at: Timestamp(rawValue: try row.decode(column: "at", as: Int64.self)),
                byUserID: try row.decode(column: "by_user_id", as: String?.self),
                reason: try row.decode(column: "reason", as: String?.self)
            )
        }
    }
}
