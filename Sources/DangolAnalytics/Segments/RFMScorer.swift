/// RFM scores (최근성·구매빈도·구매금액) and segments for a customer base.
///
/// Each dimension is scored 1–5 by quintile of the customers given, recent purchases and high frequency and spend
/// scoring high. Ties share a score by mid-rank (see the rule in ``RFMScore``), so the result does not depend on input
/// order. Scores are relative to the customers scored together: score the whole active base at once.
///
/// ```swift
/// let scores = RFMScorer().scores(of: summaries.map(RFMScorer.Input.init))
/// scores[0].segment // .champions
/// ```
public struct RFMScorer: Sendable {
    /// What RFM reads of one customer.
    public struct Input: Sendable, Hashable, Codable {
        /// The customer.
        public var customerID: String
        /// Days since the last purchase (fewer is better).
        public var daysSinceLastPurchase: Int
        /// Purchases (purchase days) so far.
        public var purchaseCount: Int
        /// Spend so far, minor units (or margin, if segments should follow margin).
        public var monetary: Double

        /// Creates an input.
        public init(customerID: String, daysSinceLastPurchase: Int, purchaseCount: Int, monetary: Double) {
            self.customerID = customerID
            self.daysSinceLastPurchase = daysSinceLastPurchase
            self.purchaseCount = purchaseCount
            self.monetary = monetary
        }

        /// The input of a summary: purchase days (first included) and revenue to date.
        public init(_ summary: CustomerSummary) {
            self.init(customerID: summary.customerID, daysSinceLastPurchase: summary.daysSinceLastPurchase,
                      purchaseCount: summary.repeatPurchaseDays + 1, monetary: Double(summary.revenueToDate))
        }
    }

    /// Creates a scorer.
    public init() {}

    /// One score per input, in input order. Throws `input.invalid` for a negative or non-finite value.
    public func scores(of inputs: [Input]) throws(AnalyticsError) -> [RFMScore] {
        guard inputs.allSatisfy({ $0.daysSinceLastPurchase >= 0 && $0.purchaseCount >= 0 && $0.monetary.isFinite })
        else { throw .invalidInput("RFM needs days since last purchase and purchase counts ≥ 0, finite spend") }
        let recency = QuintileScore.scores(inputs.map { -Double($0.daysSinceLastPurchase) })
        let frequency = QuintileScore.scores(inputs.map { Double($0.purchaseCount) })
        let monetary = QuintileScore.scores(inputs.map(\.monetary))
        return inputs.indices.map { i in
            RFMScore(customerID: inputs[i].customerID, recency: recency[i], frequency: frequency[i],
                     monetary: monetary[i], onePurchaseOnly: inputs[i].purchaseCount == 1)
        }
    }
}
