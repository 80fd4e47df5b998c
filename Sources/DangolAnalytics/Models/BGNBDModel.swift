import Foundation

/// The BG/NBD model of repeat purchasing (Fader, Hardie & Lee 2005, "Counting your customers the easy way"), with
/// fitted parameters: while alive, a customer buys at a Poisson rate λ ~ Gamma(r, α); after each purchase the
/// customer drops out with probability p ~ Beta(a, b).
///
/// The predictions are lifetimes' `BetaGeoFitter` formulas, written in forms that stay finite for heavy buyers:
///
/// ```swift
/// let model = try BGNBDModel(r: 0.243, alpha: 4.414, a: 0.793, b: 2.426, unit: .weeks)
/// let history = try PurchaseHistory(frequency: 2, recency: 30.43, age: 38.86, unit: .weeks)
/// try model.expectedPurchases(of: history, within: TimeSpan(weeks: 39)) // 1.226
/// model.probabilityAlive(history)                                       // 0.727
/// ```
public struct BGNBDModel: Sendable, Hashable, Codable {
    /// Shape r of the purchase-rate gamma distribution.
    public let r: Double
    /// Scale α of the purchase-rate gamma distribution, in ``unit`` (it scales with time).
    public let alpha: Double
    /// Beta parameter a of the drop-out probability.
    public let a: Double
    /// Beta parameter b of the drop-out probability.
    public let b: Double
    /// The time unit of ``alpha`` and of the histories the model was fitted on.
    public let unit: TimeUnit

    /// Creates a model; every parameter must be positive and finite.
    public init(r: Double, alpha: Double, a: Double, b: Double, unit: TimeUnit) throws(AnalyticsError) {
        guard [r, alpha, a, b].allSatisfy({ $0.isFinite && $0 > 0 }) else {
            throw .invalidInput("BG/NBD parameters must be positive and finite")
        }
        self.r = r
        self.alpha = alpha
        self.a = a
        self.b = b
        self.unit = unit
    }

    /// The same model with time counted in `unit` (only α changes).
    public func converted(to unit: TimeUnit) -> BGNBDModel {
        let factor = unit.lengthInDays / self.unit.lengthInDays
        return BGNBDModel(uncheckedR: r, alpha: alpha / factor, a: a, b: b, unit: unit)
    }

    init(uncheckedR r: Double, alpha: Double, a: Double, b: Double, unit: TimeUnit) {
        self.r = r
        self.alpha = alpha
        self.a = a
        self.b = b
        self.unit = unit
    }

    /// Expected repeat purchases in the next `horizon` of a customer with `history` (lifetimes'
    /// `conditional_expected_number_of_purchases_up_to_time`, equation 10 of the paper).
    ///
    /// The hypergeometric term enters as (1−z)^(a−1) ₂F₁(a+b−1−r, a−1; a+b+x−1; z) with z = t/(α+T+t) (lifetimes'
    /// form after Euler's transformation). By Pfaff's transformation that product is the single value
    /// ₂F₁(a−1, r+x; a+b+x−1; −t/(α+T)) — the mean of (1 + (t/(α+T))·τ)^(1−a) over τ ~ Beta(r+x, a+b−1−r), a
    /// number of moderate size even when the fitted a and b are in the millions, where the factor and the ₂F₁
    /// apart would overflow. ``SpecialFunctions/hypergeometric2F1(_:_:_:_:maximumTerms:)`` picks a method that
    /// stays cheap for any horizon (see `SpecialFunctions+Hypergeometric.swift`). At a = 1 exactly, where the
    /// formula is 0/0, a is moved by 1e-7 (relative effect of the same order).
    public func expectedPurchases(of history: PurchaseHistory, within horizon: TimeSpan) throws(AnalyticsError) -> Double {
        let t = horizon.value(in: unit)
        guard t.isFinite, t >= 0 else { throw .invalidInput("the horizon must be finite and not negative") }
        let factor = history.unit.lengthInDays / unit.lengthInDays
        return try expectedPurchases(
            frequency: Double(history.frequency), recency: history.recency * factor, age: history.age * factor, t: t)
    }

    /// Expected repeat purchases within `horizon` of a customer who has just made a first purchase (equation 9).
    public func expectedPurchasesOfNewCustomer(within horizon: TimeSpan) throws(AnalyticsError) -> Double {
        let t = horizon.value(in: unit)
        guard t.isFinite, t >= 0 else { throw .invalidInput("the horizon must be finite and not negative") }
        return try expectedPurchases(frequency: 0, recency: 0, age: 0, t: t)
    }

    /// P(alive): the probability that a customer with `history` has not dropped out (Fader, Hardie & Lee, note 021);
    /// 1 for a customer without repeat purchases, as in the model (drop-out happens only after a purchase).
    public func probabilityAlive(_ history: PurchaseHistory) -> Double {
        guard history.frequency > 0 else { return 1 }
        let factor = history.unit.lengthInDays / unit.lengthInDays
        let x = Double(history.frequency)
        let logOdds = (r + x) * log((alpha + history.age * factor) / (alpha + history.recency * factor))
            + log(a / (b + x - 1))
        return 1 / (1 + exp(logOdds))
    }

    /// Expected purchases in (0, tₖ] for several horizons tₖ ≥ 0 in ``unit`` at once, written into `values`;
    /// `scratch` needs the horizons' length.
    func expectedPurchases(
        frequency x: Double, recency: Double, age: Double, horizons: [Double], into values: inout [Double],
        scratch: inout Scratch
    ) throws(AnalyticsError) {
        let a = abs(self.a - 1) < 1e-7 ? 1 + 1e-7 : self.a
        for k in horizons.indices { scratch.arguments[k] = -horizons[k] / (alpha + age) }
        try SpecialFunctions.hypergeometric2F1(
            a - 1, r + x, a + b + x - 1, arguments: scratch.arguments, into: &scratch.values)
        var divisor = 1.0
        if x > 0 {
            let logRatio = log(a / (b + x - 1)) + (r + x) * log((alpha + age) / (alpha + recency))
            divisor = logRatio > 700 ? .infinity : 1 + exp(logRatio)
        }
        let scale = (a + b + x - 1) / (a - 1)
        for k in horizons.indices {
            values[k] = horizons[k] == 0 ? 0 : scale * (1 - scratch.values[k]) / divisor
        }
    }

    /// Reusable buffers for ``expectedPurchases(frequency:recency:age:horizons:into:scratch:)``.
    struct Scratch {
        var arguments: [Double]
        var values: [Double]

        init(count: Int) {
            arguments = [Double](repeating: 0, count: count)
            values = arguments
        }
    }

    /// Expected purchases in (0, t] with t in ``unit``, for x, t_x, T in ``unit``.
    func expectedPurchases(frequency x: Double, recency: Double, age: Double, t: Double) throws(AnalyticsError) -> Double {
        if t == 0 { return 0 }
        let a = abs(self.a - 1) < 1e-7 ? 1 + 1e-7 : self.a
        let survivalTerm = try SpecialFunctions.hypergeometric2F1(a - 1, r + x, a + b + x - 1, -t / (alpha + age))
        let numerator = (a + b + x - 1) / (a - 1) * (1 - survivalTerm)
        guard x > 0 else { return numerator }
        let logRatio = log(a / (b + x - 1)) + (r + x) * log((alpha + age) / (alpha + recency))
        return logRatio > 700 ? 0 : numerator / (1 + exp(logRatio))
    }
}
