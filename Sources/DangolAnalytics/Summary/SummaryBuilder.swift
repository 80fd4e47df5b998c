/// Condenses a purchase log into one ``CustomerSummary`` per customer.
///
/// The rules are those of lifetimes' `summary_data_from_transaction_data(…, freq="D")`, so fitted models agree with
/// the literature and with that package:
/// - purchases after the observation end are ignored;
/// - purchases of one customer on one day are one purchase whose amount is their sum;
/// - frequency x is the number of purchase days after the first; recency t_x runs from the first to the last purchase
///   day, age T from the first purchase day to the observation end (all in days here; ``CustomerSummary/history(in:)``
///   converts);
/// - monetary value is the mean amount of the repeat purchase days (the first day excluded), 0 without repeats.
///
/// ```swift
/// let summaries = SummaryBuilder(observationEndDay: today).summaries(of: purchases)
/// ```
public struct SummaryBuilder: Sendable {
    /// The last day observed (inclusive), days since 1970-01-01 in the business time zone.
    public var observationEndDay: Int

    /// Creates a builder observing up to and including `observationEndDay`.
    public init(observationEndDay: Int) { self.observationEndDay = observationEndDay }

    /// One summary per customer with a purchase on or before the observation end, ordered by customer id.
    public func summaries(of purchases: [Purchase]) -> [CustomerSummary] {
        // Grouping by hashing and sorting each customer's few purchases by day is much cheaper than sorting the whole
        // log by (customer, day) with string comparisons.
        var byCustomer: [String: [Int]] = [:]
        for index in purchases.indices where purchases[index].day <= observationEndDay {
            byCustomer[purchases[index].customerID, default: []].append(index)
        }
        return byCustomer.keys.sorted().map { customer in
            let indices = byCustomer[customer]!.sorted { (purchases[$0].day, $0) < (purchases[$1].day, $1) }
            return summary(of: indices.map { purchases[$0] })
        }
    }

    /// The summary of one customer's purchases, sorted by day.
    private func summary(of purchases: [Purchase]) -> CustomerSummary {
        let first = purchases[0].day
        var revenue: Int64 = 0, margin: Int64 = 0, withoutCost = 0
        var repeatDays = 0, repeatAmount = 0.0
        var currentDay = first, currentAmount: Int64 = 0
        for purchase in purchases {
            revenue += purchase.amount
            margin += purchase.amount - (purchase.cost ?? 0)
            if purchase.cost == nil { withoutCost += 1 }
            if purchase.day != currentDay {
                if currentDay != first { repeatAmount += Double(currentAmount) }
                currentDay = purchase.day
                currentAmount = 0
                repeatDays += 1
            }
            currentAmount += purchase.amount
        }
        if currentDay != first { repeatAmount += Double(currentAmount) }
        return CustomerSummary(
            customerID: purchases[0].customerID, firstPurchaseDay: first, lastPurchaseDay: currentDay,
            observationEndDay: observationEndDay, repeatPurchaseDays: repeatDays,
            monetaryValue: repeatDays > 0 ? repeatAmount / Double(repeatDays) : 0,
            revenueToDate: revenue, marginToDate: margin, purchasesWithoutCost: withoutCost)
    }
}
