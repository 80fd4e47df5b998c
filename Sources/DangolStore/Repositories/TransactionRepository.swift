import DangolCore
import SQLKit

/// Sales transactions. For now: insertion (idempotent per source and external id), the daily revenue split by
/// identification, and the moves a merge makes.
public struct TransactionRepository: Sendable {
    public init() {}

    /// Inserts transactions; one already recorded under the same source and external id is skipped. Returns how
    /// many were new.
    @discardableResult
    public func insert(_ transactions: [TransactionRecord], on db: any SQLDatabase) async throws -> Int {
        var added = 0
        for transaction in transactions {
            let rows = try await db.raw("""
                INSERT INTO transactions (id, source, external_id, customer_id, channel, occurred_at, amount_minor, currency,
                resolved_via, created_at) VALUES (\(bind: transaction.id), \(bind: transaction.source), \(bind: transaction.externalID),
                \(bind: transaction.customerID?.rawValue), \(bind: transaction.channel), \(bind: transaction.occurredAt.rawValue),
                \(bind: transaction.amountMinor), \(bind: transaction.currency), \(bind: transaction.resolvedVia),
                \(bind: transaction.createdAt.rawValue))
                ON CONFLICT (source, external_id) DO NOTHING RETURNING id
                """).all()
            added += rows.count
        }
        return added
    }

    /// Revenue per business day, channel and currency in `[from, to)`, split by whether the buyer is known. The day
    /// is computed in SQL with a fixed UTC offset (the business time zone's; Asia/Seoul has no daylight saving), so
    /// the aggregation stays in the database whatever the number of sales. (PostgreSQL sums BIGINT as NUMERIC, hence
    /// the casts.)
    public func dailyRevenue(from: Timestamp, to: Timestamp, utcOffsetSeconds: Int, on db: any SQLDatabase) async throws -> [DailyRevenue] {
        let offset = Int64(utcOffsetSeconds) * 1_000
        return try await db.raw("""
            SELECT (occurred_at + \(bind: offset)) / 86400000 AS day, channel, currency, COUNT(*) AS n,
            CAST(SUM(CASE WHEN customer_id IS NOT NULL THEN 1 ELSE 0 END) AS BIGINT) AS identified_n,
            CAST(SUM(amount_minor) AS BIGINT) AS revenue,
            CAST(SUM(CASE WHEN customer_id IS NOT NULL THEN amount_minor ELSE 0 END) AS BIGINT) AS identified_revenue
            FROM transactions WHERE occurred_at >= \(bind: from.rawValue) AND occurred_at < \(bind: to.rawValue)
            GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
            """).all().map { row in
            DailyRevenue(day: Int(try row.decode(column: "day", as: Int64.self)), channel: try row.decode(column: "channel", as: String.self),
                         currency: try row.decode(column: "currency", as: String.self),
                         transactions: Int(try row.decode(column: "n", as: Int64.self)),
                         identifiedTransactions: Int(try row.decode(column: "identified_n", as: Int64.self)),
                         revenueMinor: try row.decode(column: "revenue", as: Int64.self),
                         identifiedRevenueMinor: try row.decode(column: "identified_revenue", as: Int64.self))
        }
    }

    /// Ids of a customer's transactions.
    public func ids(of customerID: CustomerID, on db: any SQLDatabase) async throws -> [(id: String, resolvedVia: String?, createdAt: Timestamp)] {
        try await db.raw("""
            SELECT id, resolved_via, created_at FROM transactions WHERE customer_id = \(bind: customerID.rawValue) ORDER BY id
            """).all().map { row in
            (try row.decode(column: "id", as: String.self), try row.decode(column: "resolved_via", as: String?.self),
             Timestamp(rawValue: try row.decode(column: "created_at", as: Int64.self)))
        }
    }

    /// Moves transactions to another customer; only those currently held by `from` move.
    public func move(_ ids: [String], from: CustomerID, to: CustomerID, on db: any SQLDatabase) async throws {
        for chunk in ids.chunked(into: 500) {
            let binds: [any Encodable & Sendable] = Array(chunk)
            try await db.raw("""
                UPDATE transactions SET customer_id = \(bind: to.rawValue) WHERE customer_id = \(bind: from.rawValue) AND id IN (\(binds: binds))
                """).run()
        }
    }
}
