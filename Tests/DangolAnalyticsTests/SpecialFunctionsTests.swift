@testable import DangolAnalytics
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
