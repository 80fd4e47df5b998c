import DangolCore
import DangolStore

/// A customer's net spend in one calendar month of the business time zone, in one currency — the bars of the
/// monthly spend chart.
public struct MonthlySpend: Sendable, Hashable, Codable {
    public var year: Int
    public var month: Int
    public var currency: String
    public var amountMinor: Int64

    public init(year: Int, month: Int, currency: String, amountMinor: Int64) {
        self.year = year
        self.month = month
        self.currency = currency
        self.amountMinor = amountMinor
    }

    /// The last `months` calendar months up to and including the one of `today`, oldest first, one entry per month
    /// and currency seen (months without sales are zero). With no sales at all, the months of the main currency are
    /// zero, so a chart still has its axis.
    public static func months(_ days: [DailySpend], ending today: CivilDate, count months: Int, defaultCurrency: String = "KRW") -> [MonthlySpend] {
        var keys: [(year: Int, month: Int)] = []
        var year = today.year
        var month = today.month
        for _ in 0..<max(1, months) {
            keys.append((year, month))
            month -= 1
            if month == 0 { month = 12; year -= 1 }
        }
        keys.reverse()
        var sums: [String: [Int: Int64]] = [:]
        for entry in days {
            let date = CivilDate(daysSinceEpoch: entry.day)
            sums[entry.currency, default: [:]][date.year * 12 + date.month - 1, default: 0] += entry.amountMinor
        }
        let currencies = sums.isEmpty ? [defaultCurrency] : sums.keys.sorted()
        return currencies.flatMap { currency in
            keys.map { key in
                MonthlySpend(year: key.year, month: key.month, currency: currency,
                             amountMinor: sums[currency]?[key.year * 12 + key.month - 1] ?? 0)
            }
        }
    }
}
