import Foundation

extension SpecialFunctions {
    /// ₂F₁(a, b; c; z) for z near 1 by the connection formula (DLMF 15.8.4, Abramowitz & Stegun 15.3.6), a series in
    /// w = 1 − z, with s = c − a − b:
    ///
    /// ₂F₁ = Γ(c)Γ(s)/(Γ(c−a)Γ(c−b)) ₂F₁(a, b; 1−s; w) + w^s Γ(c)Γ(−s)/(Γ(a)Γ(b)) ₂F₁(c−a, c−b; 1+s; w).
    ///
    /// When s is close to an integer m, Γ(s) and Γ(−s) have poles that cancel between the two halves, and evaluating
    /// them separately loses all digits (at s = m exactly it is 0/0). So, as in Michel & Stoitsov (Comput. Phys.
    /// Commun. 178, 2008, "Fast computation of the Gauss hypergeometric function with all its parameters complex"),
    /// with s = m + ε, m ≥ 0 (a negative m first goes through Euler's transformation
    /// ₂F₁(a, b; c; z) = w^s ₂F₁(c−a, c−b; c; z)), the first m terms of the first half are summed as they are and the
    /// rest is paired with the second half term by term:
    ///
    /// ₂F₁ = Γ(c)Γ(s)/(Γ(c−a)Γ(c−b)) Σ_{k<m} (a)ₖ(b)ₖ wᵏ/((1−s)ₖ k!)
    ///      + Γ(c)/(Γ(a)Γ(b)) (−1)^m (πε/sin πε) w^m Σ_j w^j (Eⱼ + qⱼ (1 − w^ε)/ε),
    ///
    /// qⱼ = Γ(a+m+j+ε)Γ(b+m+j+ε)/(Γ(a+m+ε)Γ(b+m+ε)Γ(m+j+1+ε) j!), Eⱼ = (pⱼ − qⱼ)/ε with pⱼ the same with ε moved to
    /// the j! (as Γ(j+1−ε)) instead of the other three. E₀ comes from ``gammaRatioDifference(_:_:)`` values and
    /// Eⱼ₊₁ = αⱼEⱼ + qⱼ(αⱼ − βⱼ)/ε, where αⱼ, βⱼ are the term ratios of p and q and (αⱼ − βⱼ)/ε is expanded
    /// algebraically, so no step divides by ε. At ε = 0 this is DLMF 15.8.10 (the digamma form); for any
    /// |ε| ≤ ½ it is 15.8.4 rearranged, so one code path serves all s.
    ///
    /// Returns nil (the caller tries another method) unless the series converged and the sum of the absolute
    /// values of everything added is at most 10³ times the result: with a large parameter the terms grow like
    /// e^(b·w) before they shrink and cancel.
    static func connectionAtOne(_ parameters: HypergeometricParameters, _ x: UnitArgument) -> (value: ScaledValue?, steps: Int) {
        let (a, b, ca, cb, s) = (parameters.a, parameters.b, parameters.ca, parameters.cb, parameters.s)
        let m = s.rounded()
        if m < 0 {
            let flipped = connectionAtOne(parameters.euler, x)
            return (flipped.value?.adding(scale: s * x.logComplement), flipped.steps)
        }
        // A finite part of more than a few hundred terms means c is much larger than a and b, where the power series
        // is the better method anyway.
        guard m <= 500 else { return (nil, 0) }
        let epsilon = s - m, count = Int(m)
        let w = x.complement, logW = x.logComplement
        var steps = 0
        var parts: [(log: Double, sign: Double, sum: Double, magnitude: Double)] = []

        if count > 0 {
            // Γ(c)Γ(s)/(Γ(c−a)Γ(c−b)) as two ratios with the same shift, each accurate for large arguments:
            // Γ(c)/Γ(c−b) = Γ(cb + b)/Γ(cb) and Γ(s)/Γ(c−a) = Γ(s)/Γ(s + b) (or the same with a).
            let shift = abs(cb) >= abs(ca) ? (base: cb, by: b) : (base: ca, by: a)
            let upper = logGammaRatio(shift.base, plus: shift.by), lower = logGammaRatio(s, plus: shift.by)
            var term = 1.0, sum = 0.0, magnitude = 0.0
            for k in 0..<count {
                sum += term
                magnitude += abs(term)
                steps += 1
                if k + 1 < count {
                    let kk = Double(k)
                    term *= (a + kk) * (b + kk) / ((1 - s + kk) * (kk + 1)) * w
                }
            }
            parts.append((upper.log - lower.log, upper.sign * lower.sign, sum, magnitude))
        }

        if !isNonPositiveInteger(a), !isNonPositiveInteger(b) {
            // Γ(c)/(Γ(a)Γ(b)), the larger of a and b paired with c.
            let (large, small, rest) = abs(a) >= abs(b) ? (a, b, ca) : (b, a, cb)
            let ratio = logGammaRatio(large, plus: rest), reciprocal = signedLogGamma(small)
            let sine = epsilon == 0 ? 1 : Double.pi * epsilon / sin(Double.pi * epsilon)
            let logPrefactor = ratio.log - reciprocal.log + m * logW + log(abs(sine))
            let sign = ratio.sign * reciprocal.sign * (count % 2 == 0 ? 1 : -1) * (sine < 0 ? -1 : 1)

            let ra = gammaRatioDifference(a + m, epsilon), rb = gammaRatioDifference(b + m, epsilon)
            let g1 = -gammaRatioDifference(1, -epsilon), rm = gammaRatioDifference(m + 1, epsilon)
            let inverseFactorial = exp(-logGamma(m + 1))
            var e = inverseFactorial * (ra + rb + g1 - rm + epsilon * (ra * rb + ra * g1 + rb * g1) + epsilon * epsilon * ra * rb * g1)
            var q = inverseFactorial * (1 + epsilon * rm)
            // (1 − w^ε)/ε, −ln w at ε = 0.
            let logTerm = -logW * expm1OverX(epsilon * logW)
            var sum = 0.0
            var magnitude = inverseFactorial * (abs(ra) + abs(rb) + abs(g1) + abs(rm))
            var power = 1.0, j = 0.0
            while true {
                let term = power * (e + q * logTerm)
                sum += term
                magnitude += power * (abs(e) + abs(q * logTerm))
                steps += 1
                let a1 = a + m + j, b1 = b + m + j, jj = j + 1, mm = m + j + 1
                let d1 = (jj - epsilon) * mm, d2 = (mm + epsilon) * jj
                let alpha = a1 * b1 / d1, beta = (a1 + epsilon) * (b1 + epsilon) / d2
                let gamma = (a1 * b1 * (jj + mm) - (a1 + b1) * jj * mm + epsilon * ((a1 + b1) * mm - jj * mm)
                    + epsilon * epsilon * mm) / (d1 * d2)
                (e, q) = (alpha * e + q * gamma, q * beta)
                power *= w
                j += 1
                guard sum.isFinite, magnitude.isFinite, steps < 2_000 else { return (nil, steps) }
                // Past the largest terms (the ratio of the next ones below ¾, so the rest sum to at most 3 times the
                // last) and the last term negligible.
                let ratio = abs(alpha) * w
                if a1 + 1 > 0, b1 + 1 > 0, ratio < 0.75, abs(term) <= 1e-17 * abs(sum),
                   abs(power * (e + q * logTerm)) <= 1e-17 * abs(sum) { break }
            }
            parts.append((logPrefactor, sign, sum, magnitude))
        }

        guard let largest = parts.map(\.log).filter(\.isFinite).max() else { return (ScaledValue(0), steps) }
        var value = 0.0, magnitude = 0.0
        for part in parts where part.log.isFinite && part.sign != 0 {
            let factor = exp(part.log - largest)
            value += part.sign * factor * part.sum
            magnitude += factor * part.magnitude
        }
        guard value.isFinite, value != 0, magnitude <= 1e3 * abs(value) else { return (nil, steps) }
        return (ScaledValue(value, scale: largest), steps)
    }
}
