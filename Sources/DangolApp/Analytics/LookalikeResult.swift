import DangolAnalytics
import DangolStore

/// The answer of a lookalike search: the candidates most like the seed, each with its similarity (the cosine of
/// ``LookalikeModel``, −1…1) and the features that made it similar, masked per viewer like the customer list.
public struct LookalikeResult: Codable, Sendable, Hashable {
    /// A feature as the API shows it: `family` (`tag`, `attribute`, `age_band`, `early_purchases`, …), the attribute's
    /// `key`, the category's `value`, and its weight: `share` of a match's similarity, or the seed's `standardScore`
    /// (how many standard deviations the seed's mean lies above the pool's).
    public struct Feature: Codable, Sendable, Hashable {
        public var family: String
        public var key: String?
        public var value: String?
        public var share: Double?
        public var standardScore: Double?

        init(_ feature: LookalikeFeature, share: Double? = nil, standardScore: Double? = nil) {
            family = feature.family
            key = feature.key
            value = feature.value
            self.share = share
            self.standardScore = standardScore
        }
    }

    /// What a customer did in their first days.
    public struct Early: Codable, Sendable, Hashable {
        public var purchases: Int
        public var spendMinor: Int64
        public var contacts: Int

        /// Creates a record of early behaviour.
        public init(purchases: Int, spendMinor: Int64, contacts: Int) {
            self.purchases = purchases
            self.spendMinor = spendMinor
            self.contacts = contacts
        }
    }

    /// One candidate.
    public struct Match: Codable, Sendable, Hashable {
        /// Masked per viewer; unmasked reads are audited.
        public var customer: CustomerView
        public var similarity: Double
        /// The strongest features the candidate holds that pull it towards the seed (features from personal data —
        /// age band, e-mail domain — only for customers shown unmasked).
        public var features: [Feature]
        public var early: Early
    }

    /// Seed members found (live customers).
    public var seedSize: Int
    /// What sets the seed apart from the pool (features from personal data only for seeds of 10 or more).
    public var seedProfile: [Feature]
    /// Candidates scored, and whether the cap cut them (the newest are scored).
    public var candidatesScored: Int
    public var candidatesCapped: Bool
    public var earlyDays: Int
    /// The currency of `early.spendMinor`.
    public var currency: String
    /// Most similar first.
    public var items: [Match]
}
