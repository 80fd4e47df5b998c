import DangolCore

/// The identification rate: the share of revenue (and of sales) attributed to a known customer, per period and
/// channel — "what share of your revenue can you attribute to a known customer?"
///
/// ```swift
/// let rows = IdentificationRate.summarise(days, period: .month)
/// rows[0].revenueRate  // 0.62: 62% of November's store revenue came from identified customers
/// ```
public enum IdentificationRate {
    /// A reporting period.
    public enum Period: String, Sendable, Hashable, Codable, CaseIterable {
        case day, week, month, quarter, year
    }

    /// Sales of one business day, channel and currency.
    public struct Day: Sendable, Hashable {
        public var date: CivilDate
        public var channel: String
        public var currency: String
        public var transactions: Int
        public var identifiedTransactions: Int
        public var revenueMinor: Int64
        public var identifiedRevenueMinor: Int64

        public init(date: CivilDate, channel: String, currency: String, transactions: Int, identifiedTransactions: Int,
                    revenueMinor: Int64, identifiedRevenueMinor: Int64) {
            self.date = date
            self.channel = channel
            self.currency = currency
            self.transactions = transactions
            self.identifiedTransactions = identifiedTransactions
            self.revenueMinor = revenueMinor
            self.identifiedRevenueMinor = identifiedRevenueMinor
        }
    }

    /// One row of the report: a period and a channel (`*` for all channels), in one currency.
    public struct Row: Sendable, Hashable, Codable {
        /// `2026-11-22`, `2026-W47`, `2026-11`, `2026-Q4` or `2026`.
        public var period: String
        public var channel: String
        public var currency: String
        public var transactions: Int
        public var identifiedTransactions: Int
        public var revenueMinor: Int64
        public var identifiedRevenueMinor: Int64
        /// identified revenue ÷ revenue; nil when there was no revenue (refunds can make it zero or negative).
        public var revenueRate: Double?
        /// identified sales ÷ sales; nil without sales.
        public var transactionRate: Double?
    }

    /// Groups days into periods, per channel and across channels (`*`), per currency (amounts in different
    /// currencies are never added). Rows come in period order, then channel (`*` first), then currency.
    public static func summarise(_ days: [Day], period: Period) -> [Row] {
        struct Key: Hashable { var period: String; var channel: String; var currency: String }
        var totals: [Key: Row] = [:]
        for day in days {
            let label = label(of: day.date, period: period)
            for channel in [day.channel, "*"] {
                let key = Key(period: label, channel: channel, currency: day.currency)
                var row = totals[key] ?? Row(period: label, channel: channel, currency: day.currency, transactions: 0,
                                            identifiedTransactions: 0, revenueMinor: 0, identifiedRevenueMinor: 0)
                row.transactions += day.transactions
                row.identifiedTransactions += day.identifiedTransactions
                row.revenueMinor += day.revenueMinor
                row.identifiedRevenueMinor += day.identifiedRevenueMinor
                totals[key] = row
            }
        }
        return totals.values.map { row in
            var row = row
            row.revenueRate = row.revenueMinor > 0 ? Double(row.identifiedRevenueMinor) / Double(row.revenueMinor) : nil
            row.transactionRate = row.transactions > 0 ? Double(row.identifiedTransactions) / Double(row.transactions) : nil
            return row
        }
        .sorted { lhs, rhs in
            (lhs.period, lhs.channel == "*" ? "" : lhs.channel, lhs.currency) < (rhs.period, rhs.channel == "*" ? "" : rhs.channel, rhs.currency)
        }
    }

    /// The label of the period a date falls in. Weeks are ISO 8601 weeks (Monday first; the week belongs to the year
    /// of its Thursday).
    public static func label(of date: CivilDate, period: Period) -> String {
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        switch period {
        case .day: return "\(date.year)-\(two(date.month))-\(two(date.day))"
        case .month: return "\(date.year)-\(two(date.month))"
        case .quarter: return "\(date.year)-Q\((date.month - 1) / 3 + 1)"
        case .year: return "\(date.year)"
        case .week:
            let days = date.daysSinceEpoch
            // 1970-01-01 was a Thursday: weekday 0 = Monday … 6 = Sunday.
            let weekday = ((days + 3) % 7 + 7) % 7
            let thursday = CivilDate(daysSinceEpoch: days - weekday + 3)
            let firstOfYear = CivilDate(year: thursday.year, month: 1, day: 1)?.daysSinceEpoch ?? thursday.daysSinceEpoch
            let week = (thursday.daysSinceEpoch - firstOfYear) / 7 + 1
            return "\(thursday.year)-W\(two(week))"
        }
    }
}
