import Foundation

/// The Gamma–Gamma log-likelihood of repeat buyers (x > 0, m > 0) and its analytic gradient, as lifetimes writes it:
///
///     ln L = ln Γ(px+q) − ln Γ(px) − ln Γ(q) + q ln γ + (px−1) ln m + px ln x − (px+q) ln(xm+γ)
///
/// Sums that do not depend on the parameters are taken once, and the gamma-function terms once per distinct x, so
/// an evaluation costs one logarithm per customer.
struct GammaGammaLikelihood {
    private let frequency: [Double]
    private let frequencyTimesMonetary: [Double]
    private var distinctFrequencies: [Double] = []
    private var countPerFrequency: [Double] = []
    private let count: Double
    private var sumXLogM = 0.0, sumLogM = 0.0, sumXLogX = 0.0

    init(frequency: [Double], frequencyTimesMonetary: [Double]) {
        self.frequency = frequency
        self.frequencyTimesMonetary = frequencyTimesMonetary
        count = Double(frequency.count)
        var counts: [Double: Double] = [:]
        for i in frequency.indices {
            let x = frequency[i], logM = log(frequencyTimesMonetary[i] / x)
            counts[x, default: 0] += 1
            sumXLogM += x * logM
            sumLogM += logM
            sumXLogX += x * log(x)
        }
        distinctFrequencies = counts.keys.sorted()
        countPerFrequency = distinctFrequencies.map { counts[$0]! }
    }

    /// ln L at (p, q, γ), writing ∂ ln L/∂(p, q, γ) into `gradient`.
    func logLikelihood(p: Double, q: Double, v: Double, gradient: inout [Double]) -> Double {
        let logV = log(v), lgQ = SpecialFunctions.logGamma(q), psiQ = SpecialFunctions.digamma(q)
        var ll = count * q * logV + p * sumXLogM - sumLogM + p * sumXLogX
        var dp = sumXLogM + sumXLogX, dq = count * logV, dv = count * q / v
        for k in distinctFrequencies.indices {
            let x = distinctFrequencies[k], w = countPerFrequency[k], px = p * x
            ll += w * (SpecialFunctions.logGamma(px + q) - SpecialFunctions.logGamma(px) - lgQ)
            let psiPXQ = SpecialFunctions.digamma(px + q)
            dp += w * x * (psiPXQ - SpecialFunctions.digamma(px))
            dq += w * (psiPXQ - psiQ)
        }
        var sumLL = 0.0, sumDp = 0.0, sumDq = 0.0, sumDv = 0.0
        frequency.withUnsafeBufferPointer { x in
            frequencyTimesMonetary.withUnsafeBufferPointer { xm in
                for i in 0..<x.count {
                    let total = xm[i] + v, logTotal = log(total), shape = p * x[i] + q
                    sumLL -= shape * logTotal
                    sumDp -= x[i] * logTotal
                    sumDq -= logTotal
                    sumDv -= shape / total
                }
            }
        }
        gradient[0] = dp + sumDp
        gradient[1] = dq + sumDq
        gradient[2] = dv + sumDv
        return ll + sumLL
    }

    /// −ln L / N + penalty × Σ θ² over log-parameters.
    func objective(penalizer: Double) -> Objective {
        { logParameters, gradient in
            guard logParameters.allSatisfy({ abs($0) < 40 }) else { return .infinity }
            let theta = logParameters.map { exp($0) }
            var g = [Double](repeating: 0, count: 3)
            let ll = logLikelihood(p: theta[0], q: theta[1], v: theta[2], gradient: &g)
            var value = -ll / count
            for j in 0..<3 {
                value += penalizer * theta[j] * theta[j]
                gradient[j] = -theta[j] * g[j] / count + 2 * penalizer * theta[j] * theta[j]
            }
            return value
        }
    }
}
