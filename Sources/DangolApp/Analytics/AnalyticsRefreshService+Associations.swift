import DangolAnalytics
import DangolCore
import DangolStore

extension AnalyticsRefreshService {
    /// The next-best-product model of `runID`: the baskets (each customer's set of products in the window ending with
    /// `endDay`) of a sample of `buyers` (in id order; ``BasketSample``: evenly spaced blocks, at most
    /// ``AnalyticsSettings/associationSampleCustomers``)
    /// read in SQL, pairs counted by ``PurchaseAssociations``, and each product's strongest rules stored in
    /// `product_associations`. Baskets larger than ``AnalyticsSettings/associationMaximumBasket`` are left out. Nothing
    /// is read when no transaction line names a product.
    ///
    /// Why a sample and not one SQL aggregate over everyone: pairs grow with Σ basket size²; at a million customers
    /// and twenty million lines a grouped self-join over everyone took six minutes on SQLite, while the sample costs
    /// the same at any size and estimates the frequent pairs — the only ones worth recommending — closely.
    func writeAssociations(runID: String, buyers: [String], endDay: Int) async throws(DangolError) -> AnalyticsReport.Associations {
        let repository = AnalyticsRepository()
        let settings = self.settings
        let dayMillis: Int64 = 86_400_000
        let end = Timestamp(rawValue: Int64(endDay + 1) * dayMillis - Int64(settings.utcOffsetSeconds) * 1_000)
        let from = settings.associationWindowDays.map { Timestamp(rawValue: end.rawValue - Int64($0) * dayMillis) }
        let sample = BasketSample.select(buyers, atMost: settings.associationSampleCustomers)
        let baskets = try await services.read { db -> [String: [String]] in
            guard try await repository.hasProductLines(on: db) else { return [:] }
            return try await repository.basketProducts(of: sample, from: from, end: end, on: db)
        }
        let counted = PurchaseAssociations(baskets: baskets.values.filter { $0.count <= settings.associationMaximumBasket })
        let rules = counted.strongestRules(perProduct: settings.associationRulesPerProduct,
                                           minimumPairCount: settings.associationMinimumCustomers)
        let records = rules.map {
            ProductAssociationRecord(runID: runID, antecedent: $0.antecedent, consequent: $0.consequent, pairCount: $0.pairCount,
                                     antecedentCount: $0.antecedentCount, consequentCount: $0.consequentCount, basketCount: $0.basketCount)
        }
        try await services.transaction { db in try await repository.insertAssociations(records, on: db) }
        return AnalyticsReport.Associations(baskets: counted.basketCount, sampled: sample.count < buyers.count,
                                            products: Set(rules.map(\.antecedent)).count, rules: rules.count,
                                            windowDays: settings.associationWindowDays, minimumCustomers: settings.associationMinimumCustomers)
    }
}
