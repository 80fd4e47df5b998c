import DangolAnalytics
import Foundation

/// How the analytics refresh and the standalone analysis score customers. Every span is in days (the models are
/// fitted with time in days), money in minor units of ``currency``.
///
/// | setting | default | meaning |
/// |---|---|---|
/// | ``horizonDays`` | 365 | horizon of expected purchases, expected spend and CLV |
/// | ``annualDiscountRate`` | 0.10 | discount rate per year: CLV discounts month by month at (1 + r)^(1/12) − 1, historical value compounds past margin by (1 + r)^(days/365) |
/// | ``currency`` | KRW | only transactions in this currency are analysed |
/// | ``utcOffsetSeconds`` | +09:00 | the business day (Asia/Seoul has no daylight saving) |
/// | ``batchSize`` | 50,000 | customers per SQL batch and per write transaction |
/// | ``associationWindowDays`` | 365 | purchases of the last days that make the baskets of next best product (nil: all) |
/// | ``associationMinimumCustomers`` | 3 | customers who bought both products for a rule to be kept |
/// | ``associationRulesPerProduct`` | 20 | rules kept per product (the strongest by confidence, then lift) |
/// | ``associationMaximumBasket`` | 200 | customers with more distinct products are left out of the baskets |
/// | ``associationSampleCustomers`` | 20,000 | buyers whose baskets are counted (evenly spaced blocks of them above that) |
///
/// CLV follows lifetimes: a sum over whole months of 30 days, so the horizon is rounded to whole months for CLV
/// (365 days → 12 months) while expected purchases use the exact horizon.
public struct AnalyticsSettings: Sendable, Hashable, Codable {
    /// The scoring code's version, stored with every score.
    public static let modelVersion = "bgnbd-gg-rfm/1"

    public var horizonDays: Int
    public var annualDiscountRate: Double
    public var currency: String
    public var utcOffsetSeconds: Int
    public var batchSize: Int
    /// Value-matrix threshold on current value (margin to date).
    public var currentValueThreshold: ValueMatrix.Threshold
    /// Value-matrix threshold on future value (margin CLV).
    public var futureValueThreshold: ValueMatrix.Threshold
    /// Churn-risk thresholds.
    public var churnRules: ChurnRiskRules
    /// Days of purchases (back from the observation end) whose products make the customer baskets; nil for all.
    public var associationWindowDays: Int?
    /// The least number of customers who bought both products for an association rule to be kept.
    public var associationMinimumCustomers: Int
    /// Association rules kept per bought product.
    public var associationRulesPerProduct: Int
    /// Customers with more distinct products in the window are left out of the baskets.
    public var associationMaximumBasket: Int
    /// At most this many buyers' baskets are counted (`BasketSample`): the cost of counting pairs stays fixed however
    /// many customers there are.
    public var associationSampleCustomers: Int

    public init(horizonDays: Int = 365, annualDiscountRate: Double = 0.10, currency: String = "KRW",
                utcOffsetSeconds: Int = 9 * 3_600, batchSize: Int = 50_000,
                currentValueThreshold: ValueMatrix.Threshold = .median, futureValueThreshold: ValueMatrix.Threshold = .median,
                churnRules: ChurnRiskRules = ChurnRiskRules(), associationWindowDays: Int? = 365,
                associationMinimumCustomers: Int = 3, associationRulesPerProduct: Int = 20, associationMaximumBasket: Int = 200,
                associationSampleCustomers: Int = 20_000) {
        self.horizonDays = horizonDays
        self.annualDiscountRate = annualDiscountRate
        self.currency = currency
        self.utcOffsetSeconds = utcOffsetSeconds
        self.batchSize = batchSize
        self.currentValueThreshold = currentValueThreshold
        self.futureValueThreshold = futureValueThreshold
        self.churnRules = churnRules
        self.associationWindowDays = associationWindowDays
        self.associationMinimumCustomers = associationMinimumCustomers
        self.associationRulesPerProduct = associationRulesPerProduct
        self.associationMaximumBasket = associationMaximumBasket
        self.associationSampleCustomers = associationSampleCustomers
    }

    /// Whole 30-day months of the CLV sum (at least 1).
    public var clvMonths: Int { max(1, Int((Double(horizonDays) / 30).rounded())) }
    /// The monthly discount rate equivalent to ``annualDiscountRate``.
    public var monthlyDiscountRate: Double { pow(1 + annualDiscountRate, 1.0 / 12) - 1 }
    /// The daily growth factor of past margin, (1 + r)^(1/365).
    public var dailyGrowth: Double { pow(1 + annualDiscountRate, 1.0 / 365) }

    /// Checks the settings; the CLI and configuration report these messages as they are.
    public func validate() -> String? {
        guard horizonDays >= 1, horizonDays <= 3_650 else { return "The horizon must be 1–3650 days." }
        guard annualDiscountRate.isFinite, annualDiscountRate > -1, annualDiscountRate < 10 else {
            return "The discount rate must be a yearly rate above −1 (for example 0.1 for 10%)."
        }
        guard batchSize >= 1 else { return "The batch size must be positive." }
        if let days = associationWindowDays, days < 1 { return "The window of the baskets must be at least one day." }
        guard associationMinimumCustomers >= 1, associationRulesPerProduct >= 1, associationMaximumBasket >= 2,
              associationSampleCustomers >= 1 else {
            return "Association rules need at least one customer per pair, one rule per product, baskets of two products and a sample."
        }
        return nil
    }
}
