import Foundation

/// The BG/NBD log-likelihood over grouped histories, with its analytic gradient, in lifetimes' numerically stable form
/// (section 7 of Fader, Hardie & Lee 2005a; note 004):
///
///     ln L = A₁ + A₂ + ln(e^{A₃} + δ(x>0) e^{A₄})
///     A₁ = ln Γ(r+x) − ln Γ(r) + r ln α             A₃ = −(r+x) ln(α+T)
///     A₂ = ln Γ(a+b) + ln Γ(b+x) − ln Γ(b) − ln Γ(a+b+x)
///     A₄ = ln a − ln(b+x−1) − (r+x) ln(α+t_x)
///
/// Identical (x, t_x, T) rows are merged with a count, the gamma-function terms are computed once per distinct x,
/// and time is rescaled so that the largest T is 1 (as lifetimes does) for a well-conditioned optimisation.
struct BGNBDLikelihood {
    /// Rows with x = 0 come first, then the repeat buyers.
    private(set) var frequency: [Double] = []
    private(set) var recency: [Double] = []
    private(set) var age: [Double] = []
    private(set) var weight: [Double] = []
    /// Index of each row's x in `distinctFrequencies`.
    private var frequencyIndex: [Int32] = []
    private var distinctFrequencies: [Double] = []
    private var weightPerFrequency: [Double] = []
    private(set) var firstRepeatRow = 0
    /// Time rescaling: scaled = original × scale.
    let scale: Double
    let totalWeight: Double
    /// Σ x over customers, for converting the log-likelihood back to the original unit.
    let totalFrequency: Double
    let customerCount: Int

    struct Key: Hashable {
        let x: Int
        let recencyBits: UInt64
        let ageBits: UInt64
    }

    init(_ histories: PurchaseHistories) {
        customerCount = histories.count
        let maxAge = histories.age.max() ?? 0
        scale = maxAge > 0 ? 1 / maxAge : 1
        var groups: [Key: Int] = [:]
        groups.reserveCapacity(min(histories.count, 1 << 20))
        var keys: [Key] = []
        var counts: [Double] = []
        var sumX = 0.0
        for i in 0..<histories.count {
            let key = Key(x: histories.frequency[i], recencyBits: histories.recency[i].bitPattern,
                          ageBits: histories.age[i].bitPattern)
            sumX += Double(key.x)
            if let index = groups[key] {
                counts[index] += 1
            } else {
                groups[key] = keys.count
                keys.append(key)
                counts.append(1)
            }
        }
        totalFrequency = sumX
        totalWeight = Double(histories.count)
        let order = keys.indices.sorted { (keys[$0].x, $0) < (keys[$1].x, $1) }
        let xs = Array(Set(keys.map(\.x))).sorted()
        distinctFrequencies = xs.map(Double.init)
        let position = Dictionary(uniqueKeysWithValues: xs.enumerated().map { ($1, Int32($0)) })
        weightPerFrequency = [Double](repeating: 0, count: xs.count)
        for index in order {
            let key = keys[index]
            frequency.append(Double(key.x))
            recency.append(Double(bitPattern: key.recencyBits) * scale)
            age.append(Double(bitPattern: key.ageBits) * scale)
            weight.append(counts[index])
            let k = position[key.x]!
            frequencyIndex.append(k)
            weightPerFrequency[Int(k)] += counts[index]
        }
        firstRepeatRow = frequency.firstIndex { $0 > 0 } ?? frequency.count
    }

    var rowCount: Int { frequency.count }

    /// ln L in scaled time at (r, α_scaled, a, b), writing ∂ ln L/∂(r, α, a, b) into `gradient`.
    func logLikelihood(r: Double, alpha: Double, a: Double, b: Double, gradient: inout [Double]) -> Double {
        let logAlpha = log(alpha), logA = log(a)
        let lgR = SpecialFunctions.logGamma(r), lgB = SpecialFunctions.logGamma(b), lgAB = SpecialFunctions.logGamma(a + b)
        let psiR = SpecialFunctions.digamma(r), psiB = SpecialFunctions.digamma(b)
        let psiAB = SpecialFunctions.digamma(a + b)
        var logBx1 = [Double](repeating: 0, count: distinctFrequencies.count)
        var inverseBx1 = [Double](repeating: 0, count: distinctFrequencies.count)
        var ll = totalWeight * r * logAlpha
        var dr = totalWeight * logAlpha, dAlpha = totalWeight * r / alpha, da = 0.0, db = 0.0
        for k in distinctFrequencies.indices {
            let x = distinctFrequencies[k], w = weightPerFrequency[k]
            guard x > 0 else { continue }
            logBx1[k] = log(b + x - 1)
            inverseBx1[k] = 1 / (b + x - 1)
            ll += w * (SpecialFunctions.logGamma(r + x) - lgR + lgAB + SpecialFunctions.logGamma(b + x) - lgB - SpecialFunctions.logGamma(a + b + x))
            let psiABX = SpecialFunctions.digamma(a + b + x)
            dr += w * (SpecialFunctions.digamma(r + x) - psiR)
            da += w * (psiAB - psiABX)
            db += w * (psiAB - psiABX + SpecialFunctions.digamma(b + x) - psiB)
        }
        var sumLL = 0.0, sumDr = 0.0, sumDAlpha = 0.0, sumW4 = 0.0, sumDb = 0.0
        frequency.withUnsafeBufferPointer { x in
            recency.withUnsafeBufferPointer { tx in
                age.withUnsafeBufferPointer { t in
                    weight.withUnsafeBufferPointer { w in
                        frequencyIndex.withUnsafeBufferPointer { index in
                            for i in 0..<firstRepeatRow {
                                let ageTerm = alpha + t[i], logAge = log(ageTerm)
                                sumLL -= w[i] * r * logAge
                                sumDr -= w[i] * logAge
                                sumDAlpha -= w[i] * r / ageTerm
                            }
                            for i in firstRepeatRow..<x.count {
                                let rx = r + x[i], k = Int(index[i])
                                let ageTerm = alpha + t[i], recencyTerm = alpha + tx[i]
                                let logAge = log(ageTerm), logRecency = log(recencyTerm)
                                let a3 = -rx * logAge
                                let a4 = logA - logBx1[k] - rx * logRecency
                                let difference = a4 - a3
                                let e = exp(-abs(difference))
                                let w4 = difference >= 0 ? 1 / (1 + e) : e / (1 + e)
                                let w3 = 1 - w4
                                sumLL += w[i] * (max(a3, a4) + log1p(e))
                                sumDr -= w[i] * (w3 * logAge + w4 * logRecency)
                                sumDAlpha -= w[i] * rx * (w3 / ageTerm + w4 / recencyTerm)
                                sumW4 += w[i] * w4
                                sumDb -= w[i] * w4 * inverseBx1[k]
                            }
                        }
                    }
                }
            }
        }
        gradient[0] = dr + sumDr
        gradient[1] = dAlpha + sumDAlpha
        gradient[2] = da + sumW4 / a
        gradient[3] = db + sumDb
        return ll + sumLL
    }

    /// The minimised objective, as lifetimes': −ln L / N + penalty × Σ θ², over log-parameters (α scaled).
    func objective(penalizer: Double) -> Objective {
        { logParameters, gradient in
            guard logParameters.allSatisfy({ abs($0) < 40 }) else { return .infinity }
            let theta = logParameters.map { exp($0) }
            var g = [Double](repeating: 0, count: 4)
            let ll = logLikelihood(r: theta[0], alpha: theta[1], a: theta[2], b: theta[3], gradient: &g)
            var value = -ll / totalWeight
            for j in 0..<4 {
                value += penalizer * theta[j] * theta[j]
                gradient[j] = -theta[j] * g[j] / totalWeight + 2 * penalizer * theta[j] * theta[j]
            }
            return value
        }
    }
}
