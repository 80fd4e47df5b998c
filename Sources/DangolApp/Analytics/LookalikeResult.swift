import DangolAnalytics
import DangolStore

/// The answer of a lookalike search: the candidates most like the seed, each with its similarity (the cosine of
/// ``LookalikeModel``, −1…1) and the features that made it similar, masked per viewer like the customer list.
public struct LookalikeResult: Codable, Sendable, Hashable {
    /// A feature as the API shows it: `family` (`tag`, `attribute`, `age_band`, `early_purchases`, …), the attribute's
    /// `key`, the category's `value`, and its weight: `share` of a match's similarity, or the seed's `standardScore`
    /// (how many standard deviations the seed's mean lies above the pool's).
    public struct Feature: Codable, Sendable, Hashable {
        /// `kind`, `tag`, `attribute`, `number`, `age_band`, `email_domain`, `early_purchases`, `early_spend`, `early_contacts`.
        public var family: String
        /// The custom attribute's key.
        public var key: String?
        /// The category's value.
        public var value: String?
        /// The feature's term of a match's similarity.
        public var share: Double?
        /// How far the seed's mean lies above the pool's, in standard deviations.
        public var standardScore: Double?

        init(_ feature: LookalikeFeature, share: Double? = nil, standardScore: Double? = nil) {
            family = feature.family
            key = feature.key
            value = feature.value
            self.share = share
            self.standardScore = standardScore
        }
    }

    /// What a customer did in their first days (net spend in minor units of ``LookalikeResult/currency``).
    public typealias Early = AnalyticsRepository.EarlyBehaviour

    /// One candidate.
    public struct Match: Codable, Sendable, Hashable {
        /// Masked per viewer; unmasked reads are audited.
        public var customer: CustomerView
        /// Cosine with the seed's centroid, −1…1.
        public var similarity: Double
        /// The strongest features the candidate holds that pull it towards the seed (features from personal data —
        /// age band, e-mail domain — only for customers shown unmasked).
        public var features: [Feature]
        /// What the candidate did in their first days.
        public var early: Early
    }

    /// Seed members found (live customers).
    public var seedSize: Int
    /// What sets the seed apart from the pool (features from personal data only for seeds of 10 or more).
    public var seedProfile: [Feature]
    /// Candidates scored.
    public var candidatesScored: Int
    /// Whether the cap cut the candidates (the newest are scored).
    public var candidatesCapped: Bool
    /// The early window used, in days.
    public var earlyDays: Int
    /// The currency of `early.spendMinor`.
    public var currency: String
    /// Most similar first.
    public var items: [Match]
}
