/// The result of resolving a set of records: a cluster per record, the pairs a steward should look at, the models
/// used and the run's figures.
public struct Resolution: Sendable {
    /// For each input record (same order), the index of its cluster's representative — the cluster's first record.
    /// Two records are the same customer exactly when their entries are equal.
    public var clusterOfRecord: [Int]
    /// Pairs in the review band that ended in different clusters (including auto-merge pairs the chaining guard
    /// kept apart), strongest first.
    public var reviewPairs: [ReviewPair]
    /// The models the pairs were weighed with (fitted on this run unless given).
    public var models: MatchModels
    /// Figures of the run.
    public var statistics: ResolutionStatistics
}

/// Two records (indices into the input) that a steward should compare.
public struct ReviewPair: Sendable, Hashable, Codable {
    /// Index of the first record.
    public var left: Int
    /// Index of the second record.
    public var right: Int
    /// The match weight (sum of log₂ likelihood ratios).
    public var weight: Double
    /// The match probability.
    public var probability: Double
}

/// Figures of one resolution run, for reports and benchmarks.
public struct ResolutionStatistics: Sendable, Hashable, Codable {
    /// Records resolved.
    public var records = 0
    /// Candidate pairs compared (each once, whatever the number of keys that found it).
    public var pairsCompared = 0
    /// Pairs first found by each blocking key.
    public var pairsByKey: [String: Int] = [:]
    /// Blocks of two or more records, over all keys.
    public var blocks = 0
    /// Blocks skipped because they exceeded the size limit.
    public var oversizedBlocksSkipped = 0
    /// Unions made by the strong-identifier rule.
    public var strongIdentifierLinks = 0
    /// Candidate pairs at or above the auto-merge probability.
    public var autoMergePairs = 0
    /// Pairs reported for review.
    public var reviewPairs = 0
    /// Clusters, singletons included.
    public var clusters = 0
    /// Components the chaining guard split.
    public var componentsSplitByGuard = 0
    /// Extra pairs the chaining guard scored.
    public var guardPairsScored = 0
    /// Records in the largest connected component before the chaining guard (a sign of chaining when large).
    public var largestComponentBeforeGuard = 0
    /// EM iterations for the person model (0 when given or not fitted).
    public var personEMIterations = 0
    /// EM iterations for the organisation model.
    public var organisationEMIterations = 0

    /// Empty figures.
    public init() {}
}
