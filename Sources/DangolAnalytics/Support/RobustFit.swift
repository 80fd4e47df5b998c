/// Maximum-likelihood fitting as both models do it: BFGS on log-parameters from a fixed start; if it fails to
/// converge, Nelder–Mead from the same start, polished by BFGS, keeping the best finite optimum. Throws
/// ``AnalyticsError/fitDidNotConverge`` unless the result converged to a finite value with parameters inside
/// e^±25 (beyond that a parameter has run off to 0 or ∞).
enum RobustFit {
    /// The optimum of `objective` from `start`, and whether the fallback was needed.
    static func minimize(_ objective: Objective, from start: [Double]) throws(AnalyticsError) -> (minimum: Minimum, usedFallback: Bool) {
        var best = BFGS().minimize(objective, from: start)
        var usedFallback = false
        if !best.converged || !best.value.isFinite {
            usedFallback = true
            let simplex = NelderMead().minimize({ point in
                var unused = [Double](repeating: 0, count: start.count)
                return objective(point, &unused)
            }, from: start)
            let polished = BFGS().minimize(objective, from: simplex.point)
            let iterations = best.iterations + simplex.iterations + polished.iterations
            best = [best, simplex, polished].filter { $0.value.isFinite }.min { $0.value < $1.value } ?? polished
            best.converged = best.converged || polished.converged
            best.iterations = iterations
        }
        guard best.converged, best.value.isFinite, best.point.allSatisfy({ abs($0) < 25 }) else {
            throw .fitDidNotConverge
        }
        return (best, usedFallback)
    }
}
