/// "Customers who bought X also bought Y": a one-to-one association rule X → Y with its evidence.
///
/// Over N baskets (orders, or each customer's set of products — the caller chooses, and the wording follows:
/// "34% of X buyers also buy Y" needs customer baskets):
/// support = n(X∧Y)/N, confidence = n(X∧Y)/n(X), lift = confidence / (n(Y)/N). Lift above 1 means X buyers take Y
/// more often than customers at large.
public struct AssociationRule: Sendable, Hashable, Codable {
    /// The product already bought, X.
    public let antecedent: String
    /// The product suggested, Y.
    public let consequent: String
    /// Baskets with X.
    public let antecedentCount: Int
    /// Baskets with Y.
    public let consequentCount: Int
    /// Baskets with both.
    public let pairCount: Int
    /// Baskets in all.
    public let basketCount: Int

    /// Creates a rule from its counts.
    public init(antecedent: String, consequent: String, antecedentCount: Int, consequentCount: Int, pairCount: Int,
                basketCount: Int) {
        self.antecedent = antecedent
        self.consequent = consequent
        self.antecedentCount = antecedentCount
        self.consequentCount = consequentCount
        self.pairCount = pairCount
        self.basketCount = basketCount
    }

    /// n(X∧Y)/N.
    public var support: Double { Double(pairCount) / Double(basketCount) }
    /// n(X∧Y)/n(X): the share of X buyers who also bought Y.
    public var confidence: Double { Double(pairCount) / Double(antecedentCount) }
    /// confidence / (n(Y)/N).
    public var lift: Double { confidence * Double(basketCount) / Double(consequentCount) }
    /// Item-to-item cosine similarity n(X∧Y)/√(n(X)·n(Y)): symmetric, 1 when X and Y are always bought together.
    public var similarity: Double { Double(pairCount) / (Double(antecedentCount) * Double(consequentCount)).squareRoot() }
}
