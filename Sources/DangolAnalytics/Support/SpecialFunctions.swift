import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// Special functions the models need, with the argument ranges they are used on.
///
/// `lgamma_r` comes from the C library; digamma and the Gauss hypergeometric function are written here because
/// Foundation has neither.
enum SpecialFunctions {
    /// ln Γ(x) for x > 0. The reentrant `lgamma_r`: plain `lgamma` writes the global `signgam`, a data race when
    /// fits run on several threads.
    @inline(__always)
    static func logGamma(_ x: Double) -> Double {
        #if canImport(Glibc) || canImport(Musl)
        var sign: Int32 = 0
        return lgamma_r(x, &sign)
        #else
        return Foundation.lgamma(x)
        #endif
    }

    /// ψ(x) = d/dx ln Γ(x) for x > 0: recurrence up to x ≥ 12, then the asymptotic series (error < 1e-14).
    static func digamma(_ value: Double) -> Double {
        var x = value
        var result = 0.0
        while x < 12 {
            result -= 1 / x
            x += 1
        }
        let inverse = 1 / x, inverse2 = inverse * inverse
        let series = inverse2 * (1.0 / 12 - inverse2 * (1.0 / 120 - inverse2 * (1.0 / 252 - inverse2
            * (1.0 / 240 - inverse2 * (1.0 / 132)))))
        return result + log(x) - 0.5 * inverse - series
    }

    /// The Gauss hypergeometric function ₂F₁(a, b; c; z) for z < 1, by its power series.
    ///
    /// For z < 0 the Pfaff transformation ₂F₁(a, b; c; z) = (1 − z)^(−a) ₂F₁(a, c − b; c; z/(z − 1)) moves the
    /// argument into [0, 1), where the series converges; terms shrink like zⁿ, so z = 0.99 needs a few thousand terms
    /// and z = 0.999 some tens of thousands. BG/NBD calls it with z = t/(α + T + t), which stays below 0.99 for
    /// horizons of up to about a hundred times α + T. Throws ``AnalyticsError/notConverged`` past `maximumTerms`, and
    /// ``AnalyticsError/invalidInput(_:)`` for z ≥ 1 or c a non-positive integer.
    static func hypergeometric2F1(
        _ a: Double, _ b: Double, _ c: Double, _ z: Double, maximumTerms: Int = 5_000_000
    ) throws(AnalyticsError) -> Double {
        guard z < 1, z.isFinite, a.isFinite, b.isFinite, c.isFinite else {
            throw .invalidInput("hypergeometric argument outside (−∞, 1)")
        }
        guard !(c <= 0 && c == c.rounded()) else { throw .invalidInput("hypergeometric c is a non-positive integer") }
        if z < 0 {
            let w = z / (z - 1)
            return try pow(1 - z, -a) * series(a, c - b, c, w, maximumTerms)
        }
        return try series(a, b, c, z, maximumTerms)
    }

    /// ₂F₁(a, b; c; zₖ) for several arguments 0 ≤ zₖ < 1 at once, written into `values`: the series coefficients are
    /// shared, so k arguments cost little more than the largest alone. `powers` is scratch space of the same length.
    static func hypergeometric2F1(
        _ a: Double, _ b: Double, _ c: Double, arguments z: [Double], into values: inout [Double],
        powers: inout [Double], maximumTerms: Int = 5_000_000
    ) throws(AnalyticsError) {
        guard z.allSatisfy({ $0 >= 0 && $0 < 1 }), a.isFinite, b.isFinite, c.isFinite else {
            throw .invalidInput("hypergeometric arguments outside [0, 1)")
        }
        guard !(c <= 0 && c == c.rounded()) else { throw .invalidInput("hypergeometric c is a non-positive integer") }
        let count = z.count
        for k in 0..<count {
            values[k] = 1
            powers[k] = 1
        }
        guard let largest = z.max(), largest > 0 else { return }
        var coefficient = 1.0, largestPower = 1.0, n = 0.0
        let settled = abs(a) + abs(b) + abs(c)
        for _ in 0..<maximumTerms {
            coefficient *= (a + n) * (b + n) / ((c + n) * (n + 1))
            n += 1
            largestPower *= largest
            var smallest = Double.infinity
            for k in 0..<count {
                powers[k] *= z[k]
                values[k] += coefficient * powers[k]
                smallest = min(smallest, abs(values[k]))
            }
            if coefficient == 0 { return }
            let last = abs(coefficient * largestPower)
            if last <= 1e-17 * smallest, n > settled || tailIsNegligible(a, b, c, n: n, term: last, z: largest, sum: smallest) { return }
        }
        throw .notConverged
    }

    /// Whether every term after the one of index `n` (absolute value `term`) together cannot change `sum`: a bound
    /// instead of waiting for n > |a| + |b| + |c|, which with a large b (BG/NBD fits can give b in the tens of
    /// thousands) costs tens of thousands of terms per customer.
    ///
    /// For m ≥ n with a + n, b + n, c + n > 0 the ratio of consecutive terms is f(m)·z with
    /// f(m) = (a + m)(b + m) / ((c + m)(m + 1)) = 1 + (e + d·m) / ((c + m)(m + 1)), d = a + b − c − 1, e = ab − c,
    /// so f(m) ≤ F = 1 + (|e| / (n + 1) + |d|) / (c + n). If ρ = F·z < 1 the tail is at most term · ρ / (1 − ρ).
    static func tailIsNegligible(_ a: Double, _ b: Double, _ c: Double, n: Double, term: Double, z: Double, sum: Double) -> Bool {
        guard a + n > 0, b + n > 0, c + n > 0 else { return false }
        let d = a + b - c - 1
        let e = a * b - c
        let ratio = (1 + (abs(e) / (n + 1) + abs(d)) / (c + n)) * z
        guard ratio < 1 else { return false }
        return term * ratio / (1 - ratio) <= 1e-16 * sum
    }

    private static func series(
        _ a: Double, _ b: Double, _ c: Double, _ z: Double, _ maximumTerms: Int
    ) throws(AnalyticsError) -> Double {
        var term = 1.0, sum = 1.0
        if z == 0 { return 1 }
        var n = 0.0
        for _ in 0..<maximumTerms {
            term *= (a + n) * (b + n) / ((c + n) * (n + 1)) * z
            sum += term
            n += 1
            // A polynomial (a or b a non-positive integer) ends exactly; otherwise stop once the terms have started
            // to shrink geometrically and the next ones cannot change the sum.
            if term == 0 { return sum }
            if abs(term) <= 1e-17 * abs(sum), n > abs(a) + abs(b) + abs(c) || tailIsNegligible(a, b, c, n: n, term: abs(term), z: z, sum: abs(sum)) {
                return sum
            }
        }
        throw .notConverged
    }
}
