import DangolCore

/// One row of `customer_scores`: what the last analytics refresh computed for a customer. Days are business days
/// (days since 1970-01-01 in the business time zone), spans in days, money in minor units of ``currency``. The model
/// columns are nil when the refresh could not fit BG/NBD or Gamma–Gamma (the run records why).
public struct CustomerScoreRecord: Sendable, Hashable, Codable {
    public var customerID: CustomerID
    /// The refresh run that wrote the row.
    public var runID: String
    public var computedAt: Timestamp
    /// The scoring code's version (`AnalyticsSettings.modelVersion`).
    public var modelVersion: String
    public var currency: String
    /// The last day observed ("today" of the refresh).
    public var observationEndDay: Int
    public var firstPurchaseDay: Int
    public var lastPurchaseDay: Int
    /// Repeat purchase days (BG/NBD's x).
    public var frequency: Int
    /// Days from the first to the last purchase (t_x).
    public var recencyDays: Int
    /// Days from the first purchase to the observation end (T).
    public var ageDays: Int
    /// Mean net amount of the repeat purchase days; 0 without repeats.
    public var monetary: Double
    public var revenueMinor: Int64
    public var marginMinor: Int64
    /// Margin to date compounded to the observation end at the annual discount rate.
    public var historicalValue: Double
    /// The horizon of the predictions below, in days.
    public var horizonDays: Int
    public var probabilityAlive: Double?
    /// Expected repeat purchase days within the horizon.
    public var expectedPurchases: Double?
    /// Expected revenue within the horizon (expected purchases × Gamma–Gamma's expected spend), undiscounted.
    public var expectedSpend: Double?
    /// lifetimes' CLV: expected revenue within the horizon, discounted monthly.
    public var clvRevenue: Double?
    /// CLV of margin: ``clvRevenue`` × the customer's margin ratio; the value matrix and equity use it.
    public var clv: Double?
    public var rfmRecency: Int
    public var rfmFrequency: Int
    public var rfmMonetary: Int
    public var rfmSegment: String
    /// Value-matrix quadrant; nil without a CLV.
    public var valueQuadrant: String?
    /// `low`, `medium` or `high`.
    public var churnBand: String
    /// The churn factors as a JSON array.
    public var churnFactors: String

    public init(customerID: CustomerID, runID: String, computedAt: Timestamp, modelVersion: String, currency: String,
                observationEndDay: Int, firstPurchaseDay: Int, lastPurchaseDay: Int, frequency: Int, recencyDays: Int,
                ageDays: Int, monetary: Double, revenueMinor: Int64, marginMinor: Int64, historicalValue: Double,
                horizonDays: Int, probabilityAlive: Double?, expectedPurchases: Double?, expectedSpend: Double?,
                clvRevenue: Double?, clv: Double?, rfmRecency: Int, rfmFrequency: Int, rfmMonetary: Int,
                rfmSegment: String, valueQuadrant: String?, churnBand: String, churnFactors: String) {
        self.customerID = customerID
        self.runID = runID
        self.computedAt = computedAt
        self.modelVersion = modelVersion
        self.currency = currency
        self.observationEndDay = observationEndDay
        self.firstPurchaseDay = firstPurchaseDay
        self.lastPurchaseDay = lastPurchaseDay
        self.frequency = frequency
        self.recencyDays = recencyDays
        self.ageDays = ageDays
        self.monetary = monetary
        self.revenueMinor = revenueMinor
        self.marginMinor = marginMinor
        self.historicalValue = historicalValue
        self.horizonDays = horizonDays
        self.probabilityAlive = probabilityAlive
        self.expectedPurchases = expectedPurchases
        self.expectedSpend = expectedSpend
        self.clvRevenue = clvRevenue
        self.clv = clv
        self.rfmRecency = rfmRecency
        self.rfmFrequency = rfmFrequency
        self.rfmMonetary = rfmMonetary
        self.rfmSegment = rfmSegment
        self.valueQuadrant = valueQuadrant
        self.churnBand = churnBand
        self.churnFactors = churnFactors
    }
}
