import DangolCore
import SQLKit

/// Membership tiers: the current tier on `customers.tier`, the history in `tier_events`, and the spend that decides.
public struct TierRepository: Sendable {
    public init() {}

    /// Net spend in `currency` of the customer (and those merged into it) with `from < occurred_at ≤ to`.
    public func spend(of customerID: CustomerID, currency: String, from: Timestamp, to: Timestamp, on db: any SQLDatabase) async throws -> Int64 {
        try await db.raw("""
            \(HistoryRepository.family(of: [customerID]))
            SELECT CAST(COALESCE(SUM(t.amount_minor), 0) AS BIGINT) AS spend FROM family \(unsafeRaw: HistoryRepository.familyJoin(db)) transactions t ON t.customer_id = family.id
            WHERE t.currency = \(bind: currency) AND t.occurred_at > \(bind: from.rawValue) AND t.occurred_at <= \(bind: to.rawValue)
            """).first()?.decode(column: "spend", as: Int64.self) ?? 0
    }

    public func currentTier(of customerID: CustomerID, on db: any SQLDatabase) async throws -> String? {
        try await db.raw("SELECT tier FROM customers WHERE id = \(bind: customerID.rawValue)").first()?.decode(column: "tier", as: String?.self)
    }

    /// Sets the tier and appends the change to the history.
    public func change(_ customerID: CustomerID, from: String?, to: String, spend: Int64, at: Timestamp, reason: String,
                       on db: any SQLDatabase) async throws {
        try await db.raw("UPDATE customers SET tier = \(bind: to) WHERE id = \(bind: customerID.rawValue)").run()
        try await db.raw("""
            INSERT INTO tier_events (customer_id, from_tier, to_tier, spend_minor, at, reason) VALUES (\(bind: customerID.rawValue),
            \(bind: from), \(bind: to), \(bind: spend), \(bind: at.rawValue), \(bind: reason))
            """).run()
    }

    /// The tier history of a customer, oldest first: (from, to, spend, at, reason).
    public func history(of customerID: CustomerID, on db: any SQLDatabase) async throws -> [(from: String?, to: String, spend: Int64, at: Timestamp, reason: String)] {
        try await db.raw("""
            SELECT from_tier, to_tier, spend_minor, at, reason FROM tier_events WHERE customer_id = \(bind: customerID.rawValue) ORDER BY id
            """).all().map { row in
            (try row.decode(column: "from_tier", as: String?.self), try row.decode(column: "to_tier", as: String.self),
             try row.decode(column: "spend_minor", as: Int64.self), Timestamp(rawValue: try row.decode(column: "at", as: Int64.self)),
             try row.decode(column: "reason", as: String.self))
        }
    }

    /// Ids of live customers after `cursor` (id order), for the nightly evaluation.
    public func liveCustomers(after cursor: CustomerID?, limit: Int, on db: any SQLDatabase) async throws -> [CustomerID] {
        let after: SQLQueryString = cursor.map { "AND id > \(bind: $0.rawValue)" } ?? ""
        return try await db.raw("""
            SELECT id FROM customers WHERE deleted_at IS NULL AND merged_into IS NULL \(after) ORDER BY id LIMIT \(literal: limit)
            """).all().map { CustomerID(try $0.decode(column: "id", as: String.self)) }
    }
}
