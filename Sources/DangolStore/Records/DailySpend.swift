/// A customer's net spend (purchases less refunds) on one business day in one currency.
public struct DailySpend: Sendable, Hashable, Codable {
    /// Days since 1970-01-01 in the business time zone.
    public var day: Int
    public var currency: String
    public var amountMinor: Int64

    public init(day: Int, currency: String, amountMinor: Int64) {
        self.day = day
        self.currency = currency
        self.amountMinor = amountMinor
    }
}
