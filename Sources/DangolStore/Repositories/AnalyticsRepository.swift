import DangolCore
import SQLKit

/// Storage of customer analytics: per-customer purchase totals computed in SQL for the refresh, in keyset batches of
/// customers so that a million customers never load at once; the scores it writes back (`customer_scores`); and the
/// record of each refresh run (`analytics_runs`).
public struct AnalyticsRepository: Sendable {
    public init() {}

    /// The id of the `size`-th customer after `after` in id order: the inclusive upper end of the next batch, or nil
    /// when fewer than `size` customers remain (the batch then runs to the end).
    public func batchEnd(after: String?, size: Int, on db: any SQLDatabase) async throws -> String? {
        try await db.raw("""
            SELECT id FROM customers WHERE id > \(bind: after ?? "") ORDER BY id LIMIT 1 OFFSET \(literal: max(0, size - 1))
            """).first()?.decode(column: "id", as: String.self)
    }

    /// The purchase totals of the live customers with ids in `(after, through]` (through nil: to the end), from the
    /// transactions in `currency` before `end`, by business day (`utcOffsetSeconds`, a fixed offset: Asia/Seoul has
    /// no daylight saving). See ``CustomerPurchaseTotals`` for the rules; customers without a purchase day are left
    /// out. The present value compounds each day's margin to `endDay` by `dailyGrowth^(endDay − day)`, computed as a
    /// product over the bits of the age of bound powers `dailyGrowth^(2^k)` on SQLite (no POW without its math
    /// extension, and a join to a table of factors depends on the planner building an index for it), and with
    /// `power()` on PostgreSQL, where the sixteen factors cost more than the rest of the aggregate. PostgreSQL runs
    /// the statement with JIT compilation off: compiling it took ~0.2 s per batch and bought nothing.
    ///
    /// A refund counts on the day of the sale it refunds, looked up only for refunds: as a LEFT JOIN, PostgreSQL
    /// hashed the whole sales table for every batch (8 s a batch at 10M sales).
    ///
    /// One query for both engines but for the growth factor and the name of the floating-point type. Two grouped
    /// passes and no window function (a window over the day rows cost as much as the rest of the query): the first
    /// purchase day and its amount travel together as one integer key, `day × 2⁴⁵ + amount`, whose minimum is the
    /// first day — days below 2¹⁷ (the year 2328) and daily amounts below 2⁴⁵ minor units keep the key within 64 bits.
    public func purchaseTotals(
        after: String?, through: String?, end: Timestamp, endDay: Int, utcOffsetSeconds: Int, currency: String,
        dailyGrowth: Double, on db: any SQLDatabase
    ) async throws -> [CustomerPurchaseTotals] {
        let double = db.dialect.name == "sqlite" ? "REAL" : "DOUBLE PRECISION"
        let offset = Int64(utcOffsetSeconds) * 1_000
        let upper: SQLQueryString = through.map { "AND t.customer_id <= \(bind: $0)" } ?? ""
        // dailyGrowth^age for ages below 2^16 days (179 years), one factor per bit of the age.
        var power = dailyGrowth
        var factors: [SQLQueryString] = []
        for bit in 0..<16 {
            factors.append("CASE WHEN ((\(bind: endDay) - d.day) & \(literal: 1 << bit)) <> 0 THEN \(bind: power) ELSE 1.0 END")
            power *= power
        }
        guard endDay < 1 << 17 else { throw DangolError(.invalidInput, "The observation end is after the year 2328.") }
        let key: SQLQueryString = "\(literal: 1 << 45)"
        let bought: SQLQueryString = "(d.amount > 0 OR (d.amount = 0 AND d.refunds = 0))"
        let sqlite = db.dialect.name == "sqlite"
        let growth: SQLQueryString = sqlite
            ? factors.joined(" * ")
            : "power(\(bind: dailyGrowth), CAST(\(bind: endDay) - d.day AS DOUBLE PRECISION))"
        if !sqlite { try await db.raw("SET jit = off").run() }
        let rows = try await db.raw("""
            WITH days AS (
                SELECT t.customer_id AS customer_id, (COALESCE(CASE WHEN t.refund_of IS NOT NULL THEN (
                    SELECT o.occurred_at FROM transactions o WHERE o.source = t.source AND o.external_id = t.refund_of
                ) END, t.occurred_at) + \(bind: offset)) / 86400000 AS day,
                CAST(SUM(t.amount_minor) AS BIGINT) AS amount,
                CAST(SUM(t.amount_minor - COALESCE(t.cost_minor, 0)) AS BIGINT) AS margin,
                CAST(SUM(CASE WHEN t.cost_minor IS NULL THEN 1 ELSE 0 END) AS BIGINT) AS without_cost,
                CAST(SUM(CASE WHEN t.amount_minor < 0 THEN 1 ELSE 0 END) AS BIGINT) AS refunds
                FROM transactions t
                WHERE t.customer_id > \(bind: after ?? "") \(upper) AND t.occurred_at < \(bind: end.rawValue)
                AND t.currency = \(bind: currency)
                GROUP BY 1, 2
            ), totals AS (
                SELECT d.customer_id,
                MIN(CASE WHEN \(bought) THEN d.day * \(key) + d.amount END) AS first_key,
                MAX(CASE WHEN \(bought) THEN d.day END) AS last_day,
                CAST(SUM(CASE WHEN \(bought) THEN 1 ELSE 0 END) - 1 AS BIGINT) AS frequency,
                CAST(SUM(CASE WHEN \(bought) THEN d.amount ELSE 0 END) AS BIGINT) AS bought_amount,
                CAST(SUM(d.amount) AS BIGINT) AS revenue, CAST(SUM(d.margin) AS BIGINT) AS margin,
                CAST(SUM(d.without_cost) AS BIGINT) AS without_cost,
                CAST(SUM(d.margin * \(growth)) AS \(unsafeRaw: double)) AS margin_pv
                FROM days d
                GROUP BY d.customer_id
            )
            SELECT s.customer_id, s.first_key / \(key) AS first_day, s.last_day, s.frequency,
            s.bought_amount - s.first_key % \(key) AS repeat_amount, s.revenue, s.margin, s.without_cost, s.margin_pv
            FROM totals s JOIN customers c ON c.id = s.customer_id
            WHERE s.first_key IS NOT NULL AND c.deleted_at IS NULL AND c.merged_into IS NULL ORDER BY s.customer_id
            """).all()
        if !sqlite { try await db.raw("RESET jit").run() }
        return try rows.map { row in
            CustomerPurchaseTotals(
                customerID: try row.decode(column: "customer_id", as: String.self),
                firstPurchaseDay: Int(try row.decode(column: "first_day", as: Int64.self)),
                lastPurchaseDay: Int(try row.decode(column: "last_day", as: Int64.self)),
                repeatPurchaseDays: Int(try row.decode(column: "frequency", as: Int64.self)),
                repeatAmountMinor: try row.decode(column: "repeat_amount", as: Int64.self),
                revenueMinor: try row.decode(column: "revenue", as: Int64.self),
                marginMinor: try row.decode(column: "margin", as: Int64.self),
                transactionsWithoutCost: Int(try row.decode(column: "without_cost", as: Int64.self)),
                marginPresentValue: try row.decode(column: "margin_pv", as: Double.self))
        }
    }

    /// Takes the cluster-wide analytics lock on PostgreSQL (a session advisory lock on this connection, so the
    /// caller must release it on the same connection); false if another process holds it. SQLite: always true
    /// (one process writes a SQLite file, and its write lock serialises the rest).
    public func tryLock(on db: any SQLDatabase) async throws -> Bool {
        guard db.dialect.name != "sqlite" else { return true }
        return try await db.raw("SELECT pg_try_advisory_lock(\(bind: Self.lockKey)) AS locked").first()?
            .decode(column: "locked", as: Bool.self) ?? false
    }

    /// Releases the lock taken by ``tryLock(on:)``.
    public func unlock(on db: any SQLDatabase) async throws {
        guard db.dialect.name != "sqlite" else { return }
        try await db.raw("SELECT pg_advisory_unlock(\(bind: Self.lockKey))").run()
    }

    /// The advisory-lock key of the analytics refresh (the migrator uses 7291).
    static let lockKey: Int64 = 7_292
}
