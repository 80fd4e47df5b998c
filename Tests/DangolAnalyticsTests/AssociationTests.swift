@testable import DangolAnalytics
import Foundation
import Testing

@Suite("Association rules, similarity and next best product")
struct AssociationTests {
    /// Five baskets: A3 B3 C2 D1; AB 2, AC 2, BC 1.
    static let associations = PurchaseAssociations(baskets: [["A", "B"], ["A", "B", "C"], ["A", "C", "A"], ["B"], ["D"]])

    @Test("Support, confidence and lift of A → C: 0.4, 2/3, 5/3")
    func measures() throws {
        let rule = try #require(Self.associations.rules(minimumSupport: 0, minimumConfidence: 0)
            .first { $0.antecedent == "A" && $0.consequent == "C" })
        #expect(abs(rule.support - 0.4) < 1e-12)
        #expect(abs(rule.confidence - 2.0 / 3) < 1e-12)
        #expect(abs(rule.lift - 5.0 / 3) < 1e-12)
        #expect(Self.associations.count(of: "A") == 3)  // A twice in one basket counts once
    }

    @Test("Rules are filtered by support and confidence and ordered by lift, confidence, then ids")
    func filteringAndOrder() {
        let rules = Self.associations.rules(minimumSupport: 0.3, minimumConfidence: 0.5)
        #expect(rules.map { "\($0.antecedent)→\($0.consequent)" } == ["C→A", "A→C", "A→B", "B→A"])
    }

    @Test("Cosine similarity n(X∧Y)/√(n(X)n(Y)), most similar first")
    func similarity() {
        #expect(abs(Self.associations.similarity("A", "C") - 2 / 6.0.squareRoot()) < 1e-12)
        #expect(abs(Self.associations.similarity("A", "B") - 2.0 / 3) < 1e-12)
        #expect(Self.associations.similarity("A", "D") == 0)
        #expect(Self.associations.similarity("A", "unknown") == 0)
        #expect(Self.associations.similarProducts(to: "A").map(\.product) == ["C", "B"])
    }

    @Test("Next best products: not owned, positive lift, the strongest reason from what the customer owns")
    func nextBest() {
        #expect(Self.associations.nextBestProducts(owned: ["B"]).map(\.consequent) == ["A"])
        let forA = Self.associations.nextBestProducts(owned: ["A"])
        #expect(forA.map(\.consequent) == ["C", "B"])
        let reason = Self.associations.nextBestProducts(owned: ["A", "C"])
        #expect(reason.count == 1)
        #expect(reason[0].antecedent == "A" && reason[0].consequent == "B" && reason[0].pairCount == 2)
        #expect(abs(reason[0].confidence - 2.0 / 3) < 1e-12)
        #expect(Self.associations.nextBestProducts(owned: ["D"]).isEmpty)
        #expect(Self.associations.nextBestProducts(owned: []).isEmpty)
    }

    @Test("No baskets: no rules, no similarity, no recommendation")
    func empty() {
        let none = PurchaseAssociations(baskets: [])
        #expect(none.rules().isEmpty && none.similarity("A", "B") == 0 && none.nextBestProducts(owned: ["A"]).isEmpty)
    }
}

@Suite("Next best products from stored rules")
struct NextBestProductsTests {
    static func rule(_ x: String, _ y: String, pair: Int, nx: Int, ny: Int, n: Int = 100) -> AssociationRule {
        AssociationRule(antecedent: x, consequent: y, antecedentCount: nx, consequentCount: ny, pairCount: pair, basketCount: n)
    }

    @Test("One offer per product not owned, its strongest reason from an owned product, best first")
    func ranking() {
        let rules = [
            Self.rule("A", "C", pair: 10, nx: 40, ny: 20),  // confidence 0.25, lift 1.25
            Self.rule("B", "C", pair: 12, nx: 30, ny: 20),  // confidence 0.4, lift 2: the reason for C
            Self.rule("A", "D", pair: 20, nx: 40, ny: 50),  // confidence 0.5, lift 1: not above 1
            Self.rule("A", "E", pair: 6, nx: 40, ny: 10),   // confidence 0.15, lift 1.5
            Self.rule("A", "B", pair: 15, nx: 40, ny: 30),  // B is owned
            Self.rule("Z", "F", pair: 9, nx: 10, ny: 10),   // Z is not owned
        ]
        let offers = NextBestProducts.rank(rules, owned: ["A", "B"], limit: 5)
        #expect(offers.map(\.consequent) == ["C", "E"])
        #expect(offers[0].antecedent == "B" && abs(offers[0].confidence - 0.4) < 1e-12 && abs(offers[0].lift - 2) < 1e-12)
        #expect(NextBestProducts.rank(rules, owned: ["A", "B"], limit: 1).map(\.consequent) == ["C"])
        #expect(NextBestProducts.rank(rules, owned: ["A"], limit: 5, minimumLift: 0.5).map(\.consequent) == ["D", "B", "C", "E"])
        #expect(NextBestProducts.rank(rules, owned: [], limit: 5).isEmpty)
    }

    @Test("Ranking stored rules gives what counting the baskets gives")
    func sameAsCounting() {
        let baskets = [["A", "B"], ["A", "B", "C"], ["A", "C"], ["B"], ["D"], ["C", "D"], ["A", "B", "D"]]
        let counted = PurchaseAssociations(baskets: baskets)
        let stored = counted.rules(minimumSupport: 0, minimumConfidence: 0)
        for owned: Set<String> in [["A"], ["B"], ["C"], ["A", "D"], ["B", "C"]] {
            #expect(NextBestProducts.rank(stored, owned: owned, limit: 3) == counted.nextBestProducts(owned: owned, limit: 3), "\(owned)")
        }
        let rule = Self.rule("A", "B", pair: 2, nx: 4, ny: 9)
        #expect(abs(rule.similarity - 2.0 / 6) < 1e-12)
    }
}

@Suite("The stored association model and its sample")
struct AssociationModelTests {
    @Test("Strongest rules per product: at least the pair count, lift above 1, by confidence then lift")
    func strongest() {
        // A3 B3 C2 D1 over five baskets; AB 2, AC 2, BC 1.
        let associations = PurchaseAssociations(baskets: [["A", "B"], ["A", "B", "C"], ["A", "C"], ["B"], ["D"]])
        let all = associations.strongestRules(perProduct: 10, minimumPairCount: 1)
        #expect(all.map { "\($0.antecedent)→\($0.consequent)" } == ["A→B", "A→C", "B→A", "C→A"])
        // One per product: A keeps C (same confidence as B, higher lift).
        #expect(associations.strongestRules(perProduct: 1, minimumPairCount: 1).map { "\($0.antecedent)→\($0.consequent)" } == ["A→C", "B→A", "C→A"])
        #expect(associations.strongestRules(perProduct: 10, minimumPairCount: 3).isEmpty)
        for owned: Set<String> in [["A"], ["B"], ["C"], ["A", "B"], ["D"]] {
            #expect(NextBestProducts.rank(all, owned: owned, limit: 3) == associations.nextBestProducts(owned: owned, limit: 3))
        }
    }

    @Test("The sample: evenly spaced blocks of consecutive customers, the size asked for, everyone below it")
    func sample() {
        let ids = (0..<20_000).map { "0190a000-0000-7000-8000-\(String(format: "%012d", $0))" }
        let kept = BasketSample.select(ids, atMost: 2_000, blockSize: 500)
        #expect(kept == BasketSample.select(ids, atMost: 2_000, blockSize: 500))
        #expect(kept.count == 2_000 && Set(kept).count == 2_000)
        // Four blocks of 500 starting at 0, 5,000, 10,000 and 15,000.
        #expect(kept == [0, 5_000, 10_000, 15_000].flatMap { ids[$0..<($0 + 500)] })
        #expect(BasketSample.select(ids, atMost: 1_200, blockSize: 500).count == 1_200)
        #expect(BasketSample.select(Array(ids.prefix(10)), atMost: 50) == Array(ids.prefix(10)))
        #expect(BasketSample.select(ids, atMost: 0).isEmpty)
        #expect(BasketSample.select(Array(ids.prefix(5)), atMost: 3, blockSize: 1) == [ids[0], ids[1], ids[3]])
    }
}
