import DangolCore
import SQLKit

extension AnalyticsRepository {
    /// What one run's association model holds.
    public struct AssociationTotals: Sendable, Hashable {
        /// Customers with at least one product in the window (N).
        public var baskets: Int
        /// Products bought by at least one of them.
        public var products: Int
        /// Rules kept.
        public var rules: Int
    }

    /// The limits of the association model.
    public struct AssociationLimits: Sendable, Hashable {
        /// Purchases from this moment on count (nil: all history).
        public var from: Timestamp?
        /// Purchases before this moment count.
        public var end: Timestamp
        /// The least number of customers who bought both products for a rule to be kept.
        public var minimumPairCount: Int
        /// Rules kept per bought product (the strongest by confidence, then lift).
        public var rulesPerProduct: Int
        /// Customers with more distinct products than this are left out (resellers, staff accounts): their pairs grow
        /// with the square of their basket and say little about anyone's taste.
        public var maximumBasketSize: Int

        /// Creates the limits.
        public init(from: Timestamp?, end: Timestamp, minimumPairCount: Int, rulesPerProduct: Int, maximumBasketSize: Int) {
            self.from = from
            self.end = end
            self.minimumPairCount = minimumPairCount
            self.rulesPerProduct = rulesPerProduct
            self.maximumBasketSize = maximumBasketSize
        }
    }

    /// Computes the association model of `runID` in SQL and stores it in `product_associations`.
    ///
    /// A basket is one live customer's set of products: SKUs on lines with a positive quantity of their purchases
    /// (refunds are not subtracted: a returned product was still chosen) within the limits. Pairs are counted once
    /// per customer with a self-join of the baskets on the customer (cost Σ basket size²), in both directions; a rule
    /// X → Y is kept when at least `minimumPairCount` customers bought both, its lift is above 1
    /// (n(X∧Y)·N > n(X)·n(Y), in integers) and it is among the `rulesPerProduct` strongest from X. Nothing is
    /// scanned when no line carries a SKU (sales recorded without lines). One statement for both engines; only the
    /// floating-point type's name differs.
    public func writeAssociations(runID: String, limits: AssociationLimits, on db: any SQLDatabase) async throws -> AssociationTotals {
        guard try await db.raw("SELECT 1 AS x FROM transaction_lines WHERE sku IS NOT NULL LIMIT 1").first() != nil else {
            return AssociationTotals(baskets: 0, products: 0, rules: 0)
        }
        let double = db.dialect.name == "sqlite" ? "REAL" : "DOUBLE PRECISION"
        let since: SQLQueryString = limits.from.map { "AND t.occurred_at >= \(bind: $0.rawValue)" } ?? ""
        try await db.raw("""
            WITH owned AS (
                SELECT DISTINCT t.customer_id AS customer_id, l.sku AS sku
                FROM transactions t JOIN transaction_lines l ON l.transaction_id = t.id
                WHERE t.customer_id IS NOT NULL AND t.kind = 'purchase' AND t.occurred_at < \(bind: limits.end.rawValue) \(since)
                AND l.sku IS NOT NULL AND l.quantity > 0
            ), kept AS (
                SELECT o.customer_id FROM owned o JOIN customers c ON c.id = o.customer_id
                WHERE c.deleted_at IS NULL AND c.merged_into IS NULL
                GROUP BY o.customer_id HAVING COUNT(*) <= \(bind: limits.maximumBasketSize)
            ), baskets AS (
                SELECT o.customer_id, o.sku FROM owned o JOIN kept k ON k.customer_id = o.customer_id
            ), total AS (
                SELECT COUNT(DISTINCT customer_id) AS n FROM baskets
            ), bought AS (
                SELECT sku, COUNT(*) AS n FROM baskets GROUP BY sku
            ), unordered AS (
                SELECT a.sku AS x, b.sku AS y, COUNT(*) AS n FROM baskets a JOIN baskets b ON b.customer_id = a.customer_id AND b.sku > a.sku
                GROUP BY a.sku, b.sku HAVING COUNT(*) >= \(bind: limits.minimumPairCount)
            ), pairs AS (
                SELECT x, y, n FROM unordered UNION ALL SELECT y AS x, x AS y, n FROM unordered
            ), ranked AS (
                SELECT p.x, p.y, p.n AS both_count, bx.n AS x_count, py.n AS y_count, t.n AS basket_count,
                ROW_NUMBER() OVER (PARTITION BY p.x ORDER BY p.n DESC, py.n ASC, p.y) AS position
                FROM pairs p JOIN bought bx ON bx.sku = p.x JOIN bought py ON py.sku = p.y CROSS JOIN total t
                WHERE p.n * t.n > bx.n * py.n
            )
            INSERT INTO product_associations (run_id, antecedent, consequent, pair_count, antecedent_count, consequent_count,
            basket_count, support, confidence, lift)
            SELECT \(bind: runID), x, y, both_count, x_count, y_count, basket_count,
            CAST(both_count AS \(unsafeRaw: double)) / basket_count, CAST(both_count AS \(unsafeRaw: double)) / x_count,
            CAST(both_count AS \(unsafeRaw: double)) * basket_count / (CAST(x_count AS \(unsafeRaw: double)) * y_count)
            FROM ranked WHERE position <= \(bind: limits.rulesPerProduct)
            """).run()
        let rules = try await db.raw("""
            SELECT COUNT(*) AS rules, COUNT(DISTINCT antecedent) AS products, MAX(basket_count) AS baskets
            FROM product_associations WHERE run_id = \(bind: runID)
            """).first()
        return AssociationTotals(baskets: Int(try rules?.decode(column: "baskets", as: Int64?.self) ?? 0),
                                 products: Int(try rules?.decode(column: "products", as: Int64.self) ?? 0),
                                 rules: Int(try rules?.decode(column: "rules", as: Int64.self) ?? 0))
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
