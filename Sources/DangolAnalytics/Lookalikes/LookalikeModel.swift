/// Lookalike scoring (유사 고객): how much each candidate — typically a lead or a prospect — resembles a seed group such
/// as the most valuable customers, by their attributes and early behaviour.
///
/// Method (a seed centroid in standardised feature space):
/// 1. every customer of the pool (seed and candidates together) becomes a feature vector
///    (``LookalikeTraits/features``: one-hot categories and log-compressed measures);
/// 2. each feature is standardised over the pool, z = (x − mean) / standard deviation, so a rare tag weighs more than a
///    common one and every measure has the same scale; features with no spread in the pool are dropped;
/// 3. the seed's profile is the centroid c of its members' z-vectors: how far the seed sits from the pool's average on
///    each feature, in standard deviations;
/// 4. a candidate's similarity is the cosine between its z-vector and c (−1…1; 0 = no closer to the seed than the
///    pool's average), and its term z_i·c_i / (|z|·|c|) on each feature it holds says what made it similar.
/// The sums run over the features a customer holds plus precomputed totals for the rest, so scoring costs the number
/// of features held, not the number of dimensions.
///
/// ```swift
/// let model = try LookalikeModel(seed: bestCustomers, candidates: leads)
/// let top = model.rank(leads, limit: 50)
/// top.first?.contributions.first?.feature  // .tag("VIP")
/// ```
public struct LookalikeModel: Sendable {
    /// The features kept (those with spread in the pool), in a fixed order.
    public let dimensions: [LookalikeFeature]
    /// The pool's mean, standard deviation and the seed centroid of each dimension.
    private let mean: [Double], deviation: [Double], centroid: [Double]
    private let index: [LookalikeFeature: Int]
    /// Σ μᵢcᵢ/σᵢ and Σ μᵢ²/σᵢ² over all dimensions, |c|.
    private let centroidOffset: Double, meanNorm: Double, centroidNorm: Double
    /// Customers in the seed and in the pool.
    public let seedSize: Int, poolSize: Int

    /// Fits the model: standardisation over `seed` and `candidates` together, the seed's centroid. Throws
    /// `input.empty` without a seed member.
    public init(seed: [LookalikeTraits], candidates: [LookalikeTraits]) throws(AnalyticsError) {
        guard !seed.isEmpty else { throw AnalyticsError(code: "input.empty", message: "The seed group has no customers.") }
        let seedVectors = seed.map(\.features)
        let pool = seedVectors + candidates.map(\.features)
        var sums: [LookalikeFeature: (sum: Double, squares: Double)] = [:]
        for vector in pool {
            for (feature, value) in vector {
                let current = sums[feature, default: (0, 0)]
                sums[feature] = (current.sum + value, current.squares + value * value)
            }
        }
        let count = Double(pool.count)
        var dimensions: [LookalikeFeature] = [], mean: [Double] = [], deviation: [Double] = []
        for feature in sums.keys.sorted() {
            let (sum, squares) = sums[feature]!
            let average = sum / count
            let variance = max(0, squares / count - average * average)
            // A feature everyone (or no one) has cannot tell customers apart.
            guard variance.squareRoot() > 1e-9 * max(1, abs(average)) else { continue }
            dimensions.append(feature)
            mean.append(average)
            deviation.append(variance.squareRoot())
        }
        var index: [LookalikeFeature: Int] = [:]
        for (position, feature) in dimensions.enumerated() { index[feature] = position }
        var seedSums = [Double](repeating: 0, count: dimensions.count)
        for vector in seedVectors {
            for (feature, value) in vector { if let i = index[feature] { seedSums[i] += value } }
        }
        let centroid = dimensions.indices.map { (seedSums[$0] / Double(seed.count) - mean[$0]) / deviation[$0] }
        self.dimensions = dimensions
        self.mean = mean
        self.deviation = deviation
        self.centroid = centroid
        self.index = index
        centroidOffset = dimensions.indices.reduce(0) { $0 + mean[$1] * centroid[$1] / deviation[$1] }
        meanNorm = dimensions.indices.reduce(0) { $0 + (mean[$1] / deviation[$1]) * (mean[$1] / deviation[$1]) }
        centroidNorm = centroid.reduce(0) { $0 + $1 * $1 }.squareRoot()
        seedSize = seed.count
        poolSize = pool.count
    }

    /// The similarity of one candidate with its `explain` strongest contributions.
    public func match(_ candidate: LookalikeTraits, explain: Int = 3) -> LookalikeMatch {
        var dot = -centroidOffset, squares = meanNorm
        var held: [(feature: LookalikeFeature, term: Double)] = []
        for (feature, value) in candidate.features {
            guard let i = index[feature] else { continue }
            let z = (value - mean[i]) / deviation[i]
            let atMean = mean[i] / deviation[i]
            // Replace the dimension's "not held" term (x = 0) by its actual one.
            dot += value * centroid[i] / deviation[i]
            squares += z * z - atMean * atMean
            held.append((feature, z * centroid[i]))
        }
        let norm = max(0, squares).squareRoot() * centroidNorm
        guard norm > 1e-12 else { return LookalikeMatch(customerID: candidate.customerID, similarity: 0, contributions: []) }
        let similarity = min(1, max(-1, dot / norm))
        let contributions = held.filter { $0.term > 0 }
            .sorted { $0.term != $1.term ? $0.term > $1.term : $0.feature < $1.feature }
            .prefix(max(0, explain))
            .map { LookalikeMatch.Contribution(feature: $0.feature, share: $0.term / norm) }
        return LookalikeMatch(customerID: candidate.customerID, similarity: similarity, contributions: Array(contributions))
    }

    /// The `limit` most similar candidates, most similar first (ties by customer id).
    public func rank(_ candidates: [LookalikeTraits], limit: Int, explain: Int = 3) -> [LookalikeMatch] {
        let matches = candidates.map { match($0, explain: explain) }
        return Array(matches.sorted { $0.similarity != $1.similarity ? $0.similarity > $1.similarity : $0.customerID < $1.customerID }
            .prefix(max(0, limit)))
    }

    /// What sets the seed apart: the features on which its centroid lies furthest above the pool's average, in standard
    /// deviations, largest first.
    public func seedProfile(limit: Int = 5) -> [(feature: LookalikeFeature, standardScore: Double)] {
        Array(dimensions.indices.filter { centroid[$0] > 0 }
            .sorted { centroid[$0] != centroid[$1] ? centroid[$0] > centroid[$1] : dimensions[$0] < dimensions[$1] }
            .prefix(max(0, limit))
            .map { (dimensions[$0], centroid[$0]) })
    }
}
