import DangolAnalytics
import Foundation

/// Purchase logs drawn from BG/NBD and Gamma–Gamma with known parameters, deterministic by seed.
struct SyntheticCustomers {
    /// SplitMix64: small, fast, good enough for simulation.
    struct Generator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    var generator: Generator

    init(seed: UInt64) { generator = Generator(state: seed) }

    mutating func uniform() -> Double { Double.random(in: Double.ulpOfOne..<1, using: &generator) }

    mutating func normal() -> Double { sqrt(-2 * log(uniform())) * cos(2 * Double.pi * uniform()) }

    /// Gamma(shape, scale 1), Marsaglia & Tsang, with the U^(1/k) boost below shape 1.
    mutating func gamma(_ shape: Double) -> Double {
        if shape < 1 { return gamma(shape + 1) * pow(uniform(), 1 / shape) }
        let d = shape - 1.0 / 3, c = 1 / (9 * d).squareRoot()
        while true {
            let x = normal(), v = pow(1 + c * x, 3)
            if v > 0, log(uniform()) < 0.5 * x * x + d - d * v + d * log(v) { return d * v }
        }
    }

    mutating func beta(_ a: Double, _ b: Double) -> Double {
        let x = gamma(a)
        return x / (x + gamma(b))
    }

    /// Customers who first buy on a uniform day in [0, firstDays) and are observed to `endDay`; rate λ ~ Gamma(r, α)
    /// per day, drop-out p ~ Beta(a, b) after each repeat purchase; each purchase's amount ~ Gamma(p, ν) with
    /// ν ~ Gamma(q, γ) per customer, in whole minor units.
    mutating func purchases(
        customers: Int, firstDays: Int, endDay: Int, r: Double, alpha: Double, a: Double, b: Double,
        p: Double, q: Double, gamma scale: Double
    ) -> [Purchase] {
        var result: [Purchase] = []
        for customer in 0..<customers {
            let id = "c\(customer)"
            let rate = gamma(r) / alpha, dropOut = beta(a, b), nu = gamma(q) / scale
            func amount() -> Int64 { max(1, Int64((gamma(p) / nu).rounded())) }
            var t = Double(Int(uniform() * Double(firstDays)))
            result.append(Purchase(customerID: id, day: Int(t), amount: amount()))
            while true {
                t += -log(uniform()) / rate
                guard t <= Double(endDay) + 1, t.isFinite else { break }
                result.append(Purchase(customerID: id, day: Int(t), amount: amount()))
                if uniform() < dropOut { break }
            }
        }
        return result
    }
}
