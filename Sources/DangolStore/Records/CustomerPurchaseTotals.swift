/// One customer's purchases condensed in SQL for the analytics refresh (all days are business days, days since
/// 1970-01-01 in the business time zone; money in minor units of one currency).
///
/// A *purchase day* is a day on which the customer's net amount is positive, or zero without any refund (a free
/// order counts, as in lifetimes; a purchase refunded in full does not). A refund linked to its sale
/// (`refund_of`: the sale's external id in the same source) counts on the sale's day, so a returned purchase lowers
/// that day's amount instead of making a day of its own; an unlinked refund counts on its own day, which is then
/// not a purchase day (unless the customer bought more than it that day). Revenue and margin include every day.
public struct CustomerPurchaseTotals: Sendable, Hashable {
    /// The customer.
    public var customerID: String
    /// First purchase day.
    public var firstPurchaseDay: Int
    /// Last purchase day on or before the observation end.
    public var lastPurchaseDay: Int
    /// Purchase days after the first (the models' frequency x).
    public var repeatPurchaseDays: Int
    /// Net amount of the repeat purchase days together (their mean is the models' monetary value).
    public var repeatAmountMinor: Int64
    /// Net amount of all days.
    public var revenueMinor: Int64
    /// Net margin of all days: amount − cost, an unknown cost counted as 0.
    public var marginMinor: Int64
    /// Transactions whose cost was unknown.
    public var transactionsWithoutCost: Int
    /// Margin compounded to the observation end at the annual discount rate given to the query.
    public var marginPresentValue: Double

    /// Creates totals from their parts.
    public init(customerID: String, firstPurchaseDay: Int, lastPurchaseDay: Int, repeatPurchaseDays: Int,
                repeatAmountMinor: Int64, revenueMinor: Int64, marginMinor: Int64, transactionsWithoutCost: Int,
                marginPresentValue: Double) {
        self.customerID = customerID
        self.firstPurchaseDay = firstPurchaseDay
        self.lastPurchaseDay = lastPurchaseDay
        self.repeatPurchaseDays = repeatPurchaseDays
        self.repeatAmountMinor = repeatAmountMinor
        self.revenueMinor = revenueMinor
        self.marginMinor = marginMinor
        self.transactionsWithoutCost = transactionsWithoutCost
        self.marginPresentValue = marginPresentValue
    }
}
