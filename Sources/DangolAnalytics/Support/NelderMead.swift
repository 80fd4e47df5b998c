/// Derivative-free simplex minimisation (Nelder & Mead 1965, standard coefficients), the fallback when BFGS fails,
/// for example when a line search meets a region where the likelihood is not finite.
struct NelderMead {
    /// Stop when the simplex values differ by less than this.
    var valueTolerance = 1e-12
    /// Stop after this many iterations.
    var maximumIterations = 5000
    /// Initial simplex edge.
    var initialStep = 0.5

    func minimize(_ function: ([Double]) -> Double, from start: [Double]) -> Minimum {
        let n = start.count
        func value(_ point: [Double]) -> Double {
            let v = function(point)
            return v.isFinite ? v : .infinity
        }
        var simplex = [start] + (0..<n).map { i in
            var point = start
            point[i] += initialStep
            return point
        }
        var values = simplex.map(value)
        for iteration in 0..<maximumIterations {
            let order = values.indices.sorted { values[$0] < values[$1] }
            simplex = order.map { simplex[$0] }
            values = order.map { values[$0] }
            if values[n].isFinite, abs(values[n] - values[0]) <= valueTolerance * max(1, abs(values[0])) {
                return Minimum(point: simplex[0], value: values[0], iterations: iteration, converged: true)
            }
            let centroid = (0..<n).map { j in simplex[0..<n].reduce(0.0) { $0 + $1[j] } / Double(n) }
            func along(_ factor: Double) -> [Double] {
                (0..<n).map { centroid[$0] + factor * (simplex[n][$0] - centroid[$0]) }
            }
            let reflected = along(-1), reflectedValue = value(reflected)
            if reflectedValue < values[0] {
                let expanded = along(-2), expandedValue = value(expanded)
                (simplex[n], values[n]) = expandedValue < reflectedValue
                    ? (expanded, expandedValue) : (reflected, reflectedValue)
            } else if reflectedValue < values[n - 1] {
                (simplex[n], values[n]) = (reflected, reflectedValue)
            } else {
                let contracted = reflectedValue < values[n] ? along(-0.5) : along(0.5)
                let contractedValue = value(contracted)
                if contractedValue < min(reflectedValue, values[n]) {
                    (simplex[n], values[n]) = (contracted, contractedValue)
                } else {
                    for i in 1...n {
                        simplex[i] = (0..<n).map { simplex[0][$0] + 0.5 * (simplex[i][$0] - simplex[0][$0]) }
                        values[i] = value(simplex[i])
                    }
                }
            }
        }
        let best = values.indices.min { values[$0] < values[$1] }!
        return Minimum(point: simplex[best], value: values[best], iterations: maximumIterations, converged: false)
    }
}
