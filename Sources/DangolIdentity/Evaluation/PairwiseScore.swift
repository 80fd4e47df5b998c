/// Pairwise precision, recall and F1 of a clustering against the truth: a pair of records is predicted when both
/// are in one predicted cluster and true when both belong to one entity.
///
/// Computed from cluster sizes, not by enumerating pairs: with a contingency count n(c, e) of records in predicted
/// cluster c and true entity e, true positives are Σ n(c,e)(n(c,e)−1)/2, predicted pairs Σ a(c)(a(c)−1)/2 and true
/// pairs Σ b(e)(b(e)−1)/2 — linear in the number of records.
///
/// ```swift
/// let score = PairwiseScore(predicted: [0, 0, 1], truth: ["a", "a", "a"])
/// score.precision  // 1.0
/// score.recall     // 0.333…
/// ```
public struct PairwiseScore: Sendable, Hashable, Codable {
    /// Pairs in one predicted cluster and one true entity.
    public var truePositivePairs: Int
    /// Pairs in one predicted cluster.
    public var predictedPairs: Int
    /// Pairs in one true entity.
    public var truePairs: Int

    /// Scores `predicted` cluster labels against `truth` entity labels, one of each per record.
    public init<Predicted: Hashable, Truth: Hashable>(predicted: [Predicted], truth: [Truth]) {
        precondition(predicted.count == truth.count, "one predicted and one true label per record")
        var clusterSizes: [Predicted: Int] = [:]
        var entitySizes: [Truth: Int] = [:]
        var cells: [Cell<Predicted, Truth>: Int] = [:]
        for (cluster, entity) in zip(predicted, truth) {
            clusterSizes[cluster, default: 0] += 1
            entitySizes[entity, default: 0] += 1
            cells[Cell(cluster: cluster, entity: entity), default: 0] += 1
        }
        func pairs(_ size: Int) -> Int { size * (size - 1) / 2 }
        truePositivePairs = cells.values.reduce(0) { $0 + pairs($1) }
        predictedPairs = clusterSizes.values.reduce(0) { $0 + pairs($1) }
        truePairs = entitySizes.values.reduce(0) { $0 + pairs($1) }
    }

    /// True positives over predicted pairs (1 when nothing was merged).
    public var precision: Double { predictedPairs == 0 ? 1 : Double(truePositivePairs) / Double(predictedPairs) }
    /// True positives over true pairs (1 when there is nothing to find).
    public var recall: Double { truePairs == 0 ? 1 : Double(truePositivePairs) / Double(truePairs) }
    /// The harmonic mean of precision and recall.
    public var f1: Double {
        let sum = precision + recall
        return sum == 0 ? 0 : 2 * precision * recall / sum
    }

    private struct Cell<C: Hashable, E: Hashable>: Hashable {
        var cluster: C
        var entity: E
    }
}
