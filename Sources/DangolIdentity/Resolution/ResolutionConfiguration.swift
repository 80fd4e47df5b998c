/// The settings of a resolution run. The defaults are the ones measured on synthetic data with known truth
/// (``SyntheticIdentityGenerator``); see the README's identity figures.
public struct ResolutionConfiguration: Sendable, Hashable, Codable {
    /// Auto-merge and review probabilities.
    public var thresholds: MatchThresholds
    /// The blocking keys, in the order pairs are attributed to them.
    public var blockingKeys: [BlockingKey]
    /// Blocks with more records are skipped (and counted) to keep the work near-linear.
    public var maxBlockSize: Int
    /// Models to use as they are; nil fits them with EM on this run's candidate pairs.
    public var models: MatchModels?
    /// EM settings.
    public var maxEMIterations: Int
    /// A kind with fewer candidate pairs than this keeps the starting model (too little data to fit).
    public var minimumPairsToFit: Int
    /// Components up to this many records compare all their pairs in the chaining guard.
    public var guardExactLimit: Int
    /// Threads for pair scoring (this machine has 2 cores).
    public var parallelism: Int

    /// Creates a configuration; every argument has a measured default.
    public init(
        thresholds: MatchThresholds = MatchThresholds(),
        blockingKeys: [BlockingKey] = BlockingKey.defaults,
        maxBlockSize: Int = 300,
        models: MatchModels? = nil,
        maxEMIterations: Int = 200,
        minimumPairsToFit: Int = 200,
        guardExactLimit: Int = 40,
        parallelism: Int = 2
    ) {
        self.thresholds = thresholds
        self.blockingKeys = blockingKeys
        self.maxBlockSize = maxBlockSize
        self.models = models
        self.maxEMIterations = maxEMIterations
        self.minimumPairsToFit = minimumPairsToFit
        self.guardExactLimit = guardExactLimit
        self.parallelism = parallelism
    }
}
