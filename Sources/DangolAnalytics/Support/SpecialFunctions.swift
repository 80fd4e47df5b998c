import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// Special functions the models need, with the argument ranges they are used on.
///
/// `lgamma_r` comes from the C library; digamma, differences and ratios of Γ that stay accurate where plain
/// `lgamma` differences cancel, and the Gauss hypergeometric function (`SpecialFunctions+Hypergeometric*.swift`)
/// are written here because Foundation has none of them.
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

    /// ln |Γ(x)| and the sign of Γ(x) for any x; at the poles (0, −1, −2, …) the sign is 0 and the logarithm +∞, so
    /// that sign · exp(−log) is 1/Γ(x) = 0 there.
    static func signedLogGamma(_ x: Double) -> (log: Double, sign: Double) {
        if x <= 0, x == x.rounded() { return (.infinity, 0) }
        #if canImport(Glibc) || canImport(Musl)
        var sign: Int32 = 0
        let value = lgamma_r(x, &sign)
        return (value, sign < 0 ? -1 : 1)
        #else
        // Γ is negative on (−1, 0), (−3, −2), …
        let negative = x < 0 && Int(x.rounded(.down)) % 2 != 0
        return (Foundation.lgamma(x), negative ? -1 : 1)
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

    /// (ln Γ(y + h) − ln Γ(y)) / h for y > 0 and y + h > 0, and ψ(y) at h = 0.
    ///
    /// Subtracting two `lgamma` values loses about 1e-16 · ln Γ(y) absolutely — 1e-10 at y = 10⁵, and unbounded
    /// relative to a small h. Here both arguments are shifted up to 10 or more (each shift a `log1p`), then the
    /// difference of Stirling's series is written in terms of log1p(h/y) and ((1 + h/y)^k − 1)/h, which keep their
    /// relative accuracy for any h, including h → 0.
    static func logGammaDifferenceQuotient(_ y: Double, _ h: Double) -> Double {
        var y = y, shifts = 0.0
        while min(y, y + h) < 10 {
            shifts -= log1pOverX(h / y) / y
            y += 1
        }
        let v = h / y
        let logRatio = log1p(v)
        var result = (y - 0.5) * (v == 0 ? 1 : logRatio / v) / y + log(y + h) - 1
        let inverseSquare = 1 / (y * y)
        var power = inverseSquare
        for (index, coefficient) in stirlingCoefficients.enumerated() {
            // coefficient · ((y + h)^e − y^e) / h with e = −1, −3, …: y^(e−1) ((1 + v)^e − 1)/v.
            let exponent = Double(-1 - 2 * index)
            result += coefficient * power * (v == 0 ? exponent : expm1(exponent * logRatio) / v)
            power *= inverseSquare
        }
        return shifts + result
    }

    /// ln |Γ(y + h) / Γ(y)| and its sign. Accurate to rounding when y and y + h are positive, whatever their size
    /// (see ``logGammaDifferenceQuotient(_:_:)``); otherwise the difference of `lgamma` values.
    static func logGammaRatio(_ y: Double, plus h: Double) -> (log: Double, sign: Double) {
        if y > 0, y + h > 0 { return (h == 0 ? 0 : h * logGammaDifferenceQuotient(y, h), 1) }
        let numerator = signedLogGamma(y + h), denominator = signedLogGamma(y)
        if denominator.sign == 0 { return (-.infinity, numerator.sign == 0 ? 0 : 1) }
        return (numerator.log - denominator.log, numerator.sign * denominator.sign)
    }

    /// ln Γ(p + h) − ln Γ(p) − h ln p for p ≥ 10 and p + h ≥ 10, without the cancellation of the last two terms:
    /// (p + h − ½) log1p(h/p) − h = p · ((1 + x) log1p(x) − x) − ½ log1p(x) with x = h/p, the bracket summed as a
    /// series for small x. Scales the Euler integral (`SpecialFunctions+HypergeometricIntegral.swift`).
    static func logGammaRatioOverPower(_ p: Double, plus h: Double) -> Double {
        let x = h / p
        var bracket = 0.0
        if abs(x) < 0.25 {
            // (1 + x) log1p(x) − x = Σ_{k≥2} (−1)^k x^k / (k(k − 1))
            var power = x * x, k = 2.0
            while true {
                let term = power / (k * (k - 1))
                bracket += term
                if abs(term) <= 1e-17 * abs(bracket) { break }
                power *= -x
                k += 1
            }
        } else {
            bracket = (1 + x) * log1p(x) - x
        }
        var result = p * bracket - 0.5 * log1p(x)
        let inverseSquare = 1 / (p * p)
        var power = inverseSquare
        for (index, coefficient) in stirlingCoefficients.enumerated() {
            result += coefficient * power * h * powerMinusOneOverX(x, Double(-1 - 2 * index))
            power *= inverseSquare
        }
        return result
    }

    /// (Γ(x) / Γ(x + ε) − 1) / ε, and −ψ(x) at ε = 0, for x not a pole. The building block of the connection formula
    /// at z = 1 when c − a − b is close to an integer, where the two halves of the formula each have a pole 1/ε that
    /// must cancel analytically, not numerically.
    static func gammaRatioDifference(_ x: Double, _ epsilon: Double) -> Double {
        var y = x, sum = 0.0, ratio = 1.0, positive = true
        while min(y, y + epsilon) < 10 {
            let step = epsilon / y
            if 1 + step <= 0 { positive = false }
            sum += log1pOverX(step) / y
            ratio *= 1 + step
            y += 1
        }
        let quotient = logGammaDifferenceQuotient(y, epsilon)
        guard positive else {
            // A pole lies between x and x + ε: then |ε| is not small against the distance to it, and the plain
            // difference does not cancel.
            return (ratio * exp(-epsilon * quotient) - 1) / epsilon
        }
        let slope = sum - quotient
        return slope * expm1OverX(epsilon * slope)
    }

    /// Σ B₂ₖ / (2k(2k − 1) x^(2k−1)) for x ≥ 10: ln Γ(x) minus its leading terms (x − ½) ln x − x + ½ ln 2π.
    static func stirlingTail(_ x: Double) -> Double {
        let inverseSquare = 1 / (x * x)
        var power = 1 / x, sum = 0.0
        for coefficient in stirlingCoefficients {
            sum += coefficient * power
            power *= inverseSquare
        }
        return sum
    }

    /// B₂ₖ / (2k(2k − 1)) for k = 1…8: Stirling's series, error below 1e-17 relative for arguments of 10 or more.
    private static let stirlingCoefficients: [Double] = [
        1.0 / 12, -1.0 / 360, 1.0 / 1_260, -1.0 / 1_680, 1.0 / 1_188, -691.0 / 360_360, 1.0 / 156, -3_617.0 / 122_400,
    ]

    /// log1p(v)/v, 1 at v = 0.
    static func log1pOverX(_ v: Double) -> Double { v == 0 ? 1 : log1p(v) / v }

    /// expm1(v)/v, 1 at v = 0.
    static func expm1OverX(_ v: Double) -> Double { v == 0 ? 1 : expm1(v) / v }

    /// ((1 + v)^e − 1)/v, e at v = 0.
    static func powerMinusOneOverX(_ v: Double, _ exponent: Double) -> Double {
        v == 0 ? exponent : expm1(exponent * log1p(v)) / v
    }
}
