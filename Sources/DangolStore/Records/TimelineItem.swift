import DangolCore

/// One item of a customer's timeline: something that happened, from any of the histories (sales, consent, points,
/// lifecycle, merges), reduced to what a list shows. `reference` is the id in its own table.
public struct TimelineItem: Sendable, Hashable, Codable {
    /// `transaction`, `consent`, `points`, `lifecycle`, `interaction`, `voc`, `tier` or `merge`.
    public var kind: String
    public var reference: String
    public var at: Timestamp
    /// Money (minor units) for a transaction, points for a ledger entry.
    public var amount: Int64?
    /// Kind-specific: currency, consent purpose, point entry kind, new stage, new VOC status, new tier, absorbed customer id.
    public var subject: String?
    /// Kind-specific: channel, granted/withdrawn, reason, VOC case id, rule.
    public var detail: String?

    public init(kind: String, reference: String, at: Timestamp, amount: Int64?, subject: String?, detail: String?) {
        self.kind = kind
        self.reference = reference
        self.at = at
        self.amount = amount
        self.subject = subject
        self.detail = detail
    }

    /// The position of this item in the newest-first order, for cursors.
    public var cursor: TimelineCursor { TimelineCursor(at: at, kind: kind, reference: reference) }
}

/// A position in a timeline: items strictly older than it come next.
public struct TimelineCursor: Sendable, Hashable {
    public var at: Timestamp
    public var kind: String
    public var reference: String

    public init(at: Timestamp, kind: String, reference: String) {
        self.at = at
        self.kind = kind
        self.reference = reference
    }

    /// `at.kind.reference`, safe in a URL.
    public var token: String { "\(at.rawValue).\(kind).\(reference)" }

    /// Parses a token; nil when it is not one.
    public init?(token: String) {
        let parts = token.split(separator: ".", maxSplits: 2).map(String.init)
        guard parts.count == 3, let millis = Int64(parts[0]), !parts[1].isEmpty, !parts[2].isEmpty, parts[2].count <= 64 else { return nil }
        self.init(at: Timestamp(rawValue: millis), kind: parts[1], reference: parts[2])
    }
}

/// What a customer's purchases add up to, per currency.
public struct PurchaseSummary: Sendable, Hashable, Codable {
    public var currency: String
    public var purchases: Int
    public var refunds: Int
    /// Net of refunds.
    public var spendMinor: Int64
    /// Spend minus cost, over the transactions whose cost is known.
    public var marginMinor: Int64?
    public var firstPurchase: Timestamp?
    public var lastPurchase: Timestamp?
    /// Net spend ÷ purchases.
    public var averageBasketMinor: Int64?
    /// The product categories with the highest spend, best first (at most three).
    public var favouriteCategories: [String]

    public init(currency: String, purchases: Int, refunds: Int, spendMinor: Int64, marginMinor: Int64?, firstPurchase: Timestamp?,
                lastPurchase: Timestamp?, averageBasketMinor: Int64?, favouriteCategories: [String]) {
        self.currency = currency
        self.purchases = purchases
        self.refunds = refunds
        self.spendMinor = spendMinor
        self.marginMinor = marginMinor
        self.firstPurchase = firstPurchase
        self.lastPurchase = lastPurchase
        self.averageBasketMinor = averageBasketMinor
        self.favouriteCategories = favouriteCategories
    }
}
