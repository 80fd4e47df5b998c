/// How much a candidate resembles the seed group, and why.
public struct LookalikeMatch: Sendable, Hashable {
    /// One feature of the candidate that pulls the similarity up.
    public struct Contribution: Sendable, Hashable {
        /// The feature held.
        public var feature: LookalikeFeature
        /// Its term of the cosine: the contributions of all features (held or not) sum to ``LookalikeMatch/similarity``.
        public var share: Double

        /// Creates a contribution.
        public init(feature: LookalikeFeature, share: Double) {
            self.feature = feature
            self.share = share
        }
    }

    /// The candidate.
    public var customerID: String
    /// Cosine between the candidate's standardised features and the seed's centroid, −1…1: 0 is no more like the
    /// seed than the average customer of the pool; higher is more alike.
    public var similarity: Double
    /// The features the candidate holds that add most to the similarity, largest first (positive terms only).
    public var contributions: [Contribution]

    /// Creates a match.
    public init(customerID: String, similarity: Double, contributions: [Contribution]) {
        self.customerID = customerID
        self.similarity = similarity
        self.contributions = contributions
    }
}
