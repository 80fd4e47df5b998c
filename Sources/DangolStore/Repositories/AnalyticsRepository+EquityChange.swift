import DangolCore
import SQLKit

extension AnalyticsRepository {
    /// How customer equity moves when the staging table `staging` (this run's scores, keyed like `customer_scores`)
    /// replaces `customer_scores` (the latest successful run's), summed in SQL before the swap:
    /// - acquired: staging rows without a row in `customer_scores`: acquisition Σ clv;
    /// - retained: staging rows with one: growth Σ (clv − old clv);
    /// - lost: the other rows of `customer_scores` (deleted, merged, refunded in full): loss = Σ old clv − the old clv
    ///   of the retained, so the old table is scanned once in order rather than probed row by row.
    /// One pass over the staging table probing `customer_scores` by primary key, and one plain scan of
    /// `customer_scores`. A missing CLV counts as 0, as in the equity total, so new equity − old equity =
    /// acquisition + growth − loss. PostgreSQL: call after ``finishStaging(_:on:)`` (its keys make the probes cheap).
    public func equityChange(staging: String, on db: any SQLDatabase) async throws -> AnalyticsRunRecord.EquityChange {
        let double = db.dialect.name == "sqlite" ? "REAL" : "DOUBLE PRECISION"
        let matched = try await db.raw("""
            SELECT
            CAST(SUM(CASE WHEN o.customer_id IS NULL THEN COALESCE(n.clv, 0) ELSE 0 END) AS \(unsafeRaw: double)) AS acquisition,
            CAST(SUM(CASE WHEN o.customer_id IS NULL THEN 1 ELSE 0 END) AS BIGINT) AS acquired,
            CAST(SUM(CASE WHEN o.customer_id IS NULL THEN 0 ELSE COALESCE(n.clv, 0) - COALESCE(o.clv, 0) END) AS \(unsafeRaw: double)) AS growth,
            CAST(SUM(CASE WHEN o.customer_id IS NULL THEN 0 ELSE COALESCE(o.clv, 0) END) AS \(unsafeRaw: double)) AS retained_before,
            CAST(SUM(CASE WHEN o.customer_id IS NULL THEN 0 ELSE 1 END) AS BIGINT) AS retained
            FROM \(ident: staging) n LEFT JOIN customer_scores o ON o.customer_id = n.customer_id
            """).first()
        let before = try await db.raw("""
            SELECT CAST(SUM(COALESCE(clv, 0)) AS \(unsafeRaw: double)) AS total, CAST(COUNT(*) AS BIGINT) AS n FROM customer_scores
            """).first()
        func number(_ row: (any SQLRow)?, _ column: String) throws -> Double { try row?.decode(column: column, as: Double?.self) ?? 0 }
        func count(_ row: (any SQLRow)?, _ column: String) throws -> Int { Int(try row?.decode(column: column, as: Int64?.self) ?? 0) }
        let retained = try count(matched, "retained")
        return AnalyticsRunRecord.EquityChange(
            acquisition: try number(matched, "acquisition"), growth: try number(matched, "growth"),
            loss: try number(before, "total") - (try number(matched, "retained_before")),
            acquiredCustomers: try count(matched, "acquired"), retainedCustomers: retained,
            lostCustomers: try count(before, "n") - retained)
    }
}
