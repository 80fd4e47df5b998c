@testable import DangolAnalytics
import Foundation
import Testing

@Suite("Special functions")
struct SpecialFunctionsTests {
    @Test("₂F₁ agrees with scipy.special.hyp2f1 to 1e-12 relative, up to z = 0.999")
    func hypergeometricMatchesScipy() throws {
        for row in ReferenceVectors.rows("hyp2f1") {
            let a = Double(row["a"]!)!, b = Double(row["b"]!)!, c = Double(row["c"]!)!, z = Double(row["z"]!)!
            let expected = Double(row["value"]!)!
            let actual = try SpecialFunctions.hypergeometric2F1(a, b, c, z)
            #expect(relativeError(actual, expected) < 1e-12, "2F1(\(a), \(b); \(c); \(z))")
        }
    }

    @Test("₂F₁ for negative z goes through Pfaff's transformation: ₂F₁(1, 1; 2; z) = −ln(1−z)/z")
    func hypergeometricNegativeArgument() throws {
        for z in [-0.5, -3.0, 0.5, 0.9] {
            let expected = -log1pReference(-z) / z
            #expect(relativeError(try SpecialFunctions.hypergeometric2F1(1, 1, 2, z), expected) < 1e-13)
        }
    }

    @Test("₂F₁ refuses z ≥ 1 and non-positive integer c")
    func hypergeometricDomain() {
        #expect(throws: AnalyticsError.self) { try SpecialFunctions.hypergeometric2F1(1, 1, 2, 1) }
        #expect(throws: AnalyticsError.self) { try SpecialFunctions.hypergeometric2F1(1, 1, -2, 0.5) }
    }

    @Test("Digamma: ψ(1) = −γ, ψ(1/2) = −γ − 2 ln 2, ψ(x+1) = ψ(x) + 1/x")
    func digamma() {
        let eulerGamma = 0.577_215_664_901_532_9
        #expect(abs(SpecialFunctions.digamma(1) + eulerGamma) < 1e-14)
        #expect(abs(SpecialFunctions.digamma(0.5) + eulerGamma + 2 * 0.693_147_180_559_945_3) < 1e-14)
        for x in [0.01, 0.3, 2.5, 7.0, 150.0] {
            #expect(abs(SpecialFunctions.digamma(x + 1) - SpecialFunctions.digamma(x) - 1 / x) < 1e-12 * max(1, 1 / x))
        }
    }

    private func log1pReference(_ x: Double) -> Double {
        var sum = 0.0
        // ln(1 + x) by the identity ln(1+x) = 2 atanh(x/(2+x)), series in y = x/(2+x).
        let y = x / (2 + x), y2 = y * y
        var term = y
        for k in stride(from: 1, to: 400, by: 2) {
            sum += term / Double(k)
            term *= y2
        }
        return 2 * sum
    }
}

@Suite("Hypergeometric series: stopping early and safely")
struct HypergeometricStoppingTests {
    @Test("With a large b the series stops after a few hundred terms and still equals the closed form", arguments: [
        (1.0, 25_000.0, 25_001.0, 0.5), (0.61, 15_000.0, 15_003.5, 0.3), (2.0, 40_000.0, 40_000.5, 0.8),
    ])
    func largeB(a: Double, b: Double, c: Double, z: Double) throws {
        // Few terms allowed: the old rule needed n > |a| + |b| + |c| (> 50,000) and would throw here.
        let value = try SpecialFunctions.hypergeometric2F1(a, b, c, z, maximumTerms: 2_000)
        // Reference: the plain series summed to 200,000 terms.
        var term = 1.0, sum = 1.0
        for n in 0..<200_000 {
            let m = Double(n)
            term *= (a + m) * (b + m) / ((c + m) * (m + 1)) * z
            sum += term
        }
        #expect(abs(value - sum) / sum < 1e-13)
        var values = [0.0, 0.0]
        try SpecialFunctions.hypergeometric2F1(a, b, c, arguments: [z / 2, z], into: &values, maximumTerms: 2_000)
        #expect(abs(values[1] - sum) / sum < 1e-13)
    }

    @Test("The tail bound refuses to stop while terms may still grow or factors may change sign")
    func boundIsConservative() {
        #expect(!SpecialFunctions.tailIsNegligible(-3.5, 2, 1, n: 2, term: 1e-30, z: 0.5, sum: 1))   // a + n < 0
        #expect(!SpecialFunctions.tailIsNegligible(5, 5, 1, n: 1, term: 1e-30, z: 0.9, sum: 1))       // ratio bound ≥ 1
        #expect(SpecialFunctions.tailIsNegligible(1, 25_000, 25_001, n: 60, term: 1e-20, z: 0.5, sum: 1))
    }
}

@Suite("Gamma function differences")
struct GammaDifferenceTests {
    @Test("(ln Γ(y + h) − ln Γ(y))/h is ψ(y) at h = 0 and ln y at h = 1, for small and large y")
    func differenceQuotient() {
        let eulerGamma = 0.577_215_664_901_532_9
        #expect(abs(SpecialFunctions.logGammaDifferenceQuotient(1, 0) + eulerGamma) < 1e-15)
        for y in [0.01, 0.5, 3.0, 12.0, 1e5, 2.5e6] {
            #expect(relativeError(SpecialFunctions.logGammaDifferenceQuotient(y, 1), log(y), floor: 1e-300) < 1e-14, "y \(y)")
            #expect(relativeError(SpecialFunctions.logGammaDifferenceQuotient(y, 0), SpecialFunctions.digamma(y), floor: 1e-300) < 1e-13)
        }
    }

    @Test("(Γ(x)/Γ(x + ε) − 1)/ε is −ψ(x) at ε = 0, continuous in ε, and right across a pole")
    func ratioDifference() {
        for x in [-0.7, 0.3, 1.0, 7.5, 1e4] {
            let limit = SpecialFunctions.gammaRatioDifference(x, 0)
            if x > 0 { #expect(relativeError(limit, -SpecialFunctions.digamma(x)) < 1e-13) }
            #expect(relativeError(SpecialFunctions.gammaRatioDifference(x, 1e-12), limit) < 1e-10)
        }
        // Γ(1)/Γ(2) − 1 = 0; Γ(0.5)/Γ(−0.5) = −½ (a pole between them).
        #expect(abs(SpecialFunctions.gammaRatioDifference(1, 1)) < 1e-15)
        #expect(relativeError(SpecialFunctions.gammaRatioDifference(0.5, -1), 1.5) < 1e-14)
    }
}
