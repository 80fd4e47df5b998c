import DangolCore
import Dispatch

/// The identity-resolution engine: from records to clusters of the same customer.
///
/// A run goes: features per record → strong-identifier rule (shared customer number, e-mail, BRN, CRN) → candidate
/// pairs by blocking → a comparison vector per pair (scored on ``ResolutionConfiguration/parallelism`` threads) →
/// m/u/λ fitted by EM per kind, unless models are given → match weights → clusters guarded against chaining →
/// review pairs.
///
/// ```swift
/// let resolver = IdentityResolver()
/// let resolution = resolver.resolve(records)
/// resolution.clusterOfRecord  // [0, 0, 2, 0, 4, …]
/// ```
///
/// For one incoming record against candidates fetched from the store, use
/// ``score(incoming:candidates:models:thresholds:)`` with models stored from an earlier run.
public struct IdentityResolver: Sendable {
    /// The run's settings.
    public var configuration: ResolutionConfiguration

    /// Creates a resolver.
    public init(configuration: ResolutionConfiguration = ResolutionConfiguration()) {
        self.configuration = configuration
    }

    /// Resolves `records` into clusters.
    public func resolve(_ records: [IdentityRecord]) -> Resolution {
        var statistics = ResolutionStatistics()
        statistics.records = records.count
        let features = RecordFeatures(records)

        var anchors = UnionFind(count: records.count)
        statistics.strongIdentifierLinks = StrongIdentifierLinks.unite(records, into: &anchors)

        let candidates = CandidatePairs(features: features, keys: configuration.blockingKeys,
                                        maxBlockSize: configuration.maxBlockSize)
        let pairs = candidates.pairs
        statistics.pairsCompared = pairs.count
        for (key, figures) in candidates.statistics {
            statistics.pairsByKey[key.rawValue] = figures.pairs
            statistics.blocks += figures.blocks
            statistics.oversizedBlocksSkipped += figures.oversizedBlocks
        }
        let codes = Self.comparisonCodes(pairs, features: features, parallelism: configuration.parallelism)

        let models = configuration.models ?? fitModels(pairs: pairs, codes: codes, features: features, anchors: anchors)
        statistics.personEMIterations = models.person.iterations
        statistics.organisationEMIterations = models.organisation.iterations

        let tables = [models.person.weightTable(), models.organisation.weightTable()]
        let autoWeight = [models.person, models.organisation].map {
            Float($0.weight(forProbability: configuration.thresholds.autoMerge))
        }
        let reviewWeight = [models.person, models.organisation].map {
            Float($0.weight(forProbability: configuration.thresholds.review))
        }
        var autoLinks: [(Int32, Int32, Float)] = []
        for (index, pair) in pairs.enumerated() {
            let i = Int(pair >> 32)
            let kind = Int(features.kind[i])
            let weight = tables[kind][Int(codes[index])]
            if weight >= autoWeight[kind] { autoLinks.append((Int32(i), Int32(truncatingIfNeeded: pair), weight)) }
        }
        statistics.autoMergePairs = autoLinks.count

        let builder = ClusterBuilder(
            weightOf: { i, j in tables[Int(features.kind[i])][Int(features.comparisonVector(i, j).code)] },
            thresholdsOf: { record in
                let kind = Int(features.kind[record])
                return (autoWeight[kind], reviewWeight[kind])
            },
            exactLimit: configuration.guardExactLimit)
        let outcome = builder.build(count: records.count, anchors: anchors, autoLinks: autoLinks)
        statistics.componentsSplitByGuard = outcome.splitComponents
        statistics.guardPairsScored = outcome.pairsScored
        statistics.largestComponentBeforeGuard = outcome.largestComponent

        var reviewPairs: [ReviewPair] = []
        for (index, pair) in pairs.enumerated() {
            let i = Int(pair >> 32), j = Int(truncatingIfNeeded: pair & 0xFFFF_FFFF)
            let kind = Int(features.kind[i])
            let weight = tables[kind][Int(codes[index])]
            guard weight >= reviewWeight[kind], outcome.labels[i] != outcome.labels[j] else { continue }
            let model = kind == 0 ? models.person : models.organisation
            reviewPairs.append(ReviewPair(left: i, right: j, weight: Double(weight),
                                          probability: model.probability(weight: Double(weight))))
        }
        reviewPairs.sort { $0.weight > $1.weight || ($0.weight == $1.weight && ($0.left, $0.right) < ($1.left, $1.right)) }
        statistics.reviewPairs = reviewPairs.count

        let clusterOfRecord = outcome.labels.map(Int.init)
        statistics.clusters = clusterOfRecord.enumerated().reduce(0) { $0 + ($1.offset == $1.element ? 1 : 0) }
        return Resolution(clusterOfRecord: clusterOfRecord, reviewPairs: reviewPairs, models: models, statistics: statistics)
    }

    /// Fits a model per kind on the comparison vectors of the candidate pairs.
    ///
    /// Free EM over blocked candidate pairs is unstable: blocking creates large, coherent groups of non-matches
    /// ("same name and birth year, different person") that a two-class model can mistake for the match class. So the
    /// m probabilities of the fields that are not strong identifiers are first estimated from the candidate pairs the
    /// deterministic rule already links (a shared customer number, e-mail, BRN or CRN: matches for free), and EM then
    /// fits u, λ and the strong fields' m with those held. With too few linked pairs, EM runs free.
    func fitModels(pairs: [UInt64], codes: [UInt32], features: RecordFeatures, anchors: UnionFind) -> MatchModels {
        var anchors = anchors
        var counts = [[Int]](repeating: [Int](repeating: 0, count: ComparisonVector.codeCount), count: 2)
        var linked = [[Int]](repeating: [Int](repeating: 0, count: ComparisonVector.codeCount), count: 2)
        var totals = [0, 0]
        var linkedTotals = [0, 0]
        for (index, pair) in pairs.enumerated() {
            let i = Int(pair >> 32), j = Int(pair & 0xFFFF_FFFF)
            let kind = Int(features.kind[i])
            counts[kind][Int(codes[index])] += 1
            totals[kind] += 1
            if anchors.find(i) == anchors.find(j) {
                linked[kind][Int(codes[index])] += 1
                linkedTotals[kind] += 1
            }
        }
        let estimator = ExpectationMaximization(maxIterations: configuration.maxEMIterations)
        let fitted = [CustomerKind.person, .organisation].enumerated().map { kindIndex, kind -> MatchModel in
            var starting = MatchModel.starting(kind: kind)
            guard totals[kindIndex] >= configuration.minimumPairsToFit else { return starting }
            var fixed: Set<ComparisonField> = []
            if linkedTotals[kindIndex] >= configuration.minimumPairsToFit / 2 {
                fixed = Self.estimateMatchProbabilities(from: linked[kindIndex], into: &starting)
            }
            var histogram: [ComparisonVector: Int] = [:]
            for (code, count) in counts[kindIndex].enumerated() where count > 0 {
                histogram[ComparisonVector(code: UInt32(code))] = count
            }
            return estimator.fit(histogram: histogram, starting: starting, fixedMatchFields: fixed)
        }
        return MatchModels(person: fitted[0], organisation: fitted[1])
    }

    /// The fields whose agreement is not itself a strong identifier, so that pairs linked by the rule are an
    /// unbiased sample of their behaviour in matches.
    static let fieldsLearnedFromLinks: [ComparisonField] = [.name, .birthDate, .phone, .address, .postcode, .webDomain]

    /// Sets m of ``fieldsLearnedFromLinks`` from the level counts of rule-linked pairs (add-one smoothing); returns
    /// the fields set (those observed in at least 20 linked pairs).
    static func estimateMatchProbabilities(from linked: [Int], into model: inout MatchModel) -> Set<ComparisonField> {
        var fixed: Set<ComparisonField> = []
        for field in fieldsLearnedFromLinks {
            var levelCounts = [Double](repeating: 1, count: field.levelCount)
            var observed = 0
            for (code, count) in linked.enumerated() where count > 0 {
                let level = ComparisonVector(code: UInt32(code)).level(of: field)
                guard level != ComparisonLevel.missing else { continue }
                levelCounts[Int(level)] += Double(count)
                observed += count
            }
            guard observed >= 20 else { continue }
            let total = levelCounts.reduce(0, +)
            model.fields[field.index].m = levelCounts.map { $0 / total }
            fixed.insert(field)
        }
        return fixed
    }

    /// The comparison vector of every pair, computed on `parallelism` threads over contiguous slices.
    static func comparisonCodes(_ pairs: [UInt64], features: RecordFeatures, parallelism: Int) -> [UInt32] {
        let count = pairs.count
        let chunks = max(1, min(parallelism, count / 10_000 + 1))
        return [UInt32](unsafeUninitializedCapacity: count) { buffer, initialized in
            let output = SendablePointer(base: buffer.baseAddress)
            DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
                let start = count * chunk / chunks
                let end = count * (chunk + 1) / chunks
                features.units.withUnsafeBufferPointer { units in
                    features.tokens.withUnsafeBufferPointer { tokens in
                        pairs.withUnsafeBufferPointer { pairs in
                            for index in start..<end {
                                let pair = pairs[index]
                                let code = features.comparisonCode(
                                    Int(pair >> 32), Int(pair & 0xFFFF_FFFF), units: units, tokens: tokens)
                                (output.base! + index).initialize(to: code)
                            }
                        }
                    }
                }
            }
            initialized = count
        }
    }

    /// Explains the comparison of two records under `models` (for the review queue, reports and tests).
    public static func explain(
        _ left: IdentityRecord, _ right: IdentityRecord, models: MatchModels,
        thresholds: MatchThresholds = MatchThresholds()
    ) -> PairExplanation {
        score(incoming: left, candidates: [right], models: models, thresholds: thresholds)[0]
    }

    /// Scores one incoming record against candidate records (e.g. fetched from the store by blocking keys), one
    /// explanation per candidate in the same order. A candidate of another kind is a non-match with every field
    /// missing; one sharing a strong identifier has the outcome ``MatchOutcome/strongIdentifier``.
    public static func score(
        incoming: IdentityRecord, candidates: [IdentityRecord], models: MatchModels,
        thresholds: MatchThresholds = MatchThresholds()
    ) -> [PairExplanation] {
        let features = RecordFeatures([incoming] + candidates)
        let missing = ComparisonVector(levels: [UInt8](repeating: ComparisonLevel.missing, count: ComparisonField.allCases.count))
        return candidates.enumerated().map { offset, candidate in
            let model = models[incoming.kind]
            guard candidate.kind == incoming.kind else {
                var explanation = PairExplanation(leftID: incoming.id, rightID: candidate.id, vector: missing, model: model,
                                                  thresholds: thresholds, sharesStrongIdentifier: false)
                explanation.probability = 0
                explanation.outcome = .noMatch
                return explanation
            }
            return PairExplanation(
                leftID: incoming.id, rightID: candidate.id, vector: features.comparisonVector(0, offset + 1), model: model,
                thresholds: thresholds, sharesStrongIdentifier: StrongIdentifierLinks.share(incoming, candidate))
        }
    }
}

/// A raw pointer handed to the scoring threads; each writes a disjoint slice.
private struct SendablePointer<T>: @unchecked Sendable {
    let base: UnsafeMutablePointer<T>?
}
