import DangolCore
import SQLKit

extension AnalyticsRepository {
    /// Whether any transaction line names a product (sales recorded without lines give no baskets).
    public func hasProductLines(on db: any SQLDatabase) async throws -> Bool {
        try await db.raw("SELECT 1 AS x FROM transaction_lines WHERE sku IS NOT NULL LIMIT 1").first() != nil
    }

    /// The baskets of `customerIDs`: each customer's distinct SKUs on lines with a positive quantity of their purchases
    /// in `[from, end)` (from nil: all history; refunds are not subtracted — a returned product was still chosen).
    /// Customers without such a line are missing. One indexed lookup per customer (`transactions_customer`), 1,000
    /// customers per statement.
    public func basketProducts(of customerIDs: [String], from: Timestamp?, end: Timestamp,
                               on db: any SQLDatabase) async throws -> [String: [String]] {
        var baskets: [String: [String]] = [:]
        let since: SQLQueryString = from.map { "AND t.occurred_at >= \(bind: $0.rawValue)" } ?? ""
        for chunk in customerIDs.chunked(into: 1_000) {
            let values: [any Encodable & Sendable] = chunk.map { $0 }
            for row in try await db.raw("""
                SELECT DISTINCT t.customer_id AS customer_id, l.sku AS sku
                FROM transactions t JOIN transaction_lines l ON l.transaction_id = t.id
                WHERE t.customer_id IN (\(binds: values)) AND t.kind = 'purchase' AND t.occurred_at < \(bind: end.rawValue) \(since)
                AND l.sku IS NOT NULL AND l.quantity > 0
                """).all() {
                baskets[try row.decode(column: "customer_id", as: String.self), default: []].append(try row.decode(column: "sku", as: String.self))
            }
        }
        return baskets
    }

    /// Stores the rules of one run's model (support, confidence and lift written beside the counts for SQL readers).
    public func insertAssociations(_ rules: [ProductAssociationRecord], on db: any SQLDatabase) async throws {
        for chunk in rules.chunked(into: 5_000) {
            var rows = BulkRows(capacity: chunk.count * 120)
            for rule in chunk {
                let pair = Double(rule.pairCount), baskets = Double(rule.basketCount)
                rows.row {
                    $0.text(rule.runID); $0.text(rule.antecedent); $0.text(rule.consequent); $0.int(Int64(rule.pairCount))
                    $0.int(Int64(rule.antecedentCount)); $0.int(Int64(rule.consequentCount)); $0.int(Int64(rule.basketCount))
                    $0.double(pair / baskets); $0.double(pair / Double(rule.antecedentCount))
                    $0.double(pair * baskets / (Double(rule.antecedentCount) * Double(rule.consequentCount)))
                }
            }
            try await db.bulkInsert(into: "product_associations", columns: [
                .text("run_id"), .text("antecedent"), .text("consequent"), .bigint("pair_count"), .bigint("antecedent_count"),
                .bigint("consequent_count"), .bigint("basket_count"), .double("support"), .double("confidence"), .double("lift"),
            ], rows: rows)
        }
    }

    /// Deletes the association models of every run but `runID` (after `runID` succeeded).
    public func deleteAssociations(notFrom runID: String, on db: any SQLDatabase) async throws {
        try await db.raw("DELETE FROM product_associations WHERE run_id <> \(bind: runID)").run()
    }

    /// Deletes the association model of `runID` (a run that failed).
    public func deleteAssociations(of runID: String, on db: any SQLDatabase) async throws {
        try await db.raw("DELETE FROM product_associations WHERE run_id = \(bind: runID)").run()
    }

    /// The SKUs a customer has bought (lines with a positive quantity on purchases), in SKU order.
    public func ownedProducts(of customerID: CustomerID, on db: any SQLDatabase) async throws -> [String] {
        try await db.raw("""
            SELECT DISTINCT l.sku AS sku FROM transactions t JOIN transaction_lines l ON l.transaction_id = t.id
            WHERE t.customer_id = \(bind: customerID.rawValue) AND t.kind = 'purchase' AND l.sku IS NOT NULL AND l.quantity > 0
            ORDER BY l.sku
            """).all().map { try $0.decode(column: "sku", as: String.self) }
    }

    /// The rules starting from `antecedents` in the model of the latest successful run. The run is chosen inside the
    /// statement, so a run that finishes meanwhile is read whole or not at all (per 1,000 antecedents).
    public func latestRules(from antecedents: [String], on db: any SQLDatabase) async throws -> [ProductAssociationRecord] {
        guard !antecedents.isEmpty else { return [] }
        var records: [ProductAssociationRecord] = []
        // Bound in chunks: a customer may own thousands of products, and each engine caps the parameters of a statement.
        for chunk in antecedents.chunked(into: 1_000) {
            let skus: [any Encodable & Sendable] = chunk.map { $0 }
            records += try await db.raw("""
                SELECT run_id, antecedent, consequent, pair_count, antecedent_count, consequent_count, basket_count
                FROM product_associations
                WHERE run_id = (SELECT id FROM analytics_runs WHERE status = 'succeeded' ORDER BY started_at DESC, id DESC LIMIT 1)
                AND antecedent IN (\(binds: skus))
                """).all().map { row in
                ProductAssociationRecord(
                    runID: try row.decode(column: "run_id", as: String.self), antecedent: try row.decode(column: "antecedent", as: String.self),
                    consequent: try row.decode(column: "consequent", as: String.self),
                    pairCount: Int(try row.decode(column: "pair_count", as: Int64.self)),
                    antecedentCount: Int(try row.decode(column: "antecedent_count", as: Int64.self)),
                    consequentCount: Int(try row.decode(column: "consequent_count", as: Int64.self)),
                    basketCount: Int(try row.decode(column: "basket_count", as: Int64.self)))
            }
        }
        return records
    }
}
