import DangolCore

/// One purchase as the analytics need it: who, which day, how much, and (when known) what it cost.
///
/// The day is an index of days in the business time zone (days since 1970-01-01 there); turning timestamps into
/// business days is the caller's job, because it needs the time zone from configuration. Amounts are integer minor
/// units of one currency (KRW has none), as everywhere in Dangol.
public struct Purchase: Sendable, Hashable, Codable {
    /// The customer who bought.
    public var customerID: String
    /// Business day of the purchase, days since 1970-01-01 in the business time zone.
    public var day: Int
    /// Amount paid, minor units.
    public var amount: Int64
    /// Cost of the goods sold, minor units, when known; margin is `amount − cost`.
    public var cost: Int64?

    /// Creates a purchase.
    public init(customerID: String, day: Int, amount: Int64, cost: Int64? = nil) {
        self.customerID = customerID
        self.day = day
        self.amount = amount
        self.cost = cost
    }

    /// Creates a purchase on a calendar date of the business time zone.
    public init(customerID: String, date: CivilDate, amount: Int64, cost: Int64? = nil) {
        self.init(customerID: customerID, day: date.daysSinceEpoch, amount: amount, cost: cost)
    }
}
