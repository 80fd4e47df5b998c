import DangolAnalytics

/// The business-level results of one scoring run, stored with the run (`analytics_runs.report`) and served by
/// `GET /api/v1/analytics/summary`. Time in the models is in days; money in minor units of ``currency``.
public struct AnalyticsReport: Codable, Sendable, Hashable {
    /// The last day observed, ISO 8601 (business time zone).
    public var observationEnd: String
    public var currency: String
    /// Always `days`: the unit of recency, age, BG/NBD's α and every horizon.
    public var timeUnit: String
    public var horizonDays: Int
    public var clvMonths: Int
    public var annualDiscountRate: Double
    public var monthlyDiscountRate: Double
    public var modelVersion: String
    public var customers: Int
    public var repeatBuyers: Int
    /// BG/NBD fit (α in days), nil when it could not be fitted.
    public var bgnbd: BGNBDFit?
    /// Gamma–Gamma fit on mean repeat spend, nil when it could not be fitted.
    public var gammaGamma: GammaGammaFitter.Fit?
    /// Concentration of revenue and of margin: top shares, Lorenz curve (21 points), Gini, business type.
    public var paretoRevenue: ParetoAnalysis?
    public var paretoMargin: ParetoAnalysis?
    public var valueMatrix: ValueMatrixCounts?
    /// Customers per RFM segment.
    public var rfmSegments: [String: Int]
    /// Customers per churn band.
    public var churnBands: [String: Int]
    /// Customer equity: Σ margin CLV, nil without a model.
    public var equity: Double?
    /// Equity of the previous successful run, for the change.
    public var previousEquity: Double?
    /// Why parts are missing: `"bgnbd: fit.no_repeat_buyers — …"`; empty when everything was computed.
    public var fallbacks: [String]
    /// Seconds per phase.
    public var timings: Timings

    /// Value-matrix thresholds and customers per quadrant.
    public struct ValueMatrixCounts: Codable, Sendable, Hashable {
        public var currentThreshold: Double
        public var futureThreshold: Double
        public var counts: [String: Int]
    }

    /// Seconds spent in each phase of a run.
    public struct Timings: Codable, Sendable, Hashable {
        public var summarySeconds = 0.0
        public var fitSeconds = 0.0
        public var scoringSeconds = 0.0
        public var writingSeconds = 0.0

        public init() {}
    }
}
