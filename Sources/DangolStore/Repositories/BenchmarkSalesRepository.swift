import DangolCore
import SQLKit

/// Synthetic customers and sales written by SQL alone, for `dangol bench analyze`: millions of rows in seconds,
/// without the use cases (no identifiers, points or events). Never used outside benchmarks.
///
/// Customer k (ids `bench-00000000`…) is born on a day of the last three years and buys within an active span of
/// 30–730 days (both from a hash of k), so the base has early leavers and loyal buyers; each transaction belongs to
/// customer ⌊i·N/M⌋ (about M/N transactions each, in customer order so the indexes fill sequentially), on a random
/// day of that customer's span (capped at yesterday), for a random amount around the customer's own level, with a
/// cost of 60%. The dialects differ only in their row generators and functions (recursive CTE, printf and
/// random() on SQLite; generate_series, lpad and random() on PostgreSQL), side by side below.
public struct BenchmarkSalesRepository: Sendable {
    public init() {}

    /// Inserts customers `[from, to)`.
    public func insertCustomers(from: Int, to: Int, now: Timestamp, on db: any SQLDatabase) async throws {
        if db.dialect.name == "sqlite" {
            try await db.raw("""
                WITH RECURSIVE n(i) AS (SELECT \(bind: from) UNION ALL SELECT i + 1 FROM n WHERE i + 1 < \(bind: to))
                INSERT INTO customers (id, kind, display_name, name_key, lifecycle_stage, created_at, updated_at)
                SELECT printf('bench-%08d', i), 'person', 'bench', 'bench', 'active', \(bind: now.rawValue), \(bind: now.rawValue) FROM n
                """).run()
        } else {
            try await db.raw("""
                INSERT INTO customers (id, kind, display_name, name_key, lifecycle_stage, created_at, updated_at)
                SELECT 'bench-' || lpad(i::text, 8, '0'), 'person', 'bench', 'bench', 'active', \(bind: now.rawValue), \(bind: now.rawValue)
                FROM generate_series(\(bind: from), \(bind: to - 1)) AS i
                """).run()
        }
    }

    /// Inserts transactions `[from, to)` of `total` over `customers` customers, ending yesterday relative to `now`.
    public func insertSales(from: Int, to: Int, total: Int, customers: Int, now: Timestamp, on db: any SQLDatabase) async throws {
        let day: Int64 = 86_400_000
        // Day d of the three years (0…1094) is `now − (1095 − d) days`; the span and birth come from the customer number.
        if db.dialect.name == "sqlite" {
            try await db.raw("""
                WITH RECURSIVE n(i) AS (SELECT \(bind: from) UNION ALL SELECT i + 1 FROM n WHERE i + 1 < \(bind: to)),
                k AS (SELECT i, i * \(bind: customers) / \(bind: total) AS c, abs(random()) AS r1, abs(random()) AS r2 FROM n)
                INSERT INTO transactions (id, source, external_id, customer_id, kind, channel, occurred_at, amount_minor, cost_minor,
                currency, created_at)
                SELECT printf('t%010d', i), 'bench', printf('t%010d', i), printf('bench-%08d', c), 'purchase', 'store',
                \(bind: now.rawValue) - (1095 - min(1094, (c * 2654435761) % 1000 + r1 % (30 + (c * 40503) % 700))) * \(bind: day)
                - r2 % \(bind: day), amount, amount * 6 / 10, 'KRW', \(bind: now.rawValue)
                FROM (SELECT i, c, r1, r2, (5000 + (c * 97) % 40000) * (50 + r2 % 100) / 100 AS amount FROM k)
                """).run()
        } else {
            try await db.raw("""
                INSERT INTO transactions (id, source, external_id, customer_id, kind, channel, occurred_at, amount_minor, cost_minor,
                currency, created_at)
                SELECT 't' || lpad(i::text, 10, '0'), 'bench', 't' || lpad(i::text, 10, '0'), 'bench-' || lpad(c::text, 8, '0'),
                'purchase', 'store',
                \(bind: now.rawValue) - (1095 - least(1094, (c * 2654435761) % 1000 + r1 % (30 + (c * 40503) % 700))) * \(bind: day)
                - r2 % \(bind: day), amount, amount * 6 / 10, 'KRW', \(bind: now.rawValue)
                FROM (SELECT i, c, r1, r2, (5000 + (c * 97) % 40000) * (50 + r2 % 100) / 100 AS amount FROM (
                    SELECT i, i::bigint * \(bind: customers) / \(bind: total) AS c, floor(random() * 1e9)::bigint AS r1,
                    floor(random() * 1e15)::bigint AS r2 FROM generate_series(\(bind: from), \(bind: to - 1)) AS i) AS k) AS x
                """).run()
        }
    }
}
