import DangolAnalytics

/// Everything the analytics say about one customer, as the refresh and the standalone analysis compute it. Model
/// values are nil when the model could not be fitted (see ``AnalyticsReport/fallbacks``) or, for one customer, did
/// not give a finite number; never NaN or infinite.
public struct CustomerScore: Sendable, Hashable {
    /// The customer's purchase summary (days; money in minor units).
    public var summary: CustomerSummary
    /// Margin to date compounded to the observation end.
    public var historicalValue: Double
    public var probabilityAlive: Double?
    /// Expected repeat purchase days within the horizon.
    public var expectedPurchases: Double?
    /// Expected revenue within the horizon, undiscounted.
    public var expectedSpend: Double?
    /// lifetimes' CLV of spend over the horizon's whole months, discounted monthly.
    public var clvRevenue: Double?
    /// CLV of margin: ``clvRevenue`` × margin ÷ revenue to date (clamped to 0…1; 0 without revenue).
    public var clv: Double?
    public var rfm: RFMScore
    /// Nil without a CLV.
    public var valueQuadrant: ValueMatrix.Quadrant?
    public var churn: ChurnRisk

    /// The churn factors as compact JSON, in the shape of ``ChurnFactorView`` (written by hand: a million
    /// encoder calls would cost more than the scoring).
    public var churnFactorsJSON: String {
        guard !churn.factors.isEmpty else { return "[]" }
        let parts = churn.factors.map { factor -> String in
            switch factor {
            case .lowProbabilityAlive(let probability):
                #"{"kind":"low_probability_alive","probability":\#(Self.number(probability))}"#
            case .overdue(let days, let interval, let ratio):
                #"{"kind":"overdue","daysSinceLastPurchase":\#(days),"usualIntervalDays":\#(Self.number(interval)),"ratio":\#(Self.number(ratio))}"#
            case .noSecondPurchase(let days, let interval, let ratio):
                #"{"kind":"no_second_purchase","daysSinceLastPurchase":\#(days),"usualIntervalDays":\#(Self.number(interval)),"ratio":\#(Self.number(ratio))}"#
            }
        }
        return "[" + parts.joined(separator: ",") + "]"
    }

    private static func number(_ value: Double) -> String { value.isFinite ? value.description : "null" }
}

/// One churn factor as the API shows it.
public struct ChurnFactorView: Codable, Sendable, Hashable {
    /// `low_probability_alive`, `overdue` or `no_second_purchase`.
    public var kind: String
    public var probability: Double?
    public var daysSinceLastPurchase: Int?
    public var usualIntervalDays: Double?
    /// Days since the last purchase ÷ the usual interval.
    public var ratio: Double?
}
