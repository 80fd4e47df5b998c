/// Where the three outcomes of a pair begin, as match probabilities: at or above ``autoMerge`` the records are
/// merged, at or above ``review`` a steward decides, below it they are different customers.
///
/// The defaults, 0.9 and 0.5, are where precision stays above 0.999 on the synthetic data (see the README): the
/// probabilities of a model fitted on blocked candidate pairs are conservative, because fields that blocking made
/// agree (name, birth date, phone) look common among non-matches too.
///
/// ```swift
/// let thresholds = MatchThresholds(autoMerge: 0.99, review: 0.8)
/// ```
public struct MatchThresholds: Sendable, Hashable, Codable {
    /// The probability from which a pair is merged without review.
    public var autoMerge: Double
    /// The probability from which a pair is sent to review.
    public var review: Double

    /// Creates thresholds; `review` must not exceed `autoMerge`.
    public init(autoMerge: Double = 0.9, review: Double = 0.5) {
        precondition(review <= autoMerge, "the review threshold must not exceed the auto-merge threshold")
        self.autoMerge = autoMerge
        self.review = review
    }

    /// The outcome of a probability.
    public func outcome(probability: Double) -> MatchOutcome {
        if probability >= autoMerge { return .autoMerge }
        return probability >= review ? .review : .noMatch
    }
}

/// What to do with a pair of records.
public enum MatchOutcome: String, Sendable, Hashable, Codable {
    /// They share a strong identifier (customer number, e-mail, BRN, CRN): the same customer by rule.
    case strongIdentifier = "strong_identifier"
    /// Probable enough to merge without review.
    case autoMerge = "auto_merge"
    /// A steward should decide.
    case review
    /// Different customers.
    case noMatch = "no_match"
}
