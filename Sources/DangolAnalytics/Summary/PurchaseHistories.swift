/// Many customers' (x, t_x, T) as contiguous columns in one unit: the input of model fitting and bulk scoring.
///
/// Columns rather than an array of structs, so that a likelihood over a million customers runs as tight loops over
/// `[Double]`.
public struct PurchaseHistories: Sendable, Hashable {
    /// Frequency x per customer.
    public let frequency: [Int]
    /// Recency t_x per customer, in ``unit``.
    public let recency: [Double]
    /// Age T per customer, in ``unit``.
    public let age: [Double]
    /// The unit of ``recency`` and ``age``.
    public let unit: TimeUnit

    /// Checks the columns: equal lengths, x ≥ 0, 0 ≤ t_x ≤ T, finite, t_x = 0 when x = 0.
    public init(frequency: [Int], recency: [Double], age: [Double], unit: TimeUnit) throws(AnalyticsError) {
        guard frequency.count == recency.count, recency.count == age.count else { throw .lengthMismatch }
        for i in frequency.indices {
            let x = frequency[i], tx = recency[i], t = age[i]
            guard x >= 0, tx.isFinite, t.isFinite, tx >= 0, tx <= t, x > 0 || tx == 0 else {
                throw .invalidInput("row \(i) needs frequency ≥ 0, 0 ≤ recency ≤ age, recency 0 without repeats")
            }
        }
        self.frequency = frequency
        self.recency = recency
        self.age = age
        self.unit = unit
    }

    /// The histories of `summaries`, counted in `unit`; checked like the columns, so a hand-made summary whose days
    /// are out of order is refused rather than fitted.
    public init(_ summaries: [CustomerSummary], unit: TimeUnit) throws(AnalyticsError) {
        try self.init(
            frequency: summaries.map(\.repeatPurchaseDays),
            recency: summaries.map { Double($0.recencyDays) / unit.lengthInDays },
            age: summaries.map { Double($0.ageDays) / unit.lengthInDays }, unit: unit)
    }

    /// The number of customers.
    public var count: Int { frequency.count }

    /// The history of customer `index`.
    public subscript(index: Int) -> PurchaseHistory {
        PurchaseHistory(uncheckedFrequency: frequency[index], recency: recency[index], age: age[index], unit: unit)
    }
}
