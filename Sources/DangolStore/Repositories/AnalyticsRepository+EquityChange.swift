import DangolCore
import SQLKit

extension AnalyticsRepository {
    /// How customer equity moves when the staging table `staging` (this run's scores, keyed like `customer_scores`)
    /// replaces `customer_scores` (the latest successful run's): summed in SQL before the swap, in two passes over
    /// primary keys —
    /// - acquired: staging rows without a row in `customer_scores`: acquisition Σ clv;
    /// - retained: staging rows with one: growth Σ (clv − old clv);
    /// - lost: `customer_scores` rows without a staging row (deleted, merged, refunded in full): loss Σ old clv.
    /// A missing CLV counts as 0, as in the equity total, so new equity − old equity = acquisition + growth − loss.
    /// PostgreSQL: call after ``finishStaging(_:on:)`` (the staging table's key makes the lookups cheap).
    public func equityChange(staging: String, on db: any SQLDatabase) async throws -> AnalyticsRunRecord.EquityChange {
        let double = db.dialect.name == "sqlite" ? "REAL" : "DOUBLE PRECISION"
        let kept = try await db.raw("""
            SELECT
            CAST(SUM(CASE WHEN o.customer_id IS NULL THEN COALESCE(n.clv, 0) ELSE 0 END) AS \(unsafeRaw: double)) AS acquisition,
            CAST(SUM(CASE WHEN o.customer_id IS NULL THEN 1 ELSE 0 END) AS BIGINT) AS acquired,
            CAST(SUM(CASE WHEN o.customer_id IS NULL THEN 0 ELSE COALESCE(n.clv, 0) - COALESCE(o.clv, 0) END) AS \(unsafeRaw: double)) AS growth,
            CAST(SUM(CASE WHEN o.customer_id IS NULL THEN 0 ELSE 1 END) AS BIGINT) AS retained
            FROM \(ident: staging) n LEFT JOIN customer_scores o ON o.customer_id = n.customer_id
            """).first()
        let gone = try await db.raw("""
            SELECT CAST(SUM(COALESCE(o.clv, 0)) AS \(unsafeRaw: double)) AS loss, CAST(COUNT(*) AS BIGINT) AS lost FROM customer_scores o
            WHERE NOT EXISTS (SELECT 1 FROM \(ident: staging) n WHERE n.customer_id = o.customer_id)
            """).first()
        func number(_ row: (any SQLRow)?, _ column: String) throws -> Double { try row?.decode(column: column, as: Double?.self) ?? 0 }
        func count(_ row: (any SQLRow)?, _ column: String) throws -> Int { Int(try row?.decode(column: column, as: Int64?.self) ?? 0) }
        return AnalyticsRunRecord.EquityChange(
            acquisition: try number(kept, "acquisition"), growth: try number(kept, "growth"), loss: try number(gone, "loss"),
            acquiredCustomers: try count(kept, "acquired"), retainedCustomers: try count(kept, "retained"),
            lostCustomers: try count(gone, "lost"))
    }
}
