/// What BG/NBD knows about one customer: x repeat purchases, the last at t_x, observed for T, all in one unit.
public struct PurchaseHistory: Sendable, Hashable, Codable {
    /// Frequency x: repeat purchase periods.
    public let frequency: Int
    /// Recency t_x: time from the first to the last purchase, in ``unit``.
    public let recency: Double
    /// Age T: time from the first purchase to the observation end, in ``unit``.
    public let age: Double
    /// The unit of ``recency`` and ``age``.
    public let unit: TimeUnit

    /// Checks the history: x ≥ 0, 0 ≤ t_x ≤ T, finite, and t_x = 0 when x = 0 (as lifetimes requires).
    public init(frequency: Int, recency: Double, age: Double, unit: TimeUnit) throws(AnalyticsError) {
        guard frequency >= 0, recency.isFinite, age.isFinite, recency >= 0, recency <= age else {
            throw .invalidInput("a history needs 0 ≤ recency ≤ age and frequency ≥ 0")
        }
        guard frequency > 0 || recency == 0 else { throw .invalidInput("recency must be 0 without repeat purchases") }
        self.init(uncheckedFrequency: frequency, recency: recency, age: age, unit: unit)
    }

    init(uncheckedFrequency frequency: Int, recency: Double, age: Double, unit: TimeUnit) {
        self.frequency = frequency
        self.recency = recency
        self.age = age
        self.unit = unit
    }
}
