import Foundation

/// The Gauss hypergeometric function ₂F₁(a, b; c; z) for real z < 1, as BG/NBD needs it: arguments from −10⁹ to
/// 1 − 10⁻⁹ and parameters from about −1 to several million (a fit on few customers can give a and b in the
/// millions).
///
/// One method cannot cover that range. Each evaluation picks, in this order:
///
/// 1. z < 0: Pfaff's transformation ₂F₁(a, b; c; z) = (1 − z)^(−a) ₂F₁(a, c − b; c; z/(z − 1)), on whichever of a
///    and b is smaller in magnitude (see ``HypergeometricParameters/pfaff``); the argument moves into [0, 1), where
///    the series has positive terms instead of alternating ones. BG/NBD calls it this way (z = −t/(α + T)).
/// 2. z ≤ ½, or a or b a non-positive integer (a polynomial): the power series (``HypergeometricMethod/powerSeries``).
/// 3. The power series limited to ``seriesTrialTerms`` terms, if a rough count (terms shrink like zⁿ in the end,
///    like (z·(a + n)/(c + n))ⁿ before, when c is far the largest) says a few hundred will do — cheaper than any
///    transformation, as for CDNOW's customers up to z = 0.9 and for fits with a and b in the millions.
/// 4. The connection formula at z = 1 (``HypergeometricMethod/connectionAtOne``; DLMF 15.8.4, with DLMF 15.8.10's
///    limit handled uniformly when c − a − b is close to an integer), a series in 1 − z, when no parameter times
///    1 − z exceeds 8. It is accepted only if its terms did not cancel by more than a factor 10³ (it then loses at
///    most ~10⁻¹³).
/// 5. The limited power series, if not tried yet and the count says it may converge.
/// 6. Euler's integral (``HypergeometricMethod/eulerIntegral``) by double-exponential quadrature: for a large
///    parameter with z close to, but not very close to, 1, where the series needs ~40/(1 − z) terms and the
///    connection formula cancels (its terms grow like e^(b(1 − z))).
/// 7. The power series up to `maximumTerms` (throws ``AnalyticsError/notConverged`` beyond).
///
/// Values are carried as mantissa · e^scale, so intermediate factors like (1 − z)^(−a) with a in the millions do
/// not overflow when the result is moderate.
extension SpecialFunctions {
    /// How a value of ₂F₁ was computed (for tests that check the cost stays bounded).
    enum HypergeometricMethod: Sendable, Equatable {
        case powerSeries, connectionAtOne, eulerIntegral
    }

    /// A value of ₂F₁ with the method that produced it and the terms or quadrature nodes spent on it in all the
    /// methods tried.
    struct HypergeometricEvaluation: Sendable {
        var value: Double
        var method: HypergeometricMethod
        var steps: Int
    }

    /// Terms the power series may take in steps 3 and 5: in time, about one quadrature of ~80 nodes (measured in a
    /// release build with b = 10⁴, where both apply).
    static let seriesTrialTerms = 3_000

    /// The Gauss hypergeometric function ₂F₁(a, b; c; z) for z < 1. Throws ``AnalyticsError/invalidInput(_:)`` for
    /// z ≥ 1, a non-finite input or c a non-positive integer, and ``AnalyticsError/notConverged`` when no method
    /// applies within `maximumTerms` series terms.
    static func hypergeometric2F1(
        _ a: Double, _ b: Double, _ c: Double, _ z: Double, maximumTerms: Int = 5_000_000
    ) throws(AnalyticsError) -> Double {
        try hypergeometric2F1Evaluation(a, b, c, z, maximumTerms: maximumTerms).value
    }

    /// ₂F₁(a, b; c; zₖ) for several arguments zₖ < 1, written into `values` (which must be as long as `z`).
    static func hypergeometric2F1(
        _ a: Double, _ b: Double, _ c: Double, arguments z: [Double], into values: inout [Double],
        maximumTerms: Int = 5_000_000
    ) throws(AnalyticsError) {
        for k in z.indices {
            values[k] = try hypergeometric2F1Evaluation(a, b, c, z[k], maximumTerms: maximumTerms).value
        }
    }

    /// ₂F₁(a, b; c; z) with the method chosen and its cost; see the extension's documentation for the choice.
    static func hypergeometric2F1Evaluation(
        _ a: Double, _ b: Double, _ c: Double, _ z: Double, maximumTerms: Int = 5_000_000
    ) throws(AnalyticsError) -> HypergeometricEvaluation {
        guard z < 1, z.isFinite, a.isFinite, b.isFinite, c.isFinite else {
            throw .invalidInput("hypergeometric argument outside (−∞, 1)")
        }
        guard !isNonPositiveInteger(c) else { throw .invalidInput("hypergeometric c is a non-positive integer") }
        let parameters = HypergeometricParameters(a: a, b: b, c: c, ca: c - a, cb: c - b, s: (c - a) - b)
        guard z < 0 else {
            return try evaluate(parameters, UnitArgument(z: z, complement: 1 - z, logComplement: log1p(-z)),
                                maximumTerms: maximumTerms)
        }
        let logOneMinusZ = log1p(-z)
        let (exponent, inner) = parameters.pfaff
        return try evaluate(
            inner, UnitArgument(z: -z / (1 - z), complement: 1 / (1 - z), logComplement: -logOneMinusZ),
            maximumTerms: maximumTerms, scale: -exponent * logOneMinusZ)
    }

    /// An argument in [0, 1) with 1 − z and ln(1 − z) carried separately: after Pfaff's transformation z is
    /// −x/(1 − x), and 1 − z = 1/(1 − x) would lose its digits if recomputed from z near 1.
    struct UnitArgument {
        var z: Double
        var complement: Double
        var logComplement: Double
    }

    private static func evaluate(
        _ parameters: HypergeometricParameters, _ x: UnitArgument, maximumTerms: Int, scale: Double = 0
    ) throws(AnalyticsError) -> HypergeometricEvaluation {
        func result(_ value: ScaledValue, _ method: HypergeometricMethod, _ steps: Int) -> HypergeometricEvaluation {
            HypergeometricEvaluation(value: value.adding(scale: scale).resolved, method: method, steps: steps)
        }
        let (a, b, c) = (parameters.a, parameters.b, parameters.c)
        if x.z == 0 { return result(ScaledValue(1), .powerSeries, 0) }
        if x.z <= 0.5 || isNonPositiveInteger(a) || isNonPositiveInteger(b) {
            let series = powerSeries(a, b, c, x.z, maximumTerms: maximumTerms)
            guard series.converged else { throw .notConverged }
            return result(ScaledValue(series.sum), .powerSeries, series.terms)
        }
        var steps = 0
        // A rough count of the series' terms: in the end they shrink like zⁿ; over the first few hundred, like
        // (z·(a + n)/(c + n))ⁿ, faster when c is well above a and b.
        let decay = x.z * min(1, (max(abs(a), abs(b)) + 400) / (abs(c) + 400))
        let expectedTerms = 40 / (1 - decay)
        var triedSeries = false
        func trySeries() -> HypergeometricEvaluation? {
            triedSeries = true
            let trial = powerSeries(a, b, c, x.z, maximumTerms: min(maximumTerms, seriesTrialTerms))
            steps += trial.terms
            return trial.converged ? result(ScaledValue(trial.sum), .powerSeries, steps) : nil
        }
        if expectedTerms <= 400, let value = trySeries() { return value }
        let spread = max(abs(a), abs(b), abs(parameters.ca), abs(parameters.cb)) * x.complement
        if spread <= 8 {
            let connection = connectionAtOne(parameters, x)
            steps += connection.steps
            if let value = connection.value { return result(value, .connectionAtOne, steps) }
        }
        if !triedSeries, expectedTerms <= Double(seriesTrialTerms), let value = trySeries() { return value }
        let integral = eulerIntegral(parameters, x)
        steps += integral.steps
        if let value = integral.value { return result(value, .eulerIntegral, steps) }
        let series = powerSeries(a, b, c, x.z, maximumTerms: maximumTerms)
        guard series.converged else { throw .notConverged }
        return result(ScaledValue(series.sum), .powerSeries, steps + series.terms)
    }

    /// The power series Σ (a)ₙ(b)ₙ/((c)ₙ n!) zⁿ for 0 ≤ z < 1, with the number of terms taken and whether it
    /// converged within `maximumTerms`.
    static func powerSeries(
        _ a: Double, _ b: Double, _ c: Double, _ z: Double, maximumTerms: Int
    ) -> (sum: Double, terms: Int, converged: Bool) {
        var term = 1.0, sum = 1.0
        if z == 0 { return (1, 0, true) }
        var n = 0.0
        for count in 0..<maximumTerms {
            term *= (a + n) * (b + n) / ((c + n) * (n + 1)) * z
            sum += term
            n += 1
            // A polynomial (a or b a non-positive integer) ends exactly; otherwise stop once the terms have started
            // to shrink geometrically and the next ones cannot change the sum.
            if term == 0 { return (sum, count + 1, true) }
            if !sum.isFinite { return (sum, count + 1, false) }
            if abs(term) <= 1e-17 * abs(sum),
               n > abs(a) + abs(b) + abs(c) || tailIsNegligible(a, b, c, n: n, term: abs(term), z: z, sum: abs(sum)) {
                return (sum, count + 1, true)
            }
        }
        return (sum, maximumTerms, false)
    }

    /// Whether every term after the one of index `n` (absolute value `term`) together cannot change `sum`: a bound
    /// instead of waiting for n > |a| + |b| + |c|, which with a large b (BG/NBD fits can give b in the millions)
    /// costs that many terms per customer.
    ///
    /// For m ≥ n with a + n, b + n, c + n > 0 the ratio of consecutive terms is f(m)·z with
    /// f(m) = (a + m)(b + m) / ((c + m)(m + 1)). Two bounds on f(m) hold for all m ≥ n, and the smaller is used:
    /// - f(m) = 1 + (e + d·m) / ((c + m)(m + 1)), d = a + b − c − 1, e = ab − c; for d ≥ 0 that is at most
    ///   1 + (|e| / (n + 1) + d) / (c + n), for d < 0 at most 1 + max(0, e + d·n) / ((c + n)(n + 1)) (the numerator
    ///   only falls, the denominator only grows), which is 1 once n ≥ e/|d| — as when c is far above a + b;
    /// - each of (a + m)/(c + m) and (b + m)/(m + 1) moves monotonically towards 1, so it is at most the larger of 1
    ///   and its value at n.
    /// If ρ = f·z < 1 the tail is at most term · ρ / (1 − ρ).
    static func tailIsNegligible(_ a: Double, _ b: Double, _ c: Double, n: Double, term: Double, z: Double, sum: Double) -> Bool {
        guard a + n > 0, b + n > 0, c + n > 0 else { return false }
        let d = a + b - c - 1
        let e = a * b - c
        let perturbation = d >= 0 ? 1 + (abs(e) / (n + 1) + d) / (c + n) : 1 + max(0, e + d * n) / ((c + n) * (n + 1))
        let factorwise = min(max(1, (a + n) / (c + n)) * max(1, (b + n) / (n + 1)),
                             max(1, (b + n) / (c + n)) * max(1, (a + n) / (n + 1)))
        let ratio = min(perturbation, factorwise) * z
        guard ratio < 1 else { return false }
        return term * ratio / (1 - ratio) <= 1e-16 * sum
    }

    static func isNonPositiveInteger(_ x: Double) -> Bool { x <= 0 && x == x.rounded() }
}

/// a, b, c of ₂F₁ with c − a, c − b and s = c − a − b kept as computed once from the caller's values: after a
/// transformation (Pfaff, Euler) the new parameters are such differences, and recomputing the small difference of
/// two large new ones (c − (c − b) for b = 0.24, c = 10⁵) would round it by 1e-11 — an error in the result of the
/// same order times ln(1/(1 − z)).
struct HypergeometricParameters {
    var a: Double, b: Double, c: Double
    var ca: Double, cb: Double, s: Double

    /// Pfaff's transformation for z < 0: the exponent e and the parameters of ₂F₁(e, c − o; c; z/(z − 1)), for e
    /// either a (o = b) or b (o = a). It takes the smaller of |a| and |b| as e, so that neither (1 − z)^(−e) nor the
    /// new function overflows when the other parameter is in the millions — unless only the other choice leaves
    /// o > 0 and c − o > 0, which Euler's integral needs for a large parameter.
    var pfaff: (exponent: Double, parameters: HypergeometricParameters) {
        let onA = HypergeometricParameters(a: a, b: cb, c: c, ca: ca, cb: b, s: b - a)
        let onB = HypergeometricParameters(a: ca, b: b, c: c, ca: a, cb: cb, s: a - b)
        let integrableOnA = b > 0 && cb > 0, integrableOnB = a > 0 && ca > 0
        let preferA = integrableOnA == integrableOnB ? abs(a) <= abs(b) : integrableOnA
        return preferA ? (a, onA) : (b, onB)
    }

    /// Euler's transformation ₂F₁(a, b; c; z) = (1 − z)^s ₂F₁(c − a, c − b; c; z): the new parameters.
    var euler: HypergeometricParameters {
        HypergeometricParameters(a: ca, b: cb, c: c, ca: a, cb: b, s: -s)
    }
}

/// mantissa · e^scale: lets factors like (1 − z)^(−a) with a in the millions meet their reciprocal without
/// overflowing on the way.
struct ScaledValue {
    var mantissa: Double
    var scale: Double

    init(_ mantissa: Double, scale: Double = 0) {
        self.mantissa = mantissa
        self.scale = scale
    }

    func adding(scale extra: Double) -> ScaledValue { ScaledValue(mantissa, scale: scale + extra) }

    /// The plain value (±∞ or 0 when it does not fit a Double).
    var resolved: Double {
        if mantissa == 0 || scale == 0 { return mantissa }
        let sign: Double = mantissa < 0 ? -1 : 1
        return sign * exp(log(abs(mantissa)) + scale)
    }
}
