/// One row of `product_associations`: the rule "buyers of ``antecedent`` also buy ``consequent``" from one analytics
/// run, with the customer counts behind it (a basket is one customer's set of products).
public struct ProductAssociationRecord: Sendable, Hashable {
    /// The run whose model holds the rule.
    public var runID: String
    /// The SKU already bought, X.
    public var antecedent: String
    /// The SKU suggested, Y.
    public var consequent: String
    /// Customers who bought both.
    public var pairCount: Int
    /// Customers who bought X.
    public var antecedentCount: Int
    /// Customers who bought Y.
    public var consequentCount: Int
    /// Customers with at least one product (N).
    public var basketCount: Int

    /// Creates a rule row.
    public init(runID: String, antecedent: String, consequent: String, pairCount: Int, antecedentCount: Int, consequentCount: Int,
                basketCount: Int) {
        self.runID = runID
        self.antecedent = antecedent
        self.consequent = consequent
        self.pairCount = pairCount
        self.antecedentCount = antecedentCount
        self.consequentCount = consequentCount
        self.basketCount = basketCount
    }
}
