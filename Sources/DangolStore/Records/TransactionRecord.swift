import DangolCore

/// A sale or a refund: when, where (channel, store), how much, its lines, and — when the buyer was identified —
/// which customer.
public struct TransactionRecord: Sendable, Hashable {
    /// A purchase, or the refund of one (negative amounts).
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        case purchase, refund
    }

    public var id: String
    /// The system the sale came from (`pos`, `web`…); with `externalID` unique, so a re-sent sale is recognised.
    public var source: String
    public var externalID: String
    /// Nil for an anonymous sale.
    public var customerID: CustomerID?
    public var kind: Kind
    /// `store`, `web`, `app`, `call_center`, `partner`.
    public var channel: String
    /// The store or branch, if any.
    public var store: String?
    public var occurredAt: Timestamp
    /// Integer minor units of `currency` (KRW has none); negative for refunds.
    public var amountMinor: Int64
    /// The cost of the goods, when known (margin = amount − cost).
    public var costMinor: Int64?
    /// ISO 4217 code.
    public var currency: String
    /// For a refund: the external id (same source) of the purchase it refunds.
    public var refundOf: String?
    /// The identifier the buyer was recognised by, if any (followed by an unmerge).
    public var resolvedVia: String?
    public var createdAt: Timestamp
    /// When an anonymous sale was attached to a customer.
    public var attachedAt: Timestamp?
    public var lines: [TransactionLine]

    public init(id: String, source: String, externalID: String, customerID: CustomerID?, kind: Kind = .purchase, channel: String,
                store: String? = nil, occurredAt: Timestamp, amountMinor: Int64, costMinor: Int64? = nil, currency: String,
                refundOf: String? = nil, resolvedVia: String? = nil, createdAt: Timestamp, attachedAt: Timestamp? = nil,
                lines: [TransactionLine] = []) {
        self.id = id
        self.source = source
        self.externalID = externalID
        self.customerID = customerID
        self.kind = kind
        self.channel = channel
        self.store = store
        self.occurredAt = occurredAt
        self.amountMinor = amountMinor
        self.costMinor = costMinor
        self.currency = currency
        self.refundOf = refundOf
        self.resolvedVia = resolvedVia
        self.createdAt = createdAt
        self.attachedAt = attachedAt
        self.lines = lines
    }
}

/// One line of a transaction.
public struct TransactionLine: Sendable, Hashable, Codable {
    public var sku: String?
    public var quantity: Int64
    public var unitPriceMinor: Int64
    /// quantity × unit price, after line discounts.
    public var amountMinor: Int64
    public var costMinor: Int64?

    public init(sku: String?, quantity: Int64, unitPriceMinor: Int64, amountMinor: Int64, costMinor: Int64? = nil) {
        self.sku = sku
        self.quantity = quantity
        self.unitPriceMinor = unitPriceMinor
        self.amountMinor = amountMinor
        self.costMinor = costMinor
    }
}

/// Revenue of one business day, channel and currency, split by whether the buyer was identified.
public struct DailyRevenue: Sendable, Hashable {
    /// Days since 1970-01-01 in the business time zone.
    public var day: Int
    public var channel: String
    public var currency: String
    public var transactions: Int
    public var identifiedTransactions: Int
    public var revenueMinor: Int64
    public var identifiedRevenueMinor: Int64

    public init(day: Int, channel: String, currency: String, transactions: Int, identifiedTransactions: Int, revenueMinor: Int64,
                identifiedRevenueMinor: Int64) {
        self.day = day
        self.channel = channel
        self.currency = currency
        self.transactions = transactions
        self.identifiedTransactions = identifiedTransactions
        self.revenueMinor = revenueMinor
        self.identifiedRevenueMinor = identifiedRevenueMinor
    }
}
