@testable import DangolAnalytics
import Foundation
import Testing

/// ₂F₁ over the range BG/NBD uses, against mpmath (Vectors/hyp2f1_bgnbd.csv, written by
/// scripts/analytics/make-hyp2f1-vectors.py).
@Suite("Hypergeometric function over the BG/NBD range")
struct HypergeometricTests {
    struct Vector {
        let group: String
        let a: Double, b: Double, c: Double, z: Double
        let value: Double
        /// Terms the former plain power series needed here (capped at 200,000).
        let seriesTerms: Int
    }

    static let vectors: [Vector] = ReferenceVectors.rows("hyp2f1_bgnbd").map {
        Vector(group: $0["group"]!, a: Double($0["a"]!)!, b: Double($0["b"]!)!, c: Double($0["c"]!)!,
               z: Double($0["z"]!)!, value: Double($0["value"]!)!, seriesTerms: Int($0["series_terms"]!)!)
    }

    @Test("₂F₁ agrees with mpmath to 1e-10 relative on every vector: CDNOW, large b, the demo's fit, a near 1, c − a − b (nearly) an integer, z up to 1 − 1e-9")
    func matchesMpmath() throws {
        #expect(Self.vectors.count > 1_000)
        var worst: [String: Double] = [:]
        for vector in Self.vectors {
            let actual = try SpecialFunctions.hypergeometric2F1(vector.a, vector.b, vector.c, vector.z)
            let error = relativeError(actual, vector.value, floor: 1e-300)
            worst[vector.group] = max(worst[vector.group] ?? 0, error)
            #expect(error <= 1e-10, "2F1(\(vector.a), \(vector.b); \(vector.c); \(vector.z)) = \(actual), mpmath \(vector.value)")
        }
        // In practice the error stays near rounding; the margin above is for other platforms' libm.
        let overall = worst.values.max() ?? 0
        #expect(overall <= 1e-12, "worst relative error by group: \(worst)")
    }

    @Test("Where the plain series needed more than 100,000 terms, each evaluation now takes fewer than 2,000 steps")
    func formerlyExpensiveCasesAreCheap() throws {
        let expensive = Self.vectors.filter { $0.seriesTerms >= 100_000 }
        #expect(expensive.count >= 100)
        for vector in expensive {
            let evaluation = try SpecialFunctions.hypergeometric2F1Evaluation(vector.a, vector.b, vector.c, vector.z)
            #expect(evaluation.steps < 2_000, "\(vector.group) 2F1(\(vector.a), \(vector.b); \(vector.c); \(vector.z)): \(evaluation.steps) steps by \(evaluation.method)")
        }
    }

    @Test("At z = 1 − 1e-6 with CDNOW's parameters ₂F₁ takes fewer than 200 terms (the connection formula at z = 1, or for x = 50 the series, which then converges like n^(−x))", arguments: [0.0, 1, 2, 5, 10, 50])
    func nearOneIsCheap(frequency x: Double) throws {
        let (r, a, b) = (0.243, 0.793, 2.426)
        let z = 1 - 1e-6
        // The former form and the one BG/NBD now uses (Pfaff's transformation of it).
        let former = try SpecialFunctions.hypergeometric2F1Evaluation(a + b - 1 - r, a - 1, a + b + x - 1, z)
        #expect(former.method == (x < 50 ? .connectionAtOne : .powerSeries))
        #expect(former.steps < 200)
        let current = try SpecialFunctions.hypergeometric2F1Evaluation(a - 1, r + x, a + b + x - 1, -z / (1 - z))
        #expect(current.steps < 200)
        #expect(relativeError(current.value, former.value * pow(1 - z, a - 1)) < 1e-12)
    }

    @Test("With b = 10⁵ and z between the series' and the connection formula's ranges, Euler's integral takes over in a few hundred nodes")
    func largeParameterUsesQuadrature() throws {
        let (r, a, b, x) = (0.243, 0.793, 1e5, 1.0)
        for u in [1e3, 1e4] {
            let evaluation = try SpecialFunctions.hypergeometric2F1Evaluation(a + b - 1 - r, a - 1, a + b + x - 1, u / (1 + u))
            #expect(evaluation.method == .eulerIntegral)
            #expect(evaluation.steps < 2_000)
        }
    }

    @Test("Several arguments at once equal one at a time, negative ones included")
    func batched() throws {
        let (a, b, c) = (-0.207, 2.243, 4.219)
        let arguments = [-1e9, -100, -0.3, 0, 0.2, 0.7, 1 - 1e-9]
        var values = [Double](repeating: 0, count: arguments.count)
        try SpecialFunctions.hypergeometric2F1(a, b, c, arguments: arguments, into: &values)
        for (k, z) in arguments.enumerated() {
            #expect(values[k] == (try SpecialFunctions.hypergeometric2F1(a, b, c, z)))
        }
    }

    @Test("Expected purchases with the demo's fit (a and b in the millions) are finite and cost a few hundred terms per horizon")
    func demoFit() throws {
        let model = try BGNBDModel(r: 0.7258907655048241, alpha: 53.68914381643887, a: 361737.9839179248,
                                   b: 2136757.458646084, unit: .days)
        for (x, tx, age) in [(0.0, 0.0, 30.0), (3, 200, 400), (39, 530, 540)] {
            let history = try PurchaseHistory(frequency: Int(x), recency: tx, age: age, unit: .days)
            let expected = try model.expectedPurchases(of: history, within: TimeSpan(days: 365))
            #expect(expected.isFinite && expected >= 0)
            let u = 365 / (model.alpha + age)
            let evaluation = try SpecialFunctions.hypergeometric2F1Evaluation(model.a - 1, model.r + x, model.a + model.b + x - 1, -u)
            #expect(evaluation.steps < 1_000)
        }
    }
}
