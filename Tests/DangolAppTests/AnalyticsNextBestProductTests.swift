import DangolAnalytics
import DangolApp
import DangolCore
import DangolStore
import DangolTestSupport
import Foundation
import SQLKit
import Testing

@Suite("Analytics refresh — next best products")
struct AnalyticsNextBestProductTests {
    typealias Sample = AnalyticsTestData

    /// A purchase (or refund) of `customer` (nil: anonymous) with one line per SKU.
    static func sale(_ externalID: String, customer: Int?, day: Int, skus: [String?], kind: TransactionRecord.Kind = .purchase,
                     quantity: Int64 = 1) -> TransactionRecord {
        let amount: Int64 = kind == .refund ? -1_000 : 1_000 * Int64(skus.count)
        return TransactionRecord(
            id: UUID().uuidString.lowercased(), source: "pos", externalID: externalID, customerID: customer.map(Sample.customerID),
            kind: kind, channel: "store", occurredAt: Sample.at(day), amountMinor: amount, costMinor: amount / 2, currency: "KRW",
            createdAt: Sample.at(day),
            lines: skus.map { TransactionLine(sku: $0, quantity: quantity, unitPriceMinor: 1_000, amountMinor: 1_000 * quantity) })
    }

    /// Five live baskets — {A, B}, {A, B, C}, {A, C} (A bought twice), {B}, {D} — so A3 B3 C2 D1, AB 2, AC 2, BC 1 over
    /// N = 5; plus what must not count: a deleted customer's {B, C}, an anonymous {C, D}, a refund of E, a purchase of
    /// E older than the window, a line without a SKU and one with quantity 0.
    static func insertBaskets(into services: AppServices) async throws {
        let t = Sample.today
        try await Sample.insertCustomers(Array(0...5), into: services.database)
        try await Sample.insert([
            sale("b0", customer: 0, day: t - 30, skus: ["A", "B"]),
            sale("b1a", customer: 1, day: t - 40, skus: ["A"]), sale("b1b", customer: 1, day: t - 20, skus: ["B", "C", nil]),
            sale("b2a", customer: 2, day: t - 50, skus: ["A", "C"]), sale("b2b", customer: 2, day: t - 10, skus: ["A"]),
            sale("b3", customer: 3, day: t - 5, skus: ["B"]), sale("b3r", customer: 3, day: t - 4, skus: ["E"], kind: .refund),
            sale("b4", customer: 4, day: t - 60, skus: ["D"]), sale("b4old", customer: 4, day: t - 400, skus: ["E"]),
            sale("b4zero", customer: 4, day: t - 61, skus: ["F"], quantity: 0),
            sale("b5", customer: 5, day: t - 3, skus: ["B", "C"]),
            sale("anon", customer: nil, day: t - 7, skus: ["C", "D"]),
        ], into: services.database)
        try await services.database.transaction { db in
            try await CustomerRepository().softDelete(Sample.customerID(5), reason: "test", at: services.clock.now(), on: db)
            for (sku, name) in [("A", "원두 A"), ("B", "머그 B"), ("C", "드립백 C")] {
                try await ProductRepository().upsert(.init(sku: sku, name: name, category: "커피", listPriceMinor: 1_000, unitCostMinor: 500,
                                                           currency: "KRW"), at: services.clock.now(), on: db)
            }
        }
    }

    static func storedRules(_ services: AppServices) async throws -> [String: ProductAssociationRecord] {
        try await services.database.read { db in
            let rows = try await db.raw("""
                SELECT run_id, antecedent, consequent, pair_count, antecedent_count, consequent_count, basket_count, support, confidence, lift
                FROM product_associations
                """).all()
            var rules: [String: ProductAssociationRecord] = [:]
            for row in rows {
                let record = ProductAssociationRecord(
                    runID: try row.decode(column: "run_id", as: String.self), antecedent: try row.decode(column: "antecedent", as: String.self),
                    consequent: try row.decode(column: "consequent", as: String.self),
                    pairCount: try row.decode(column: "pair_count", as: Int.self), antecedentCount: try row.decode(column: "antecedent_count", as: Int.self),
                    consequentCount: try row.decode(column: "consequent_count", as: Int.self), basketCount: try row.decode(column: "basket_count", as: Int.self))
                let lift = try row.decode(column: "lift", as: Double.self), confidence = try row.decode(column: "confidence", as: Double.self)
                let support = try row.decode(column: "support", as: Double.self)
                let rule = AssociationRule(antecedent: record.antecedent, consequent: record.consequent, antecedentCount: record.antecedentCount,
                                           consequentCount: record.consequentCount, pairCount: record.pairCount, basketCount: record.basketCount)
                #expect(abs(lift - rule.lift) < 1e-12 && abs(confidence - rule.confidence) < 1e-12 && abs(support - rule.support) < 1e-12)
                rules[record.antecedent + "→" + record.consequent] = record
            }
            return rules
        }
    }

    @Test("The refresh stores the rules with lift above 1 that counting the baskets by hand gives, and only the latest run's",
          arguments: TestEngine.all)
    func storedModel(engine: TestEngine) async throws {
        try await engine.withServices { services in
            try await Self.insertBaskets(into: services)
            let settings = AnalyticsSettings(associationMinimumCustomers: 1)
            let outcome = try await AnalyticsRefreshService(services: services, settings: settings).refresh(trigger: "test")
            let rules = try await Self.storedRules(services)
            // A→B: 2/3 ÷ 3/5 = 10/9; A→C: 2/3 ÷ 2/5 = 5/3; B↔C has lift 5/6 and is dropped; D has no partner.
            #expect(Set(rules.keys) == ["A→B", "B→A", "A→C", "C→A"])
            let ab = try #require(rules["A→B"])
            #expect(ab.pairCount == 2 && ab.antecedentCount == 3 && ab.consequentCount == 3 && ab.basketCount == 5)
            #expect(rules["C→A"]?.antecedentCount == 2 && rules["C→A"]?.pairCount == 2)
            #expect(rules.values.allSatisfy { $0.runID == outcome.runID })
            // The same numbers as counting the baskets in Swift.
            let counted = PurchaseAssociations(baskets: [["A", "B"], ["A", "B", "C"], ["A", "C"], ["B"], ["D"]])
                .rules(minimumSupport: 0, minimumConfidence: 0).filter { $0.lift > 1 }
            #expect(Set(counted.map { "\($0.antecedent)→\($0.consequent)" }) == Set(rules.keys))
            for rule in counted {
                let stored = try #require(rules["\(rule.antecedent)→\(rule.consequent)"])
                #expect(stored.pairCount == rule.pairCount && stored.antecedentCount == rule.antecedentCount
                        && stored.consequentCount == rule.consequentCount && stored.basketCount == rule.basketCount)
            }
            #expect(outcome.report.associations?.rules == 4 && outcome.report.associations?.baskets == 5)
            #expect(outcome.report.associations?.products == 3)

            // Two customers behind a pair are required by default, so nothing survives at three; one rule per product
            // keeps A's stronger one (same confidence, higher lift: C).
            _ = try await AnalyticsRefreshService(services: services, settings: AnalyticsSettings(associationMinimumCustomers: 3))
                .refresh(trigger: "test")
            #expect(try await Self.storedRules(services).isEmpty)
            let third = try await AnalyticsRefreshService(
                services: services, settings: AnalyticsSettings(associationMinimumCustomers: 2, associationRulesPerProduct: 1)).refresh(trigger: "test")
            let one = try await Self.storedRules(services)
            #expect(Set(one.keys) == ["A→C", "B→A", "C→A"])
            #expect(one.values.allSatisfy { $0.runID == third.runID })
        }
    }

    @Test("Above the sample size only the sampled buyers' baskets are counted, and the report says so", arguments: TestEngine.all)
    func sampled(engine: TestEngine) async throws {
        try await engine.withServices { services in
            try await Self.insertBaskets(into: services)
            let settings = AnalyticsSettings(associationMinimumCustomers: 1, associationSampleCustomers: 3)
            let outcome = try await AnalyticsRefreshService(services: services, settings: settings).refresh(trigger: "test")
            let basketOf = [0: ["A", "B"], 1: ["A", "B", "C"], 2: ["A", "C"], 3: ["B"], 4: ["D"]]
            let sample = Set(BasketSample.select((0...4).map { Sample.customerID($0).rawValue }, atMost: 3))
            #expect(sample.count < 5)
            let baskets = basketOf.filter { sample.contains(Sample.customerID($0.key).rawValue) }.map(\.value)
            let expected = PurchaseAssociations(baskets: baskets).strongestRules(perProduct: 20, minimumPairCount: 1)
            let stored = try await Self.storedRules(services)
            #expect(Set(stored.keys) == Set(expected.map { "\($0.antecedent)→\($0.consequent)" }))
            #expect(stored.values.allSatisfy { $0.basketCount == baskets.count })
            #expect(outcome.report.associations?.sampled == true && outcome.report.associations?.baskets == baskets.count)
        }
    }

    @Test("Next best products at read time: not owned, the strongest reason, with names and counts; empty without a model",
          arguments: TestEngine.all)
    func readTime(engine: TestEngine) async throws {
        try await engine.withServices { services in
            try await Self.insertBaskets(into: services)
            let users = try await TestUsers.create(in: services)
            let query = AnalyticsQueryService(services: services)
            let before = try await query.nextBestProducts(of: Sample.customerID(3), limit: 5, for: users.agent)
            #expect(before.items.isEmpty && before.runId == nil && before.ownedProducts == 1)

            let outcome = try await AnalyticsRefreshService(services: services, settings: AnalyticsSettings(associationMinimumCustomers: 1))
                .refresh(trigger: "test")
            // Owns B: A is offered because 2 of B's 3 buyers took it.
            let forB = try await query.nextBestProducts(of: Sample.customerID(3), limit: 5, for: users.agent)
            #expect(forB.runId == outcome.runID)
            #expect(forB.items.map(\.product.sku) == ["A"])
            let offer = try #require(forB.items.first)
            #expect(offer.because.sku == "B" && offer.product.name == "원두 A" && offer.product.category == "커피")
            #expect(offer.bothCustomers == 2 && offer.antecedentCustomers == 3 && offer.consequentCustomers == 3 && offer.customers == 5)
            #expect(abs(offer.confidence - 2.0 / 3) < 1e-12 && abs(offer.lift - 10.0 / 9) < 1e-12 && abs(offer.support - 0.4) < 1e-12)
            #expect(abs(offer.similarity - 2.0 / 3) < 1e-12 && offer.score == offer.confidence)
            #expect(offer.reason == "Bought 머그 B; 67% of its buyers (2 of 3) also bought 원두 A.")
            // Owns A and B: C (from A, lift 5/3). Owns A and C: B. Owns D (and E, long ago): nothing.
            #expect(try await query.nextBestProducts(of: Sample.customerID(0), limit: 5, for: users.agent).items.map(\.product.sku) == ["C"])
            let forAC = try await query.nextBestProducts(of: Sample.customerID(2), limit: 5, for: users.agent)
            #expect(forAC.items.map(\.product.sku) == ["B"] && forAC.items[0].because.sku == "A")
            let forD = try await query.nextBestProducts(of: Sample.customerID(4), limit: 5, for: users.agent)
            #expect(forD.items.isEmpty && forD.ownedProducts == 2)

            let overview = try await CustomerOverviewService(services: services).overview(Sample.customerID(3), for: users.manager)
            #expect(overview.nextBestProducts.map(\.product.sku) == ["A"])

            await #expect(throws: DangolError.self) {
                try await query.nextBestProducts(of: Sample.customerID(3), limit: 0, for: users.agent)
            }
            do {
                _ = try await query.nextBestProducts(of: Sample.customerID(99), limit: 3, for: users.agent)
                Issue.record("an unknown customer must be notFound")
            } catch let error as DangolError {
                #expect(error.code == .notFound)
            }
        }
    }
}
