import Foundation

extension SpecialFunctions {
    /// ₂F₁(a, b; c; z) for 0 < z < 1 from Euler's integral, for a parameter p ∈ {a, b} with p > 0 and c − p > 0
    /// (the larger such p; q is the other parameter, d = c − p):
    ///
    /// ₂F₁ = Γ(c)/(Γ(p)Γ(d)) ∫₀¹ t^(p−1) (1−t)^(d−1) (1−zt)^(−q) dt
    ///     = w^(−q) · Γ(p+d)/(Γ(p) p^d) · (1/Γ(d)) ∫₀^∞ s^(d−1) e^(−s) φ(s/p)^(d−1) (1 + u(1 − e^(−s/p)))^(−q) ds,
    ///
    /// with w = 1 − z, u = z/w, φ(y) = (1 − e^(−y))/y, after 1 − t = e^(−s/p). The integrand is positive, so the sum
    /// of its samples cannot cancel; it is a Gamma(d) density times a factor that, in the range this method is
    /// chosen for (p·w above about 8), varies on a scale of p·w or more. That is where the power series needs
    /// ~40/w terms and the connection formula's terms grow like e^(p·w) before cancelling.
    ///
    /// The integral is taken in v = ln s, centred on the maximum of the integrand (a few Newton steps) and scaled by
    /// its width, with the double-exponential substitution v = v₀ + 3σ sinh τ and the trapezoidal rule in τ
    /// (Takahasi & Mori 1974), halving the step until two successive sums agree to 1e-8: the rule's error about
    /// squares with each halving once it converges, so the last sum is good to rounding (checked against mpmath in
    /// HypergeometricTests). Returns nil if no p qualifies or the rule did not settle within 8 halvings.
    static func eulerIntegral(_ parameters: HypergeometricParameters, _ x: UnitArgument) -> (value: ScaledValue?, steps: Int) {
        // (p, q, c − p) for p = b and p = a; c − p as carried, not recomputed.
        let candidates = [(parameters.b, parameters.a, parameters.cb), (parameters.a, parameters.b, parameters.ca)]
            .filter { $0.0 > 0 && $0.2 > 0 }
        guard x.z > 0, let (p, q, d) = candidates.max(by: { $0.0 < $1.0 }) else { return (nil, 0) }
        let u = x.z / x.complement
        let logD = log(d)
        // ln(dᵈ e^(−d) / Γ(d)) by Stirling's series for large d, where lgamma's rounding (1e-16 · d ln d) would show.
        let logNormaliser: Double = d >= 10
            ? 0.5 * log(d / (2 * Double.pi)) - stirlingTail(d)
            : d * logD - d - logGamma(d)
        let integrand = EulerIntegrand(p: p, q: q, d: d, u: u, logD: logD, logNormaliser: logNormaliser)
        var steps = 0

        // The maximum of the integrand in v = ln s: the Gamma(d) density's (s = d), moved by the other factors.
        var v0 = logD - log1p(max(q, 0) * u / p)
        // Only roughly: a centre off by a tenth of the width costs the rule nothing.
        var curvature = -1.0
        for _ in 0..<30 {
            let slope = integrand.slope(v0)
            curvature = integrand.curvature(v0)
            steps += 3
            guard curvature < 0 else { break }
            let step = max(-2, min(2, -slope / curvature))
            v0 += step
            if abs(step) * sqrt(-curvature) < 0.1 { break }
        }
        let width = 3 * (curvature < 0 ? 1 / sqrt(-curvature) : 1)
        let peak = integrand.logValue(v0)
        steps += 1
        guard peak.isFinite, width.isFinite else { return (nil, steps) }

        func sample(_ t: Double) -> Double {
            // sinh and cosh from one exponential (the absolute error of sinh near 0 is far below the node spacing).
            let growth = exp(t), decay = 1 / growth
            return exp(integrand.logValue(v0 + width * 0.5 * (growth - decay)) - peak) * width * 0.5 * (growth + decay)
        }
        // Σ over the nodes k·h (every k, or only odd k when refining), each side until the samples are negligible.
        func trapezoidSum(step h: Double, oddOnly: Bool) -> Double {
            var total = 0.0
            for direction in [1.0, -1.0] {
                var k = oddOnly ? 1.0 : (direction > 0 ? 0 : 1)
                while true {
                    let t = direction * k * h
                    let value = sample(t)
                    total += value
                    steps += 1
                    if abs(t) > 6.5 || (abs(t) > 1 && value <= 1e-18 * total) { break }
                    k += oddOnly ? 2 : 1
                }
            }
            return total
        }
        var h = 0.5
        var sum = trapezoidSum(step: h, oddOnly: false)
        var estimate = sum * h
        for _ in 0..<8 {
            h /= 2
            sum += trapezoidSum(step: h, oddOnly: true)
            let refined = sum * h
            let settled = abs(refined - estimate) <= 1e-8 * abs(refined)
            estimate = refined
            guard estimate.isFinite else { return (nil, steps) }
            if settled {
                let logScale = peak - q * x.logComplement + (p >= 10 && p + d >= 10
                    ? logGammaRatioOverPower(p, plus: d) : d * (logGammaDifferenceQuotient(p, d) - log(p)))
                return (ScaledValue(estimate, scale: logScale), steps)
            }
        }
        return (nil, steps)
    }
}

/// The integrand of ``SpecialFunctions/eulerIntegral(_:_:_:_:)`` in v = ln s, including ds = s dv, divided by Γ(d)
/// and as a logarithm: d(v − ln d) − (s − d) + ln(dᵈe^(−d)/Γ(d)) + (d−1) ln φ(s/p) − q ln(1 + u(1 − e^(−s/p))).
private struct EulerIntegrand {
    let p: Double, q: Double, d: Double, u: Double, logD: Double, logNormaliser: Double

    func logValue(_ v: Double) -> Double {
        let offset = v - logD
        let s = exp(v), y = s / p
        let rise = -expm1(-y)
        let phi = y == 0 ? 1 : rise / y
        // d·offset − (s − d) = −d (e^offset − 1 − offset), without cancelling two large numbers.
        return logNormaliser - d * (expm1(offset) - offset) + (d - 1) * log(phi) - q * log1p(u * rise)
    }

    /// d/dv of ``logValue(_:)``.
    func slope(_ v: Double) -> Double {
        let s = exp(v), y = s / p
        let rise = -expm1(-y)
        // y · d/dy ln φ(y) = y/(e^y − 1) − 1
        let phiSlope = y > 1e-8 ? y / expm1(y) - 1 : -y / 2
        return d - s + (d - 1) * phiSlope - q * u * y * exp(-y) / (1 + u * rise)
    }

    /// d²/dv² of ``logValue(_:)``, by a central difference of the slope (only the Newton step and the width need it).
    func curvature(_ v: Double) -> Double {
        let h = 1e-4
        return (slope(v + h) - slope(v - h)) / (2 * h)
    }
}
