/// How likely a customer is to have lapsed (이탈 위험), and why: a band and the factors behind it.
///
/// Two signals, each giving a band; the customer's band is the higher of the two (rules in ``ChurnRiskRules``):
/// - P(alive) from BG/NBD — below 0.3 high, below 0.6 medium by default;
/// - the customer's own rhythm: days since the last purchase ÷ their mean interval between purchase days
///   (recency ÷ repeat purchases) — 3× or more high, 1.5× or more medium by default.
///
/// A one-time buyer has P(alive) = 1 in BG/NBD (drop-out only happens after a purchase) and no rhythm of their own,
/// so their rhythm is the typical interval of the customer base, when the caller gives one
/// (``ChurnRiskRules/typicalInterval(of:)``); without it, a one-time buyer's band is low with no factor.
public struct ChurnRisk: Sendable, Hashable, Codable {
    /// Risk bands, ordered.
    public enum Band: Int, Sendable, Hashable, Codable, Comparable, CaseIterable {
        /// 낮음.
        case low
        /// 보통.
        case medium
        /// 높음.
        case high

        /// Orders low < medium < high.
        public static func < (lhs: Band, rhs: Band) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    /// A reason the band is above low.
    public enum Factor: Sendable, Hashable, Codable {
        /// The model's probability that the customer is still active is low.
        case lowProbabilityAlive(probability: Double)
        /// The customer is late by their own rhythm: `ratio` = days since last purchase ÷ usual interval.
        case overdue(daysSinceLastPurchase: Int, usualIntervalDays: Double, ratio: Double)
        /// A one-time buyer gone longer than the base's typical interval (`ratio` as for ``overdue``).
        case noSecondPurchase(daysSinceFirstPurchase: Int, typicalIntervalDays: Double, ratio: Double)
    }

    /// The band.
    public let band: Band
    /// The factors that raised the band, strongest signal first; empty when low.
    public let factors: [Factor]
}
