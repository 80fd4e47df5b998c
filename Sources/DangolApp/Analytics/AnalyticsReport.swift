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
    /// How equity moved since the previous successful run (acquisition, growth of retained customers, loss of
    /// customers no longer scored); nil for the first run or when either run had no model.
    public var equityChange: CustomerEquityChange?
    /// The next-best-product model: baskets, products and rules kept; nil before this field existed.
    public var associations: Associations?
    /// Why parts are missing: `"bgnbd: fit.no_repeat_buyers — …"`; empty when everything was computed.
    public var fallbacks: [String]
    /// Seconds per phase.
    public var timings: Timings

    /// What the association model of the run holds (a basket is one customer's set of products).
    public struct Associations: Codable, Sendable, Hashable {
        /// Customers counted: with a product in the window, in the sample, within the basket size limit (N).
        public var baskets: Int
        /// Whether the buyers were sampled (more than ``AnalyticsSettings/associationSampleCustomers``).
        public var sampled: Bool
        /// Products with at least one rule.
        public var products: Int
        /// Rules kept.
        public var rules: Int
        /// The window of purchases in days; nil for all history.
        public var windowDays: Int?
        /// The least number of customers behind a rule.
        public var minimumCustomers: Int
    }

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
        /// The association model (optional: reports written before it existed lack it).
        public var associationSeconds: Double?
        /// The split of the equity change (optional, as above).
        public var equitySeconds: Double?

        public init() {}
    }
}
