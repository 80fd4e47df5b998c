/// Predicted customer lifetime value (CLV, 고객생애가치): expected margin over the coming months, discounted.
///
/// Exactly lifetimes' `GammaGammaFitter.customer_lifetime_value(bgf, x, t_x, T, m, time, discount_rate, freq)`:
///
///     CLV = Σ_{i=1}^{months} [E(i·u) − E((i−1)·u)] · profit / (1 + monthlyDiscountRate)^i
///
/// where E(t) is BG/NBD's expected repeat purchases within t, u is one month in the model's unit
/// (``TimeUnit/unitsPerMonth``: 30 days or 4.345 weeks, lifetimes' factors) and profit is Gamma–Gamma's conditional
/// expected average profit. The result is in the minor units of the monetary values the spend model was fitted on.
/// If those are revenues, so is the "CLV"; fit on margins for a margin CLV.
///
/// ```swift
/// let clv = CustomerLifetimeValue(months: 12, monthlyDiscountRate: 0.01)
/// try clv.value(of: history, monetaryValue: 2_235, purchases: bgnbd, spend: gammaGamma)
/// ```
public struct CustomerLifetimeValue: Sendable, Hashable, Codable {
    /// Months ahead (lifetimes' `time`, default 12).
    public var months: Int
    /// Discount rate per month (lifetimes' `discount_rate`, default 0.01 a month).
    public var monthlyDiscountRate: Double

    /// Creates the calculation; months ≥ 0 and a discount rate > −1 are required.
    public init(months: Int = 12, monthlyDiscountRate: Double = 0.01) {
        precondition(months >= 0 && monthlyDiscountRate > -1, "months ≥ 0 and a discount rate above −100%")
        self.months = months
        self.monthlyDiscountRate = monthlyDiscountRate
    }

    /// The CLV of one customer: `history` (converted to the purchase model's unit if needed) and mean repeat spend
    /// `monetaryValue`.
    public func value(
        of history: PurchaseHistory, monetaryValue: Double, purchases: BGNBDModel, spend: GammaGammaModel
    ) throws(AnalyticsError) -> Double {
        var buffers = Buffers(months: months, purchases: purchases)
        return try value(of: history, monetaryValue: monetaryValue, purchases: purchases, spend: spend, buffers: &buffers)
    }

    /// The CLV of every customer in `histories`, with `monetaryValues` in the same order.
    public func values(
        of histories: PurchaseHistories, monetaryValues: [Double], purchases: BGNBDModel, spend: GammaGammaModel
    ) throws(AnalyticsError) -> [Double] {
        guard histories.count == monetaryValues.count else { throw .lengthMismatch }
        var buffers = Buffers(months: months, purchases: purchases)
        var result = [Double]()
        result.reserveCapacity(histories.count)
        for i in 0..<histories.count {
            result.append(try value(of: histories[i], monetaryValue: monetaryValues[i], purchases: purchases,
                                    spend: spend, buffers: &buffers))
        }
        return result
    }

    /// Month-end horizons and buffers reused from one customer to the next.
    private struct Buffers {
        let horizons: [Double]
        var cumulative: [Double]
        var scratch: BGNBDModel.Scratch

        init(months: Int, purchases: BGNBDModel) {
            horizons = (0..<months).map { Double($0 + 1) * purchases.unit.unitsPerMonth }
            cumulative = [Double](repeating: 0, count: months)
            scratch = BGNBDModel.Scratch(count: months)
        }
    }

    private func value(
        of history: PurchaseHistory, monetaryValue: Double, purchases: BGNBDModel, spend: GammaGammaModel,
        buffers: inout Buffers
    ) throws(AnalyticsError) -> Double {
        guard months > 0 else { return 0 }
        let factor = history.unit.lengthInDays / purchases.unit.lengthInDays
        let profit = spend.expectedAverageProfit(frequency: history.frequency, monetaryValue: monetaryValue)
        try purchases.expectedPurchases(
            frequency: Double(history.frequency), recency: history.recency * factor, age: history.age * factor,
            horizons: buffers.horizons, into: &buffers.cumulative, scratch: &buffers.scratch)
        var total = 0.0, previous = 0.0, discount = 1.0
        for month in 0..<months {
            discount *= 1 + monthlyDiscountRate
            total += (buffers.cumulative[month] - previous) * profit / discount
            previous = buffers.cumulative[month]
        }
        return total
    }
}
