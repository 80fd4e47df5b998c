/// A smooth objective of a few parameters: returns the value and writes the gradient.
typealias Objective = (_ point: [Double], _ gradient: inout [Double]) -> Double

/// The outcome of a minimisation.
struct Minimum {
    /// The best point found.
    var point: [Double]
    /// The objective there.
    var value: Double
    /// Iterations used.
    var iterations: Int
    /// Whether the gradient (or the simplex) met the tolerance.
    var converged: Bool
}

/// Quasi-Newton minimisation (BFGS with a strong-Wolfe line search, Nocedal & Wright algorithms 3.5–3.6 and 6.1).
///
/// Analytic gradients make each iteration cost one or two objective evaluations; from lifetimes' starting point the
/// BG/NBD fit takes 20–40 iterations.
struct BFGS {
    /// Stop when every gradient component is below this.
    var gradientTolerance = 1e-9
    /// A gradient this small counts as converged when no line search can decrease the objective any more.
    var noiseTolerance = 1e-6
    /// Stop after this many iterations.
    var maximumIterations = 500

    func minimize(_ objective: Objective, from start: [Double]) -> Minimum {
        let n = start.count
        var x = start
        var g = [Double](repeating: 0, count: n)
        var f = objective(x, &g)
        guard f.isFinite else { return Minimum(point: x, value: f, iterations: 0, converged: false) }
        var h = identity(n)
        var firstStep = true
        var stalled = 0
        for iteration in 0..<maximumIterations {
            if g.allSatisfy({ abs($0) < gradientTolerance }) {
                return Minimum(point: x, value: f, iterations: iteration, converged: true)
            }
            var direction = (0..<n).map { i in -(0..<n).reduce(0.0) { $0 + h[i][$1] * g[$1] } }
            var slope = zip(direction, g).reduce(0.0) { $0 + $1.0 * $1.1 }
            if !(slope < 0) {
                h = identity(n)
                direction = g.map { -$0 }
                slope = -g.reduce(0.0) { $0 + $1 * $1 }
            }
            guard let step = lineSearch(objective, x, f, g, direction, slope) else {
                // No decrease can be found: at the optimum when the gradient is down to rounding noise (sums over
                // many customers leave about 1e-10 of it), stuck otherwise.
                let converged = g.allSatisfy { abs($0) < noiseTolerance }
                return Minimum(point: x, value: f, iterations: iteration, converged: converged)
            }
            let s = (0..<n).map { step.point[$0] - x[$0] }
            let y = (0..<n).map { step.gradient[$0] - g[$0] }
            let sy = zip(s, y).reduce(0.0) { $0 + $1.0 * $1.1 }
            stalled = abs(step.value - f) <= 1e-16 * max(1, abs(f)) ? stalled + 1 : 0
            x = step.point
            f = step.value
            g = step.gradient
            if stalled >= 3 { return Minimum(point: x, value: f, iterations: iteration + 1, converged: true) }
            guard sy > 1e-300 else { continue }
            if firstStep {
                let scale = sy / y.reduce(0.0) { $0 + $1 * $1 }
                for i in 0..<n { h[i][i] = scale }
                firstStep = false
            }
            // H ← (I − ρ s yᵀ) H (I − ρ y sᵀ) + ρ s sᵀ
            let rho = 1 / sy
            let hy = (0..<n).map { i in (0..<n).reduce(0.0) { $0 + h[i][$1] * y[$1] } }
            let yhy = zip(y, hy).reduce(0.0) { $0 + $1.0 * $1.1 }
            for i in 0..<n {
                for j in 0..<n {
                    h[i][j] += -rho * (hy[i] * s[j] + s[i] * hy[j]) + (rho * rho * yhy + rho) * s[i] * s[j]
                }
            }
        }
        return Minimum(point: x, value: f, iterations: maximumIterations, converged: false)
    }

    private struct Trial {
        var point: [Double]
        var value: Double
        var gradient: [Double]
        var slope: Double
    }

    private func lineSearch(
        _ objective: Objective, _ x: [Double], _ f0: Double, _ g0: [Double], _ d: [Double], _ slope0: Double
    ) -> Trial? {
        let c1 = 1e-4, c2 = 0.9
        func evaluate(_ alpha: Double) -> Trial {
            let point = zip(x, d).map { $0 + alpha * $1 }
            var gradient = [Double](repeating: 0, count: x.count)
            let value = objective(point, &gradient)
            return Trial(point: point, value: value.isNaN ? .infinity : value, gradient: gradient,
                         slope: zip(gradient, d).reduce(0.0) { $0 + $1.0 * $1.1 })
        }
        func zoom(_ lowAlpha: Double, _ low: Trial, _ highAlpha: Double, _ high: Trial) -> Trial? {
            var (aLo, lo, aHi, hi) = (lowAlpha, low, highAlpha, high)
            for _ in 0..<30 {
                var alpha = 0.5 * (aLo + aHi)
                if hi.value.isFinite {
                    // Minimum of the quadratic through (aLo, fLo, f'Lo) and (aHi, fHi), kept inside the bracket.
                    let span = aHi - aLo
                    let denominator = 2 * (hi.value - lo.value - lo.slope * span)
                    if denominator > 0 {
                        let candidate = aLo - lo.slope * span * span / denominator
                        let lower = min(aLo, aHi), upper = max(aLo, aHi), margin = 0.1 * abs(span)
                        if candidate > lower + margin, candidate < upper - margin { alpha = candidate }
                    }
                }
                let trial = evaluate(alpha)
                if trial.value > f0 + c1 * alpha * slope0 || trial.value >= lo.value {
                    (aHi, hi) = (alpha, trial)
                } else {
                    if abs(trial.slope) <= -c2 * slope0 { return trial }
                    if trial.slope * (aHi - aLo) >= 0 { (aHi, hi) = (aLo, lo) }
                    (aLo, lo) = (alpha, trial)
                }
                if abs(aHi - aLo) < 1e-10 * max(1, abs(aLo)) { break }
            }
            return lo.value < f0 ? lo : nil
        }
        var previousAlpha = 0.0
        var previous = Trial(point: x, value: f0, gradient: g0, slope: slope0)
        var alpha = 1.0
        for attempt in 0..<40 {
            let trial = evaluate(alpha)
            if trial.value > f0 + c1 * alpha * slope0 || (attempt > 0 && trial.value >= previous.value) {
                return zoom(previousAlpha, previous, alpha, trial)
            }
            if abs(trial.slope) <= -c2 * slope0 { return trial }
            if trial.slope >= 0 { return zoom(alpha, trial, previousAlpha, previous) }
            (previousAlpha, previous) = (alpha, trial)
            alpha *= 2
        }
        return previous.value < f0 ? previous : nil
    }

    private func identity(_ n: Int) -> [[Double]] {
        (0..<n).map { i in (0..<n).map { $0 == i ? 1.0 : 0.0 } }
    }
}
