import DangolAnalytics
import DangolCore
import DangolStore

extension AnalyticsQueryService {
    /// A customer's next best products.
    public struct NextBestProductList: Codable, Sendable, Hashable {
        /// The refresh whose association model was used; nil when no model has rules for what the customer owns
        /// (no refresh yet, or no strong enough rule).
        public var runId: String?
        /// Distinct products the customer has bought.
        public var ownedProducts: Int
        /// Best first.
        public var items: [NextBestProductView]
    }

    /// The top `limit` (1–50) products the customer has not bought, from the latest refresh's association model
    /// (`DangolAnalytics.NextBestProducts.rank`), computed at read time from the products they own. Any
    /// role that may read customers (the answer holds no personal data). `notFound` for an unknown customer.
    public func nextBestProducts(of id: CustomerID, limit: Int, for principal: Principal) async throws(DangolError) -> NextBestProductList {
        try principal.require(scope: "customers:read")
        guard (1...50).contains(limit) else { throw DangolError.invalid(field: "limit", code: "range", "limit is 1–50.") }
        let repository = AnalyticsRepository()
        let (owned, runID, ranked, catalogue) = try await services.read { db in
            guard try await CustomerRepository().find(id, on: db) != nil else { throw DangolError.notFound("The customer") }
            let owned = try await repository.ownedProducts(of: id, on: db)
            let records = try await repository.latestRules(from: owned, on: db)
            let ranked = Self.rank(records, owned: owned, limit: limit)
            let skus = Set(ranked.flatMap { [$0.antecedent, $0.consequent] })
            return (owned, records.first?.runID, ranked, try await ProductRepository().find(skus: Array(skus), on: db))
        }
        return NextBestProductList(runId: runID, ownedProducts: owned.count,
                                items: ranked.map { NextBestProductView(rule: $0, catalogue: catalogue) })
    }

    private static func rank(_ records: [ProductAssociationRecord], owned: [String], limit: Int) -> [AssociationRule] {
        let rules = records.map {
            AssociationRule(antecedent: $0.antecedent, consequent: $0.consequent, antecedentCount: $0.antecedentCount,
                            consequentCount: $0.consequentCount, pairCount: $0.pairCount, basketCount: $0.basketCount)
        }
        return DangolAnalytics.NextBestProducts.rank(rules, owned: Set(owned), limit: limit)
    }
}
