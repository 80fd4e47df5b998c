import DangolCore

/// A purchase or refund as a source system sends it (API and import).
///
/// The buyer is given by `customerId` (known), by `customer` (details to resolve: the same identity resolution as
/// `POST /customers/resolve`), or not at all (an anonymous sale, which still counts in revenue and can be attached
/// later). Amounts are integer minor units of `currency` (KRW has none) and positive; a refund's are stored negative.
public struct TransactionInput: Codable, Sendable, Hashable {
    /// One line: a product (SKU), how many, at what unit price; `amount` defaults to quantity × unit price.
    public struct Line: Codable, Sendable, Hashable {
        public var sku: String?
        public var quantity: Int64
        public var unitPrice: Int64
        public var amount: Int64?
        public var unitCost: Int64?

        public init(sku: String?, quantity: Int64, unitPrice: Int64, amount: Int64? = nil, unitCost: Int64? = nil) {
            self.sku = sku
            self.quantity = quantity
            self.unitPrice = unitPrice
            self.amount = amount
            self.unitCost = unitCost
        }
    }

    public var source: String
    public var externalId: String
    /// `purchase` (default) or `refund`.
    public var kind: String?
    /// `store`, `web`, `app`, `call_center` or `partner`.
    public var channel: String
    public var store: String?
    public var occurredAt: Timestamp
    /// ISO 4217; `KRW` by default.
    public var currency: String?
    /// The total; by default the sum of the lines (a header discount makes it smaller).
    public var amount: Int64?
    /// For a refund: the external id of the purchase it refunds (same source).
    public var refundOf: String?
    public var customerId: String?
    public var customer: CustomerInput?
    public var lines: [Line]?

    public init(source: String, externalId: String, kind: String? = nil, channel: String, store: String? = nil, occurredAt: Timestamp,
                currency: String? = nil, amount: Int64? = nil, refundOf: String? = nil, customerId: String? = nil,
                customer: CustomerInput? = nil, lines: [Line]? = nil) {
        self.source = source
        self.externalId = externalId
        self.kind = kind
        self.channel = channel
        self.store = store
        self.occurredAt = occurredAt
        self.currency = currency
        self.amount = amount
        self.refundOf = refundOf
        self.customerId = customerId
        self.customer = customer
        self.lines = lines
    }

    /// The channels a sale can come through.
    public static let channels: Set<String> = ["store", "web", "app", "call_center", "partner"]
}
