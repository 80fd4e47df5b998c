/// How concentrated value is in the customer base (파레토 분석): top-customer shares, the Lorenz curve, the Gini
/// coefficient and the business type 10:90 … 50:50.
///
/// - Top share s(f): the share of total value held by the top fraction f of customers, interpolated linearly between
///   whole customers (exact when f × n is whole).
/// - Lorenz curve L(p) = 1 − s(1 − p): the share held by the bottom p.
/// - Gini = Σᵢ (2i − n − 1) xᵢ / (n Σ x) over values sorted ascending (i from 1): 0 when all are equal, (n − 1)/n when
///   one customer holds everything.
/// - Business type: the crossing point f* where the top f* of customers holds 1 − f* of value ("20:80" means the top
///   20% hold 80%), rounded to the nearest tenth and kept within 10:90 … 50:50. f* always lies in [0, ½], because the
///   top half always holds at least half.
///
/// Negative values (customers who cost more than they brought, in a margin analysis) hold no share: they count as 0
/// and are reported in ``negativeValueCount``.
public struct ParetoAnalysis: Sendable, Hashable, Codable {
    /// The share of value held by a share of customers.
    public struct Point: Sendable, Hashable, Codable {
        /// Fraction of customers, 0…1.
        public let customerShare: Double
        /// Fraction of total value they hold, 0…1.
        public let valueShare: Double
    }

    /// The concentration types, "k:100−k": the top k% of customers hold (100 − k)% of value.
    public enum BusinessType: String, Sendable, Hashable, Codable, CaseIterable {
        /// Top 10% hold 90%.
        case tenNinety = "10:90"
        /// Top 20% hold 80%, the classic Pareto rule.
        case twentyEighty = "20:80"
        /// Top 30% hold 70%.
        case thirtySeventy = "30:70"
        /// Top 40% hold 60%.
        case fortySixty = "40:60"
        /// Value spread evenly.
        case fiftyFifty = "50:50"
    }

    /// Customers analysed.
    public let customerCount: Int
    /// Customers with a negative value, counted as 0.
    public let negativeValueCount: Int
    /// Total value (negatives counted as 0).
    public let total: Double
    /// Shares held by the top 10%, 20%, 30%, 40% and 50% of customers.
    public let topShares: [Point]
    /// The Lorenz curve from (0, 0) to (1, 1), at evenly spaced customer shares.
    public let lorenzCurve: [Point]
    /// The Gini coefficient.
    public let gini: Double
    /// f*: the top f* of customers hold 1 − f* of value.
    public let crossingShare: Double
    /// The nearest business type to ``crossingShare``.
    public let businessType: BusinessType

    /// Analyses `values` (one per customer: revenue, margin or CLV). Throws `input.empty` without customers,
    /// `pareto.no_value` when nothing is positive, `input.invalid` for a non-finite value.
    public init(values: [Double], lorenzPointCount: Int = 101) throws(AnalyticsError) {
        guard !values.isEmpty else { throw .empty }
        guard values.allSatisfy(\.isFinite) else { throw .invalidInput("values must be finite") }
        let descending = values.map { max(0, $0) }.sorted(by: >)
        let total = descending.reduce(0, +)
        guard total > 0 else { throw AnalyticsError(code: "pareto.no_value", message: "No customer has a positive value.") }
        let n = descending.count
        var cumulative = [0.0]
        cumulative.reserveCapacity(n + 1)
        for value in descending { cumulative.append(cumulative[cumulative.count - 1] + value / total) }
        func topShare(_ f: Double) -> Double {
            let position = min(max(f, 0), 1) * Double(n)
            let whole = min(Int(position.rounded(.down)), n)
            guard whole < n else { return 1 }
            return min(1, cumulative[whole] + (position - Double(whole)) * descending[whole] / total)
        }
        customerCount = n
        negativeValueCount = values.filter { $0 < 0 }.count
        self.total = total
        topShares = (1...5).map { Point(customerShare: Double($0) / 10, valueShare: topShare(Double($0) / 10)) }
        let points = max(2, lorenzPointCount)
        lorenzCurve = (0..<points).map { i in
            let p = Double(i) / Double(points - 1)
            return Point(customerShare: p, valueShare: max(0, 1 - topShare(1 - p)))
        }
        var weighted = 0.0
        for (index, value) in descending.reversed().enumerated() { weighted += Double(2 * (index + 1) - n - 1) * value }
        gini = weighted / (Double(n) * total)
        var low = 0.0, high = 0.5
        for _ in 0..<60 {
            let middle = (low + high) / 2
            if topShare(middle) >= 1 - middle { high = middle } else { low = middle }
        }
        crossingShare = high
        let tenth = min(5, max(1, Int((high * 10).rounded())))
        businessType = BusinessType.allCases[tenth - 1]
    }
}
