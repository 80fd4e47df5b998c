import DangolCore
import SQLKit

extension AnalyticsRepository {
    /// Writes scores into `table`: into `customer_scores` replacing a customer's earlier row (one JSON bulk upsert per
    /// 5,000 rows), into a staging table (see ``createStaging(_:on:)``) as plain appends.
    public func writeScores(_ scores: [CustomerScoreRecord], into table: String = "customer_scores", on db: any SQLDatabase) async throws {
        try await writeScores(Self.encodeScores(scores), into: table, on: db)
    }

    /// Writes scores encoded by ``encodeScores(_:)`` (the refresh encodes the next batch while this one is written).
    public func writeScores(_ encoded: EncodedScores, into table: String = "customer_scores", on db: any SQLDatabase) async throws {
        for rows in encoded.chunks {
            if table == "customer_scores" {
                try await db.bulkUpsert(into: table, columns: Self.scoreColumns, rows: rows, key: "customer_id")
            } else {
                try await db.bulkInsert(into: table, columns: Self.scoreColumns, rows: rows)
            }
        }
    }

    /// Scores as bulk rows, 5,000 to a statement.
    public struct EncodedScores: Sendable {
        var chunks: [BulkRows]
        /// The number of scores.
        public var count: Int { chunks.reduce(0) { $0 + $1.count } }
    }

    /// Encodes scores for ``writeScores(_:into:on:)-(EncodedScores,_,_)``; pure work, no database.
    public static func encodeScores(_ scores: [CustomerScoreRecord]) -> EncodedScores {
        var encoded = EncodedScores(chunks: [])
        for chunk in scores.chunked(into: 5_000) {
            var rows = BulkRows(capacity: chunk.count * 400)
            for s in chunk {
                rows.row {
                    $0.text(s.customerID.rawValue); $0.text(s.runID); $0.int(s.computedAt.rawValue); $0.text(s.modelVersion)
                    $0.text(s.currency); $0.int(Int64(s.observationEndDay)); $0.int(Int64(s.firstPurchaseDay))
                    $0.int(Int64(s.lastPurchaseDay)); $0.int(Int64(s.frequency)); $0.int(Int64(s.recencyDays))
                    $0.int(Int64(s.ageDays)); $0.double(s.monetary); $0.int(s.revenueMinor); $0.int(s.marginMinor)
                    $0.double(s.historicalValue); $0.int(Int64(s.horizonDays)); $0.double(s.probabilityAlive)
                    $0.double(s.expectedPurchases); $0.double(s.expectedSpend); $0.double(s.clvRevenue); $0.double(s.clv)
                    $0.int(Int64(s.rfmRecency)); $0.int(Int64(s.rfmFrequency)); $0.int(Int64(s.rfmMonetary))
                    $0.text(s.rfmSegment); $0.text(s.valueQuadrant); $0.text(s.churnBand); $0.text(s.churnFactors)
                }
            }
            encoded.chunks.append(rows)
        }
        return encoded
    }

    /// A customer's scores, or nil before the first refresh that saw a purchase of theirs.
    public func scores(of customerID: CustomerID, on db: any SQLDatabase) async throws -> CustomerScoreRecord? {
        let names = Self.scoreColumns.map(\.name).joined(separator: ", ")
        guard let row = try await db.raw("""
            SELECT \(unsafeRaw: names) FROM customer_scores WHERE customer_id = \(bind: customerID.rawValue)
            """).first() else { return nil }
        func int(_ column: String) throws -> Int { Int(try row.decode(column: column, as: Int64.self)) }
        return CustomerScoreRecord(
            customerID: customerID, runID: try row.decode(column: "run_id", as: String.self),
            computedAt: Timestamp(rawValue: try row.decode(column: "computed_at", as: Int64.self)),
            modelVersion: try row.decode(column: "model_version", as: String.self),
            currency: try row.decode(column: "currency", as: String.self), observationEndDay: try int("observation_end_day"),
            firstPurchaseDay: try int("first_purchase_day"), lastPurchaseDay: try int("last_purchase_day"),
            frequency: try int("frequency"), recencyDays: try int("recency_days"), ageDays: try int("age_days"),
            monetary: try row.decode(column: "monetary", as: Double.self),
            revenueMinor: try row.decode(column: "revenue_minor", as: Int64.self),
            marginMinor: try row.decode(column: "margin_minor", as: Int64.self),
            historicalValue: try row.decode(column: "historical_value", as: Double.self), horizonDays: try int("horizon_days"),
            probabilityAlive: try row.decode(column: "p_alive", as: Double?.self),
            expectedPurchases: try row.decode(column: "expected_purchases", as: Double?.self),
            expectedSpend: try row.decode(column: "expected_spend", as: Double?.self),
            clvRevenue: try row.decode(column: "clv_revenue", as: Double?.self), clv: try row.decode(column: "clv", as: Double?.self),
            rfmRecency: try int("rfm_r"), rfmFrequency: try int("rfm_f"), rfmMonetary: try int("rfm_m"),
            rfmSegment: try row.decode(column: "rfm_segment", as: String.self),
            valueQuadrant: try row.decode(column: "value_quadrant", as: String?.self),
            churnBand: try row.decode(column: "churn_band", as: String.self),
            churnFactors: try row.decode(column: "churn_factors", as: String.self))
    }

    /// The number of rows in `customer_scores`.
    public func scoreCount(on db: any SQLDatabase) async throws -> Int {
        Int(try await db.raw("SELECT COUNT(*) AS n FROM customer_scores").first()?.decode(column: "n", as: Int64.self) ?? 0)
    }

    static let scoreColumns: [BulkColumn] = [
        .text("customer_id"), .text("run_id"), .bigint("computed_at"), .text("model_version"), .text("currency"),
        .bigint("observation_end_day"), .bigint("first_purchase_day"), .bigint("last_purchase_day"), .bigint("frequency"),
        .bigint("recency_days"), .bigint("age_days"), .double("monetary"), .bigint("revenue_minor"), .bigint("margin_minor"),
        .double("historical_value"), .bigint("horizon_days"), .double("p_alive"), .double("expected_purchases"),
        .double("expected_spend"), .double("clv_revenue"), .double("clv"), .bigint("rfm_r"), .bigint("rfm_f"), .bigint("rfm_m"),
        .text("rfm_segment"), .text("value_quadrant"), .text("churn_band"), .text("churn_factors"),
    ]
}
