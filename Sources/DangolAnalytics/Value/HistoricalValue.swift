import Foundation

/// What a customer has already been worth: margin to date and its value today.
///
/// Past margin is compounded forward to the valuation day at an annual rate, so that a margin earned three years ago
/// counts for more than the same margin earned last week (money received earlier could have been reinvested):
/// `presentValue = Σ margin × (1 + annualRate)^(days elapsed / 365)`. Margins dated after the valuation day are
/// ignored. With rate 0 both figures are equal.
public struct HistoricalValue: Sendable, Hashable, Codable {
    /// Sum of margins up to the valuation day, minor units.
    public let marginToDate: Int64
    /// Margins compounded to the valuation day, minor units.
    public let presentValue: Double

    /// One margin on one business day.
    public struct DatedMargin: Sendable, Hashable, Codable {
        /// Business day, days since 1970-01-01.
        public var day: Int
        /// Margin (amount − cost), minor units.
        public var margin: Int64

        /// Creates a dated margin.
        public init(day: Int, margin: Int64) {
            self.day = day
            self.margin = margin
        }
    }

    /// The historical value of `margins` on `valuationDay` at `annualDiscountRate` (> −1; for example 0.08).
    public init(margins: [DatedMargin], valuationDay: Int, annualDiscountRate: Double) throws(AnalyticsError) {
        guard annualDiscountRate.isFinite, annualDiscountRate > -1 else {
            throw .invalidInput("the discount rate must be finite and above −100%")
        }
        var total: Int64 = 0, present = 0.0
        let logGrowth = log1p(annualDiscountRate)
        for entry in margins where entry.day <= valuationDay {
            total += entry.margin
            present += Double(entry.margin) * exp(logGrowth * Double(valuationDay - entry.day) / 365)
        }
        marginToDate = total
        presentValue = present
    }

    /// The historical value of one customer's purchases (margin = amount − cost, unknown cost as 0).
    public init(purchases: [Purchase], valuationDay: Int, annualDiscountRate: Double) throws(AnalyticsError) {
        try self.init(
            margins: purchases.map { DatedMargin(day: $0.day, margin: $0.amount - ($0.cost ?? 0)) },
            valuationDay: valuationDay, annualDiscountRate: annualDiscountRate)
    }
}
