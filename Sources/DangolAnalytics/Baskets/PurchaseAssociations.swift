import Foundation

/// Co-purchase counts over baskets, and what follows from them: association rules, item-to-item similarity and the
/// next best product for a customer (교차판매 추천).
///
/// Only pairs are counted (rules with one product on each side), which is what "bought X; 34% of X buyers also buy
/// Y" needs and keeps the cost at Σ (basket size)² — baskets of hundreds of products are the caller's to trim.
/// A product repeated within a basket counts once.
///
/// ```swift
/// let associations = PurchaseAssociations(baskets: productsPerCustomer)
/// associations.nextBestProducts(owned: ["latte-beans"], limit: 3)
/// ```
public struct PurchaseAssociations: Sendable {
    private let products: [String]
    private let indexOfProduct: [String: Int]
    private let productCounts: [Int]
    /// Per product, its co-purchased products and the number of baskets with both.
    private let neighbours: [[(product: Int, count: Int)]]
    /// Baskets counted.
    public let basketCount: Int

    /// Counts `baskets`, each a list of product ids.
    public init(baskets: [[String]]) {
        var index: [String: Int] = [:], products: [String] = [], counts: [Int] = []
        var pairs: [UInt64: Int] = [:]
        for basket in baskets {
            var ids: [Int] = []
            for product in Set(basket) {
                let id: Int
                if let known = index[product] {
                    id = known
                } else {
                    id = products.count
                    index[product] = id
                    products.append(product)
                    counts.append(0)
                }
                counts[id] += 1
                ids.append(id)
            }
            ids.sort()
            for i in ids.indices { for j in ids.indices where j > i { pairs[UInt64(ids[i]) << 32 | UInt64(ids[j]), default: 0] += 1 } }
        }
        var neighbours = [[(product: Int, count: Int)]](repeating: [], count: products.count)
        for (key, count) in pairs {
            let i = Int(key >> 32), j = Int(key & 0xFFFF_FFFF)
            neighbours[i].append((j, count))
            neighbours[j].append((i, count))
        }
        self.products = products
        indexOfProduct = index
        productCounts = counts
        self.neighbours = neighbours
        basketCount = baskets.count
    }

    /// Baskets containing `product`.
    public func count(of product: String) -> Int { indexOfProduct[product].map { productCounts[$0] } ?? 0 }

    /// All rules X → Y with support ≥ `minimumSupport` and confidence ≥ `minimumConfidence`, by lift, then confidence,
    /// then product ids (so the order is deterministic).
    public func rules(minimumSupport: Double = 0.01, minimumConfidence: Double = 0.1) -> [AssociationRule] {
        var result: [AssociationRule] = []
        for i in neighbours.indices {
            for (j, count) in neighbours[i] {
                let rule = rule(i, j, count)
                if rule.support >= minimumSupport, rule.confidence >= minimumConfidence { result.append(rule) }
            }
        }
        return result.sorted(by: Self.strongerFirst)
    }

    /// The model a store keeps for next best product: for each product X, its `perProduct` strongest rules X → Y
    /// (highest confidence, then lift — the order ``NextBestProducts`` ranks by) among those bought together by at
    /// least `minimumPairCount` baskets with lift strictly above `minimumLift`. Ranking these stored rules gives the
    /// same offers as ranking all rules whenever no product needs more than `perProduct` reasons.
    public func strongestRules(perProduct: Int, minimumPairCount: Int, minimumLift: Double = 1) -> [AssociationRule] {
        var result: [AssociationRule] = []
        for i in neighbours.indices {
            let kept = neighbours[i].filter { $0.count >= minimumPairCount }.map { rule(i, $0.product, $0.count) }
                .filter { $0.lift > minimumLift }
                .sorted(by: NextBestProducts.strongerReason)
            result += kept.prefix(max(0, perProduct))
        }
        return result.sorted { ($0.antecedent, $0.consequent) < ($1.antecedent, $1.consequent) }
    }

    /// Cosine similarity of two products over baskets: n(X∧Y)/√(n(X)·n(Y)), 0 for unknown products.
    public func similarity(_ first: String, _ second: String) -> Double {
        guard let i = indexOfProduct[first], let j = indexOfProduct[second] else { return 0 }
        if i == j { return 1 }
        let both = neighbours[i].first { $0.product == j }?.count ?? 0
        return Double(both) / (Double(productCounts[i]) * Double(productCounts[j])).squareRoot()
    }

    /// The `limit` products most similar to `product` by cosine, best first (ties by product id).
    public func similarProducts(to product: String, limit: Int = 10) -> [(product: String, similarity: Double)] {
        guard let i = indexOfProduct[product] else { return [] }
        let scored = neighbours[i].map { (product: products[$0.product],
                                          similarity: Double($0.count) / (Double(productCounts[i]) * Double(productCounts[$0.product])).squareRoot()) }
        return Array(scored.sorted { ($0.similarity, $1.product) > ($1.similarity, $0.product) }.prefix(max(0, limit)))
    }

    /// The next best products for a customer who owns `owned`: every rule from an owned product to one not owned
    /// that reaches the minimums, ranked by ``NextBestProducts/rank(_:owned:limit:minimumLift:)`` (the strongest rule
    /// per product, lift strictly above `minimumLift` — 1 by default: positive associations only — best first). Each
    /// rule carries the numbers of its reason: "bought X; `confidence` of X buyers also buy Y".
    public func nextBestProducts(
        owned: Set<String>, limit: Int = 3, minimumSupport: Double = 0, minimumConfidence: Double = 0,
        minimumLift: Double = 1
    ) -> [AssociationRule] {
        var candidates: [AssociationRule] = []
        for i in owned.compactMap({ indexOfProduct[$0] }) {
            for (j, count) in neighbours[i] {
                let candidate = rule(i, j, count)
                if candidate.support >= minimumSupport, candidate.confidence >= minimumConfidence { candidates.append(candidate) }
            }
        }
        return NextBestProducts.rank(candidates, owned: owned, limit: limit, minimumLift: minimumLift)
    }

    private func rule(_ i: Int, _ j: Int, _ count: Int) -> AssociationRule {
        AssociationRule(antecedent: products[i], consequent: products[j], antecedentCount: productCounts[i],
                        consequentCount: productCounts[j], pairCount: count, basketCount: basketCount)
    }

    private static func strongerFirst(_ a: AssociationRule, _ b: AssociationRule) -> Bool {
        if a.lift != b.lift { return a.lift > b.lift }
        if a.confidence != b.confidence { return a.confidence > b.confidence }
        return (a.antecedent, a.consequent) < (b.antecedent, b.consequent)
    }
}
