import Foundation

/// Unsupervised estimation of a ``MatchModel`` from the candidate pairs themselves (Winkler 1988): the pairs are a
/// mixture of matches and non-matches, fields are assumed independent within each class, and EM alternates between
/// the probability that each comparison vector is a match (E) and the m, u and λ that best explain those
/// probabilities (M).
///
/// It runs over a histogram of distinct comparison vectors — a few thousand at most — not over the pairs, so fitting
/// a model on a hundred million pairs takes milliseconds. Missing fields do not enter a vector's likelihood.
///
/// ```swift
/// let fitted = ExpectationMaximization().fit(histogram: counts, starting: .starting(kind: .person))
/// ```
public struct ExpectationMaximization: Sendable {
    /// Stop after this many iterations.
    public var maxIterations: Int
    /// Stop when no parameter moves by more than this.
    public var tolerance: Double

    /// Creates the estimator.
    public init(maxIterations: Int = 200, tolerance: Double = 1e-6) {
        self.maxIterations = maxIterations
        self.tolerance = tolerance
    }

    /// Fits m, u and λ to `histogram` (comparison vector → number of pairs), starting from `starting`. A field that
    /// is missing in every pair keeps its starting parameters, and so do the m probabilities of `fixedMatchFields`
    /// (estimated elsewhere, e.g. from pairs linked by a strong identifier: holding them anchors the match class,
    /// which otherwise may drift to another latent structure such as "same name, different person").
    public func fit(histogram: [ComparisonVector: Int], starting: MatchModel,
                    fixedMatchFields: Set<ComparisonField> = []) -> MatchModel {
        let entries = histogram.filter { $0.value > 0 }.map { (levels: $0.key.levels, count: Double($0.value)) }
        let total = entries.reduce(0) { $0 + $1.count }
        guard total > 0 else { return starting }
        var model = starting
        let fieldCount = ComparisonField.allCases.count
        var iteration = 0
        var converged = false
        while iteration < maxIterations {
            iteration += 1
            var matchTotal = 0.0
            var mCounts = model.fields.map { [Double](repeating: 0, count: $0.m.count) }
            var uCounts = mCounts
            let logM = model.fields.map { $0.m.map { log(max($0, FieldParameters.floor)) } }
            let logU = model.fields.map { $0.u.map { log(max($0, FieldParameters.floor)) } }
            let logPrior = log(model.priorMatchProbability)
            let logPriorNon = log(1 - model.priorMatchProbability)
            for entry in entries {
                var logMatch = logPrior
                var logNon = logPriorNon
                for f in 0..<fieldCount where entry.levels[f] != ComparisonLevel.missing {
                    logMatch += logM[f][Int(entry.levels[f])]
                    logNon += logU[f][Int(entry.levels[f])]
                }
                let g = 1 / (1 + exp(logNon - logMatch))
                let matched = g * entry.count
                let unmatched = (1 - g) * entry.count
                matchTotal += matched
                for f in 0..<fieldCount where entry.levels[f] != ComparisonLevel.missing {
                    mCounts[f][Int(entry.levels[f])] += matched
                    uCounts[f][Int(entry.levels[f])] += unmatched
                }
            }
            var change = 0.0
            let newPrior = min(max(matchTotal / total, 1e-9), 1 - 1e-9)
            change = max(change, abs(newPrior - model.priorMatchProbability))
            model.priorMatchProbability = newPrior
            for f in 0..<fieldCount {
                let mSum = mCounts[f].reduce(0, +)
                let uSum = uCounts[f].reduce(0, +)
                if mSum > 0 && !fixedMatchFields.contains(model.fields[f].field) {
                    let m = Self.smoothed(mCounts[f], sum: mSum)
                    change = max(change, zip(m, model.fields[f].m).map { abs($0 - $1) }.max() ?? 0)
                    model.fields[f].m = m
                }
                if uSum > 0 {
                    let u = Self.smoothed(uCounts[f], sum: uSum)
                    change = max(change, zip(u, model.fields[f].u).map { abs($0 - $1) }.max() ?? 0)
                    model.fields[f].u = u
                }
            }
            if change < tolerance {
                converged = true
                break
            }
        }
        model.iterations = iteration
        model.converged = converged
        model.pairsFitted = Int(total)
        return model
    }

    /// Proportions with a tiny floor, so that a level never seen in one class keeps a finite weight.
    private static func smoothed(_ counts: [Double], sum: Double) -> [Double] {
        let floor = FieldParameters.floor
        let raw = counts.map { max($0 / sum, floor) }
        let total = raw.reduce(0, +)
        return raw.map { $0 / total }
    }
}
