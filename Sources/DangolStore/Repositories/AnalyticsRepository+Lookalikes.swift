import DangolCore
import SQLKit

extension AnalyticsRepository {
    /// A customer's early behaviour: what they did in their first days.
    public struct EarlyBehaviour: Codable, Sendable, Hashable {
        /// Purchases (not refunds).
        public var purchases: Int
        /// Net amount of purchases and refunds, minor units of the currency asked for.
        public var spendMinor: Int64
        /// Interactions of any channel and direction.
        public var contacts: Int

        /// Creates a record of early behaviour.
        public init(purchases: Int, spendMinor: Int64, contacts: Int) {
            self.purchases = purchases
            self.spendMinor = spendMinor
            self.contacts = contacts
        }
    }

    /// Up to `limit` live customers of the latest refresh in a value quadrant and/or an RFM segment, highest margin
    /// CLV first (then by id): the seed of a lookalike search.
    public func seedCustomers(valueQuadrant: String?, rfmSegment: String?, limit: Int, on db: any SQLDatabase) async throws -> [CustomerID] {
        var conditions: [SQLQueryString] = ["c.deleted_at IS NULL", "c.merged_into IS NULL"]
        if let valueQuadrant { conditions.append("s.value_quadrant = \(bind: valueQuadrant)") }
        if let rfmSegment { conditions.append("s.rfm_segment = \(bind: rfmSegment)") }
        // NULL CLVs last on both engines (PostgreSQL sorts NULL first in DESC order, SQLite last).
        return try await db.raw("""
            SELECT s.customer_id FROM customer_scores s JOIN customers c ON c.id = s.customer_id
            WHERE \(conditions.joined(" AND "))
            ORDER BY CASE WHEN s.clv IS NULL THEN 1 ELSE 0 END, s.clv DESC, s.customer_id LIMIT \(literal: max(0, limit))
            """).all().map { CustomerID(try $0.decode(column: "customer_id", as: String.self)) }
    }

    /// Up to `limit` live customers in one of `stages` (and of `kind`, with `tag`, owned by `ownerID` when given), newest
    /// first: the candidates of a lookalike search.
    public func lookalikeCandidates(stages: [LifecycleStage], kind: CustomerKind?, tag: String?, ownerID: String?, limit: Int,
                                    on db: any SQLDatabase) async throws -> [CustomerID] {
        guard !stages.isEmpty else { return [] }
        let stageValues: [any Encodable & Sendable] = stages.map(\.rawValue)
        var conditions: [SQLQueryString] = ["c.deleted_at IS NULL", "c.merged_into IS NULL", "c.lifecycle_stage IN (\(binds: stageValues))"]
        if let kind { conditions.append("c.kind = \(bind: kind.rawValue)") }
        if let ownerID { conditions.append("c.owner_id = \(bind: ownerID)") }
        if let tag { conditions.append("EXISTS (SELECT 1 FROM customer_tags t WHERE t.customer_id = c.id AND t.tag = \(bind: tag))") }
        return try await db.raw("""
            SELECT c.id FROM customers c WHERE \(conditions.joined(" AND ")) ORDER BY c.id DESC LIMIT \(literal: max(0, limit))
            """).all().map { CustomerID(try $0.decode(column: "id", as: String.self)) }
    }

    /// What each customer did in their first `days` days, counted from their first sign of life — the earliest of
    /// their creation, first transaction and first contact (an imported customer's history may predate the record).
    /// Spend counts transactions in `currency` only. Customers without any activity get zeros.
    public func earlyBehaviour(of ids: [CustomerID], days: Int, currency: String,
                               on db: any SQLDatabase) async throws -> [CustomerID: EarlyBehaviour] {
        let window = Int64(days) * 86_400_000
        var result: [CustomerID: EarlyBehaviour] = [:]
        for chunk in ids.chunked(into: 500) {
            let values: [any Encodable & Sendable] = chunk.map(\.rawValue)
            // The earliest of three possibly-NULL moments, with CASE (SQLite's MIN(a, b) is NULL if any is, PostgreSQL's
            // LEAST skips NULLs): one spelling for both engines.
            let rows = try await db.raw("""
                WITH firsts AS (
                    SELECT c.id AS id, c.created_at AS created,
                    COALESCE((SELECT MIN(t.occurred_at) FROM transactions t WHERE t.customer_id = c.id), c.created_at) AS sale,
                    COALESCE((SELECT MIN(i.at) FROM interactions i WHERE i.customer_id = c.id), c.created_at) AS contact
                    FROM customers c WHERE c.id IN (\(binds: values))
                ), starts AS (
                    SELECT id, CASE WHEN first_two <= contact THEN first_two ELSE contact END AS start
                    FROM (SELECT id, contact, CASE WHEN created <= sale THEN created ELSE sale END AS first_two FROM firsts) AS f
                )
                SELECT s.id,
                (SELECT COUNT(*) FROM transactions t WHERE t.customer_id = s.id AND t.kind = 'purchase'
                 AND t.occurred_at < s.start + \(bind: window)) AS purchases,
                (SELECT CAST(COALESCE(SUM(t.amount_minor), 0) AS BIGINT) FROM transactions t WHERE t.customer_id = s.id AND t.currency = \(bind: currency)
                 AND t.occurred_at < s.start + \(bind: window)) AS spend,
                (SELECT COUNT(*) FROM interactions i WHERE i.customer_id = s.id AND i.at < s.start + \(bind: window)) AS contacts
                FROM starts s
                """).all()
            for row in rows {
                result[CustomerID(try row.decode(column: "id", as: String.self))] = EarlyBehaviour(
                    purchases: Int(try row.decode(column: "purchases", as: Int64.self)),
                    spendMinor: try row.decode(column: "spend", as: Int64.self),
                    contacts: Int(try row.decode(column: "contacts", as: Int64.self)))
            }
        }
        return result
    }
}
