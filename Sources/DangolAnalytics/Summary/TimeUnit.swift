/// The unit in which recency, age (T) and horizons are counted for a model.
///
/// Every model parameter that carries time (BG/NBD's α) is in this unit, and so are the predictions' horizons. Mixing
/// units is the classic CLV mistake: fitting in weeks and asking for "12" meaning months, or summarising in days and
/// discounting per week, inflates lifetime value several-fold. Types in this module therefore carry their unit and
/// refuse to mix them.
public enum TimeUnit: String, Sendable, Hashable, Codable, CaseIterable {
    /// Calendar days (lifetimes' `freq="D"`).
    case days
    /// Weeks of seven days, fractional (Fader, Hardie & Lee's CDNOW summary: days ÷ 7).
    case weeks

    /// Length of one unit in days.
    public var lengthInDays: Double {
        switch self {
        case .days: 1
        case .weeks: 7
        }
    }

    /// Units in one month for lifetime value, exactly as lifetimes' `customer_lifetime_value` counts them:
    /// 30 days, or 4.345 weeks.
    public var unitsPerMonth: Double {
        switch self {
        case .days: 30
        case .weeks: 4.345
        }
    }
}

/// A span of time with its unit, so that a horizon can never be read in the wrong unit.
///
/// ```swift
/// let quarter = TimeSpan(days: 90)
/// quarter.value(in: .weeks) // 12.857…
/// ```
public struct TimeSpan: Sendable, Hashable, Codable {
    /// The length in days.
    public let days: Double

    /// A span of `days` days.
    public init(days: Double) { self.days = days }

    /// A span of `weeks` weeks of seven days.
    public init(weeks: Double) { self.days = weeks * 7 }

    /// A span of `count` units.
    public init(_ count: Double, _ unit: TimeUnit) { self.days = count * unit.lengthInDays }

    /// The length counted in `unit`.
    public func value(in unit: TimeUnit) -> Double { days / unit.lengthInDays }
}
