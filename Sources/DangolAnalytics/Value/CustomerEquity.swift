/// Customer equity (고객 자산): the sum of customers' lifetime values, and how it moved between two snapshots.
///
/// ```swift
/// let change = CustomerEquityChange(from: try CustomerEquity(values: lastQuarter), to: try CustomerEquity(values: now))
/// change.acquisition + change.retainedGrowth - change.retentionLoss == change.after - change.before // to rounding
/// ```
public struct CustomerEquity: Sendable, Hashable, Codable {
    /// CLV per customer id.
    public let values: [String: Double]
    /// Σ CLV (compensated summation, so the dictionary's order changes the result by rounding only).
    public let total: Double

    /// Equity of `values` (CLV per customer). Throws `input.invalid` for a non-finite value.
    public init(values: [String: Double]) throws(AnalyticsError) {
        guard values.values.allSatisfy(\.isFinite) else { throw .invalidInput("lifetime values must be finite") }
        self.values = values
        total = Self.sum(values.values)
    }

    /// Neumaier's compensated sum.
    static func sum<S: Sequence>(_ values: S) -> Double where S.Element == Double {
        var sum = 0.0, compensation = 0.0
        for value in values {
            let next = sum + value
            compensation += abs(sum) >= abs(value) ? (sum - next) + value : (value - next) + sum
            sum = next
        }
        return sum + compensation
    }
}
