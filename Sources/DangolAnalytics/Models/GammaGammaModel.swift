/// The Gamma–Gamma model of spend per purchase (Fader, Hardie & Lee 2005, "RFM and CLV"; Colombo & Jiang 1999):
/// a customer's purchase values are Gamma(p, ν) around a personal mean, with ν ~ Gamma(q, γ) across customers.
///
/// lifetimes calls γ `v`. The model assumes spend is independent of purchase frequency; check that correlation on
/// your data before trusting it.
///
/// ```swift
/// let spend = try GammaGammaModel(p: 6.25, q: 3.74, gamma: 15.44)
/// spend.expectedAverageProfit(frequency: 2, monetaryValue: 22.35) // 24.66
/// ```
public struct GammaGammaModel: Sendable, Hashable, Codable {
    /// Shape p of the purchase-value distribution.
    public let p: Double
    /// Shape q of the distribution of ν across customers.
    public let q: Double
    /// Scale γ of the distribution of ν across customers (lifetimes' `v`), in the currency's minor units.
    public let gamma: Double

    /// Creates a model. Requires p, γ > 0 and q > 1: for q ≤ 1 the population mean spend p·γ/(q − 1) is infinite.
    public init(p: Double, q: Double, gamma: Double) throws(AnalyticsError) {
        guard p.isFinite, q.isFinite, gamma.isFinite, p > 0, gamma > 0 else {
            throw .invalidInput("Gamma–Gamma parameters must be positive and finite")
        }
        guard q > 1 else {
            throw .cannotFit("Gamma–Gamma q ≤ 1 implies an infinite mean spend.", code: "infinite_mean_spend")
        }
        self.p = p
        self.q = q
        self.gamma = gamma
    }

    /// The mean spend per purchase across all customers, p·γ/(q − 1).
    public var populationMeanSpend: Double { p * gamma / (q - 1) }

    /// The conditional expected average profit per purchase (equation 5; lifetimes'
    /// `conditional_expected_average_profit`): a weighted mean of the customer's own mean spend and the population
    /// mean, the weight p·x/(p·x + q − 1) growing with the number x of repeat purchases. A customer without repeat
    /// purchases gets the population mean.
    public func expectedAverageProfit(frequency: Int, monetaryValue: Double) -> Double {
        let x = Double(max(0, frequency))
        let weight = p * x / (p * x + q - 1)
        return (1 - weight) * populationMeanSpend + weight * (frequency > 0 ? monetaryValue : 0)
    }
}
