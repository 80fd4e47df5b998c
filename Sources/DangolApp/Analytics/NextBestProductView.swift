import DangolAnalytics
import DangolStore

/// One product to offer a customer, with the rule that suggests it and the numbers of its reason (a basket is one
/// customer's set of products, so the counts are customers): "bought X; 34% of X buyers (12 of 35) also bought Y".
public struct NextBestProductView: Codable, Sendable, Hashable {
    /// A product as the view names it: SKU, and name and category when it is in the catalogue.
    public struct Product: Codable, Sendable, Hashable {
        /// The SKU.
        public var sku: String
        /// The catalogue name, when the product is in the catalogue.
        public var name: String?
        /// The catalogue category.
        public var category: String?
    }

    /// The product offered (Y).
    public var product: Product
    /// The product the customer bought that suggests it (X).
    public var because: Product
    /// The ranking score: the rule's confidence, n(X∧Y)/n(X).
    public var score: Double
    /// n(X∧Y)/n(X): the share of X's buyers who also bought Y.
    public var confidence: Double
    /// confidence / (n(Y)/N); above 1 means X buyers take Y more often than customers at large.
    public var lift: Double
    /// n(X∧Y)/N.
    public var support: Double
    /// Item-to-item cosine similarity of X and Y, n(X∧Y)/√(n(X)·n(Y)).
    public var similarity: Double
    /// Customers who bought X (n(X)).
    public var antecedentCustomers: Int
    /// Customers who bought both (n(X∧Y)).
    public var bothCustomers: Int
    /// Customers who bought Y (n(Y)).
    public var consequentCustomers: Int
    /// Customers with a basket in the model (N).
    public var customers: Int
    /// The reason as an English sentence.
    public var reason: String

    /// The view of `rule`, naming products from `catalogue` when it has them.
    public init(rule: AssociationRule, catalogue: [String: ProductRepository.Product]) {
        func named(_ sku: String) -> Product { Product(sku: sku, name: catalogue[sku]?.name, category: catalogue[sku]?.category) }
        product = named(rule.consequent)
        because = named(rule.antecedent)
        score = rule.confidence
        confidence = rule.confidence
        lift = rule.lift
        support = rule.support
        similarity = rule.similarity
        antecedentCustomers = rule.antecedentCount
        bothCustomers = rule.pairCount
        consequentCustomers = rule.consequentCount
        customers = rule.basketCount
        let percent = Int((rule.confidence * 100).rounded())
        reason = "Bought \(because.name ?? because.sku); \(percent)% of its buyers (\(rule.pairCount) of \(rule.antecedentCount)) "
            + "also bought \(product.name ?? product.sku)."
    }
}
