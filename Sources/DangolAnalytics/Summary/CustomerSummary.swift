/// One customer's purchase history condensed for the models: repeat purchase days, recency, age and spend.
///
/// Built by ``SummaryBuilder`` with exactly the rules of lifetimes' `summary_data_from_transaction_data` with
/// `freq="D"`: purchases on the same day count as one purchase (their amounts summed), the first purchase day is not
/// a repeat, and monetary value is the mean of the repeat purchase days' amounts.
public struct CustomerSummary: Sendable, Hashable, Codable {
    /// The customer.
    public var customerID: String
    /// Day of the first purchase (days since 1970-01-01, business time zone).
    public var firstPurchaseDay: Int
    /// Day of the last purchase on or before the observation end.
    public var lastPurchaseDay: Int
    /// The day the observation ends ("today" for a refresh).
    public var observationEndDay: Int
    /// Frequency x: the number of days with a purchase after the first purchase day (재구매 일수).
    public var repeatPurchaseDays: Int
    /// Mean amount of the repeat purchase days, minor units; 0 when there is no repeat purchase.
    public var monetaryValue: Double
    /// Total paid over all purchases, first included, minor units.
    public var revenueToDate: Int64
    /// Total margin over all purchases, first included: amount − cost, with an unknown cost counted as 0.
    public var marginToDate: Int64
    /// Purchases whose cost was unknown (their margin is their full amount).
    public var purchasesWithoutCost: Int

    /// Creates a summary from its parts.
    public init(
        customerID: String, firstPurchaseDay: Int, lastPurchaseDay: Int, observationEndDay: Int,
        repeatPurchaseDays: Int, monetaryValue: Double, revenueToDate: Int64, marginToDate: Int64,
        purchasesWithoutCost: Int = 0
    ) {
        self.customerID = customerID
        self.firstPurchaseDay = firstPurchaseDay
        self.lastPurchaseDay = lastPurchaseDay
        self.observationEndDay = observationEndDay
        self.repeatPurchaseDays = repeatPurchaseDays
        self.monetaryValue = monetaryValue
        self.revenueToDate = revenueToDate
        self.marginToDate = marginToDate
        self.purchasesWithoutCost = purchasesWithoutCost
    }

    /// Recency t_x in days: from the first to the last purchase.
    public var recencyDays: Int { lastPurchaseDay - firstPurchaseDay }

    /// Age T in days: from the first purchase to the observation end.
    public var ageDays: Int { observationEndDay - firstPurchaseDay }

    /// Days since the last purchase at the observation end.
    public var daysSinceLastPurchase: Int { observationEndDay - lastPurchaseDay }

    /// The history (x, t_x, T) the models read, counted in `unit`.
    public func history(in unit: TimeUnit) -> PurchaseHistory {
        PurchaseHistory(
            uncheckedFrequency: repeatPurchaseDays, recency: Double(recencyDays) / unit.lengthInDays,
            age: Double(ageDays) / unit.lengthInDays, unit: unit)
    }
}
