import DangolCore
import Foundation
import SQLKit

/// Synthetic customers and sales written by SQL alone, for `dangol bench analyze`: millions of rows in seconds,
/// without the use cases (no identifiers, points or events). Never used outside benchmarks.
///
/// Customer k (ids `bench-00000000`…) is born on a day of the last three years, buys every g days (1–60, with
/// jitter) and after each purchase stops with chance p (from 0.5% up, spread to give the mean asked for): birth, g
/// and p come from hashes of k, so — as BG/NBD assumes — buyers differ in rate and in drop-out, and those born late
/// are censored by today (at most 6 × the mean purchases per customer). Amounts vary around the customer's
/// own level, with a cost of 60%. Rows are written in customer order so the indexes fill sequentially. The dialects
/// differ only in their row generators and functions (recursive CTEs, printf and random() on SQLite;
/// generate_series, lpad and random() on PostgreSQL), side by side below.
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

    /// Inserts the sales of customers `[from, to)`: customer c buys up to `maxPerCustomer` times, stopping after each
    /// purchase with its own chance (from a hash of c); purchases after yesterday (relative to `now`) are
    /// left out.
    /// `stopWidth` sets the spread of the stop chance: 0.5% to (0.5 + stopWidth / 10)%; see ``stopWidth(forMeanSales:)``.
    public func insertSales(customersFrom from: Int, to: Int, maxPerCustomer: Int, stopWidth: Int = 250, now: Timestamp,
                            on db: any SQLDatabase) async throws {
        let day: Int64 = 86_400_000
        // Day d of the three years (0…1094) is `now − (1095 − d) days`. A purchase j happens while no earlier one
        // drew a stop (the window sum); birth, gap and stop chance come from hashes of the customer number.
        if db.dialect.name == "sqlite" {
            try await db.raw("""
                WITH RECURSIVE n(c) AS (SELECT \(bind: from) UNION ALL SELECT c + 1 FROM n WHERE c + 1 < \(bind: to)),
                m(j) AS (SELECT 0 UNION ALL SELECT j + 1 FROM m WHERE j + 1 < \(bind: maxPerCustomer)),
                k AS (SELECT c, j, abs(random()) AS r1, abs(random()) AS r2,
                      CASE WHEN abs(random()) % 1000 < 5 + (c * 2246822519) % \(bind: stopWidth) THEN 1 ELSE 0 END AS stop FROM n, m),
                alive AS (SELECT c, j, r1, r2, COALESCE(SUM(stop) OVER (PARTITION BY c ORDER BY j
                          ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) AS stops FROM k)
                INSERT INTO transactions (id, source, external_id, customer_id, kind, channel, occurred_at, amount_minor, cost_minor,
                currency, created_at)
                SELECT printf('t%08d-%04d', c, j), 'bench', printf('t%08d-%04d', c, j), printf('bench-%08d', c), 'purchase', 'store',
                \(bind: now.rawValue) - (1095 - d) * \(bind: day) - r2 % \(bind: day), amount, amount * 6 / 10, 'KRW', \(bind: now.rawValue)
                FROM (SELECT c, j, r2, (c * 2654435761) % 1095 + j * (1 + (c * 40503) % 60) + r1 % (1 + (c * 40503) % 60) AS d,
                      (5000 + (c * 97) % 40000) * (50 + r2 % 100) / 100 AS amount FROM alive WHERE stops = 0)
                WHERE d <= 1094
                """).run()
        } else {
            try await db.raw("""
                WITH k AS (
                    SELECT c::bigint AS c, j, floor(random() * 1e9)::bigint AS r1, floor(random() * 1e15)::bigint AS r2,
                    CASE WHEN floor(random() * 1000) < 5 + (c::bigint * 2246822519) % \(bind: stopWidth) THEN 1 ELSE 0 END AS stop
                    FROM generate_series(\(bind: from), \(bind: to - 1)) AS c CROSS JOIN generate_series(0, \(bind: maxPerCustomer - 1)) AS j
                ), alive AS (
                    SELECT c, j, r1, r2, COALESCE(SUM(stop) OVER (PARTITION BY c ORDER BY j
                    ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) AS stops FROM k
                )
                INSERT INTO transactions (id, source, external_id, customer_id, kind, channel, occurred_at, amount_minor, cost_minor,
                currency, created_at)
                SELECT 't' || lpad(c::text, 8, '0') || '-' || lpad(j::text, 4, '0'), 'bench',
                't' || lpad(c::text, 8, '0') || '-' || lpad(j::text, 4, '0'), 'bench-' || lpad(c::text, 8, '0'), 'purchase', 'store',
                \(bind: now.rawValue) - (1095 - d) * \(bind: day) - r2 % \(bind: day), amount, amount * 6 / 10, 'KRW', \(bind: now.rawValue)
                FROM (SELECT c, j, r2, (c * 2654435761) % 1095 + j * (1 + (c * 40503) % 60) + r1 % (1 + (c * 40503) % 60) AS d,
                      (5000 + (c * 97) % 40000) * (50 + r2 % 100) / 100 AS amount FROM alive WHERE stops = 0) AS x
                WHERE d <= 1094
                """).run()
        }
    }

    /// The stop-chance spread (per mille) that gives about `mean` observed sales per customer: with p uniform on
    /// [0.005, 0.005 + w/1000], E[1/p] = ln(1 + w/5)·1000/w, and about half of that survives censoring (measured:
    /// w = 250 gives 8.1 per customer).
    public static func stopWidth(forMeanSales mean: Double) -> Int {
        func observed(_ width: Int) -> Double { 0.51 * 1_000 * log(1 + Double(width) / 5) / Double(width) }
        return (10...2_000).min { abs(observed($0) - mean) < abs(observed($1) - mean) } ?? 250
    }
}
