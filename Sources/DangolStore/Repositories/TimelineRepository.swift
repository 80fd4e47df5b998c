import DangolCore
import SQLKit

/// The 360° view's reads: one timeline merged in SQL from every history of a customer (and of the customers merged
/// into it), newest first with a keyset cursor, and the purchase summary — aggregated in the database, never by
/// loading rows into Swift.
public struct TimelineRepository: Sendable {
    public init() {}

    /// Up to `limit` items strictly older than `cursor` (or the newest), newest first. Ties on time are ordered by
    /// kind and reference, so paging never skips or repeats an item.
    public func page(of customerID: CustomerID, before cursor: TimelineCursor?, limit: Int, on db: any SQLDatabase) async throws -> [TimelineItem] {
        let after: SQLQueryString = cursor.map {
            "WHERE (items.at, items.kind, items.reference) < (\(bind: $0.at.rawValue), \(bind: $0.kind), \(bind: $0.reference))"
        } ?? ""
        return try await db.raw("""
            \(HistoryRepository.family(of: [customerID]))
            SELECT items.kind, items.reference, items.at, items.amount, items.subject, items.detail FROM (
                SELECT 'transaction' AS kind, t.id AS reference, t.occurred_at AS at, t.amount_minor AS amount, t.currency AS subject,
                    t.channel AS detail FROM family \(unsafeRaw: HistoryRepository.familyJoin(db)) transactions t ON t.customer_id = family.id
                UNION ALL
                SELECT 'consent', CAST(e.id AS TEXT), e.at, NULL, e.purpose, CASE WHEN e.granted THEN 'granted' ELSE 'withdrawn' END
                    FROM family \(unsafeRaw: HistoryRepository.familyJoin(db)) consent_events e ON e.customer_id = family.id
                UNION ALL
                SELECT 'points', CAST(p.id AS TEXT), p.at, p.points, p.kind, p.reason FROM family \(unsafeRaw: HistoryRepository.familyJoin(db)) point_ledger p ON p.customer_id = family.id
                UNION ALL
                SELECT 'lifecycle', CAST(l.id AS TEXT), l.at, NULL, l.to_stage, l.reason FROM lifecycle_events l
                    WHERE l.customer_id = \(bind: customerID.rawValue)
                UNION ALL
                SELECT 'interaction', i.id, i.at, NULL, i.channel, i.direction FROM family \(unsafeRaw: HistoryRepository.familyJoin(db)) interactions i ON i.customer_id = family.id
                UNION ALL
                SELECT 'voc', CAST(v.id AS TEXT), v.at, NULL, v.to_status, v.case_id FROM family \(unsafeRaw: HistoryRepository.familyJoin(db)) voc_events v ON v.customer_id = family.id
                UNION ALL
                SELECT 'tier', CAST(te.id AS TEXT), te.at, te.spend_minor, te.to_tier, te.reason FROM tier_events te
                    WHERE te.customer_id = \(bind: customerID.rawValue)
                UNION ALL
                SELECT 'merge', m.id, m.merged_at, NULL, m.absorbed_id, m.rule FROM merges m
                    WHERE m.survivor_id = \(bind: customerID.rawValue) AND m.unmerged_at IS NULL
            ) AS items \(after)
            ORDER BY items.at DESC, items.kind DESC, items.reference DESC LIMIT \(literal: limit)
            """).all().map { row in
            TimelineItem(kind: try row.decode(column: "kind", as: String.self), reference: try row.decode(column: "reference", as: String.self),
                         at: Timestamp(rawValue: try row.decode(column: "at", as: Int64.self)),
                         amount: try row.decode(column: "amount", as: Int64?.self), subject: try row.decode(column: "subject", as: String?.self),
                         detail: try row.decode(column: "detail", as: String?.self))
        }
    }

    /// The purchase summary per currency (the customer and those merged into it).
    public func purchaseSummary(of customerID: CustomerID, on db: any SQLDatabase) async throws -> [PurchaseSummary] {
        let rows = try await db.raw("""
            \(HistoryRepository.family(of: [customerID]))
            SELECT t.currency, CAST(SUM(CASE WHEN t.kind = 'purchase' THEN 1 ELSE 0 END) AS BIGINT) AS purchases,
            CAST(SUM(CASE WHEN t.kind = 'refund' THEN 1 ELSE 0 END) AS BIGINT) AS refunds, CAST(SUM(t.amount_minor) AS BIGINT) AS spend,
            CAST(SUM(CASE WHEN t.cost_minor IS NOT NULL THEN t.amount_minor - t.cost_minor END) AS BIGINT) AS margin,
            MIN(CASE WHEN t.kind = 'purchase' THEN t.occurred_at END) AS first_purchase,
            MAX(CASE WHEN t.kind = 'purchase' THEN t.occurred_at END) AS last_purchase
            FROM family \(unsafeRaw: HistoryRepository.familyJoin(db)) transactions t ON t.customer_id = family.id GROUP BY t.currency ORDER BY t.currency
            """).all()
        var summaries: [PurchaseSummary] = []
        for row in rows {
            let currency = try row.decode(column: "currency", as: String.self)
            let purchases = Int(try row.decode(column: "purchases", as: Int64.self))
            let spend = try row.decode(column: "spend", as: Int64.self)
            let categories = try await db.raw("""
                \(HistoryRepository.family(of: [customerID]))
                SELECT p.category, CAST(SUM(l.amount_minor) AS BIGINT) AS spend FROM family \(unsafeRaw: HistoryRepository.familyJoin(db)) transactions t ON t.customer_id = family.id
                JOIN transaction_lines l ON l.transaction_id = t.id JOIN products p ON p.sku = l.sku
                WHERE t.currency = \(bind: currency) AND p.category IS NOT NULL GROUP BY p.category ORDER BY 2 DESC, 1 LIMIT 3
                """).all().map { try $0.decode(column: "category", as: String.self) }
            summaries.append(PurchaseSummary(
                currency: currency, purchases: purchases, refunds: Int(try row.decode(column: "refunds", as: Int64.self)), spendMinor: spend,
                marginMinor: try row.decode(column: "margin", as: Int64?.self),
                firstPurchase: try row.decode(column: "first_purchase", as: Int64?.self).map(Timestamp.init(rawValue:)),
                lastPurchase: try row.decode(column: "last_purchase", as: Int64?.self).map(Timestamp.init(rawValue:)),
                averageBasketMinor: purchases > 0 ? spend / Int64(purchases) : nil, favouriteCategories: categories))
        }
        return summaries
    }
}
