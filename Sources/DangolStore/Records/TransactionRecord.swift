import DangolCore

/// A sale: when, where (channel), how much, and — when the buyer was identified — which customer.
public struct TransactionRecord: Sendable, Hashable {
    public var id: String
    /// The system the sale came from (`pos`, `web`…); with `externalID` unique, so a re-sent sale is recognised.
    public var source: String
    public var externalID: String
    /// Nil for an anonymous sale.
    public var customerID: CustomerID?
    /// `store`, `online`, `call_center`…
    public var channel: String
    public var occurredAt: Timestamp
    /// Integer minor units of `currency` (KRW has none).
    public var amountMinor: Int64
    /// ISO 4217 code.
    public var currency: String
    /// The identifier the buyer was recognised by, if any (followed by an unmerge).
    public var resolvedVia: String?
    public var createdAt: Timestamp

    public init(id: String, source: String, externalID: String, customerID: CustomerID?, channel: String, occurredAt: Timestamp,
                amountMinor: Int64, currency: String, resolvedVia: String? = nil, createdAt: Timestamp) {
        self.id = id
        self.source = source
        self.externalID = externalID
        self.customerID = customerID
        self.channel = channel
        self.occurredAt = occurredAt
        self.amountMinor = amountMinor
        self.currency = currency
        self.resolvedVia = resolvedVia
        self.createdAt = createdAt
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
