import DangolAnalytics

/// The purchase-day rules of the refresh in Swift, for logs that do not live in the database (the standalone
/// analysis) and as the reference the SQL is tested against: per customer and business day the amounts are netted
/// (a refund counts on the day given to it — the SQL gives a linked refund its sale's day); a day with a positive net
/// amount, or a zero one without refunds (a free order), is a purchase day, and the purchase days go through
/// ``SummaryBuilder`` (lifetimes' rules). Revenue and margin then count every day, refunds included, and the
/// historical value compounds each day's margin to the observation end.
public enum PurchaseDays {
    /// Summaries (ordered by customer id) and their historical values, for purchases on or before `observationEndDay`.
    public static func summaries(
        of purchases: [Purchase], observationEndDay: Int, annualDiscountRate: Double
    ) throws(AnalyticsError) -> (summaries: [CustomerSummary], historicalValues: [Double]) {
        struct DayTotal { var amount: Int64 = 0, margin: Int64 = 0, withoutCost = 0, refunds = 0 }
        var days: [String: [Int: DayTotal]] = [:]
        for purchase in purchases where purchase.day <= observationEndDay {
            var total = days[purchase.customerID, default: [:]][purchase.day, default: DayTotal()]
            total.amount += purchase.amount
            total.margin += purchase.amount - (purchase.cost ?? 0)
            if purchase.cost == nil { total.withoutCost += 1 }
            if purchase.amount < 0 { total.refunds += 1 }
            days[purchase.customerID, default: [:]][purchase.day] = total
        }
        var positive: [Purchase] = []
        for (customer, byDay) in days {
            for (day, total) in byDay where total.amount > 0 || (total.amount == 0 && total.refunds == 0) {
                positive.append(Purchase(customerID: customer, day: day, amount: total.amount, cost: total.amount - total.margin))
            }
        }
        var summaries = SummaryBuilder(observationEndDay: observationEndDay).summaries(of: positive)
        var values: [Double] = []
        values.reserveCapacity(summaries.count)
        for index in summaries.indices {
            let byDay = days[summaries[index].customerID] ?? [:]
            summaries[index].revenueToDate = byDay.values.reduce(0) { $0 + $1.amount }
            summaries[index].marginToDate = byDay.values.reduce(0) { $0 + $1.margin }
            summaries[index].purchasesWithoutCost = byDay.values.reduce(0) { $0 + $1.withoutCost }
            let margins = byDay.map { HistoricalValue.DatedMargin(day: $0.key, margin: $0.value.margin) }
            values.append(try HistoricalValue(margins: margins, valuationDay: observationEndDay,
                                              annualDiscountRate: annualDiscountRate).presentValue)
        }
        return (summaries, values)
    }
}
