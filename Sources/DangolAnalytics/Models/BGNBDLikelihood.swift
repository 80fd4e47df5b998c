import Foundation

/// The BG/NBD log-likelihood over grouped histories, with its analytic gradient, in lifetimes' numerically stable form
/// (section 7 of Fader, Hardie & Lee 2005a; note 004):
///
///     ln L = A₁ + A₂ + ln(e^{A₃} + δ(x>0) e^{A₄})
///     A₁ = ln Γ(r+x) − ln Γ(r) + r ln α             A₃ = −(r+x) ln(α+T)
///     A₂ = ln Γ(a+b) + ln Γ(b+x) − ln Γ(b) − ln Γ(a+b+x)
///     A₄ = ln a − ln(b+x−1) − (r+x) ln(α+t_x)
///
/// Made cheap for a million customers: identical (x, t_x, T) rows are merged with a count; customers without repeat
/// purchases are summed per distinct T; ln(α+T) and ln(α+t_x) are computed once per distinct T and t_x (summaries in
/// whole days have a few thousand at most) and the gamma-function terms once per distinct x, so a repeat buyer's row
/// costs one exp and a multiplication. Time is rescaled so that the largest T is 1, as lifetimes does, for a
/// well-conditioned optimisation.
struct BGNBDLikelihood {
    /// Distinct ages T and recencies t_x, scaled.
    private let ages: [Double]
    private let recencies: [Double]
    /// Customers without repeat purchases, counted per distinct age.
    private let oneTimeBuyersPerAge: [Double]
    /// Repeat-buyer rows: x, count, and indices into the distinct tables.
    private let frequency: [Double]
    private let weight: [Double]
    private let frequencyIndex: [Int32]
    private let ageIndex: [Int32]
    private let recencyIndex: [Int32]
    private let distinctFrequencies: [Double]
    private let weightPerFrequency: [Double]
    /// Time rescaling: scaled = original × scale.
    let scale: Double
    let totalWeight: Double
    /// Σ x over customers, for converting the log-likelihood back to the original unit.
    let totalFrequency: Double
    /// Rows the likelihood sums over: distinct ages of one-time buyers plus distinct repeat-buyer histories.
    let rowCount: Int

    init(_ histories: PurchaseHistories) {
        let maxAge = histories.age.max() ?? 0
        let scale = maxAge > 0 ? 1 / maxAge : 1
        self.scale = scale
        totalWeight = Double(histories.count)
        var ageSlots: [UInt64: Int32] = [:], recencySlots: [UInt64: Int32] = [:], frequencySlots: [Int: Int32] = [:]
        var rowSlots: [UInt64: Int32] = [:]
        var ages: [Double] = [], recencies: [Double] = [], oneTimeBuyersPerAge: [Double] = []
        var distinctFrequencies: [Double] = [], weightPerFrequency: [Double] = []
        var frequency: [Double] = [], weight: [Double] = []
        var frequencyIndex: [Int32] = [], ageIndex: [Int32] = [], recencyIndex: [Int32] = []
        var sumX = 0.0
        for i in 0..<histories.count {
            let x = histories.frequency[i]
            sumX += Double(x)
            let ageBits = histories.age[i].bitPattern
            let a: Int32
            if let slot = ageSlots[ageBits] {
                a = slot
            } else {
                a = Int32(ages.count)
                ageSlots[ageBits] = a
                ages.append(histories.age[i] * scale)
                oneTimeBuyersPerAge.append(0)
            }
            guard x > 0 else {
                oneTimeBuyersPerAge[Int(a)] += 1
                continue
            }
            let recencyBits = histories.recency[i].bitPattern
            let t: Int32
            if let slot = recencySlots[recencyBits] {
                t = slot
            } else {
                t = Int32(recencies.count)
                recencySlots[recencyBits] = t
                recencies.append(histories.recency[i] * scale)
            }
            let k: Int32
            if let slot = frequencySlots[x] {
                k = slot
            } else {
                k = Int32(distinctFrequencies.count)
                frequencySlots[x] = k
                distinctFrequencies.append(Double(x))
                weightPerFrequency.append(0)
            }
            weightPerFrequency[Int(k)] += 1
            // Rows merge when x, T and t_x agree; the packed key needs x < 2²⁰ and fewer than 2²² distinct values.
            let packable = x < 1 << 20 && a < 1 << 22 && t < 1 << 22
            let key = UInt64(x) << 44 | UInt64(a) << 22 | UInt64(t)
            if packable, let row = rowSlots[key] {
                weight[Int(row)] += 1
                continue
            }
            if packable { rowSlots[key] = Int32(frequency.count) }
            frequency.append(Double(x))
            weight.append(1)
            frequencyIndex.append(k)
            ageIndex.append(a)
            recencyIndex.append(t)
        }
        totalFrequency = sumX
        rowCount = frequency.count + oneTimeBuyersPerAge.filter { $0 > 0 }.count
        self.ages = ages
        self.recencies = recencies
        self.oneTimeBuyersPerAge = oneTimeBuyersPerAge
        self.distinctFrequencies = distinctFrequencies
        self.weightPerFrequency = weightPerFrequency
        self.frequency = frequency
        self.weight = weight
        self.frequencyIndex = frequencyIndex
        self.ageIndex = ageIndex
        self.recencyIndex = recencyIndex
    }

    /// ln L in scaled time at (r, α_scaled, a, b), writing ∂ ln L/∂(r, α, a, b) into `gradient`.
    func logLikelihood(r: Double, alpha: Double, a: Double, b: Double, gradient: inout [Double]) -> Double {
        let logAlpha = log(alpha), logA = log(a)
        let lgR = SpecialFunctions.logGamma(r), lgB = SpecialFunctions.logGamma(b)
        let lgAB = SpecialFunctions.logGamma(a + b)
        let psiR = SpecialFunctions.digamma(r), psiB = SpecialFunctions.digamma(b)
        let psiAB = SpecialFunctions.digamma(a + b)
        var ll = totalWeight * r * logAlpha
        var dr = totalWeight * logAlpha, dAlpha = totalWeight * r / alpha, da = 0.0, db = 0.0
        var logBx1 = [Double](repeating: 0, count: distinctFrequencies.count)
        var inverseBx1 = logBx1
        for k in distinctFrequencies.indices {
            let x = distinctFrequencies[k], w = weightPerFrequency[k]
            logBx1[k] = log(b + x - 1)
            inverseBx1[k] = 1 / (b + x - 1)
            ll += w * (SpecialFunctions.logGamma(r + x) - lgR + lgAB + SpecialFunctions.logGamma(b + x) - lgB
                - SpecialFunctions.logGamma(a + b + x))
            let psiABX = SpecialFunctions.digamma(a + b + x)
            dr += w * (SpecialFunctions.digamma(r + x) - psiR)
            da += w * (psiAB - psiABX)
            db += w * (psiAB - psiABX + SpecialFunctions.digamma(b + x) - psiB)
        }
        var logAge = [Double](repeating: 0, count: ages.count), inverseAge = logAge
        for j in ages.indices {
            logAge[j] = log(alpha + ages[j])
            inverseAge[j] = 1 / (alpha + ages[j])
            let w = oneTimeBuyersPerAge[j]
            ll -= w * r * logAge[j]
            dr -= w * logAge[j]
            dAlpha -= w * r * inverseAge[j]
        }
        var logRecency = [Double](repeating: 0, count: recencies.count), inverseRecency = logRecency
        for j in recencies.indices {
            logRecency[j] = log(alpha + recencies[j])
            inverseRecency[j] = 1 / (alpha + recencies[j])
        }
        // Immutable copies: closures capturing a `var` would box it and check exclusivity on every access.
        let (logAges, inverseAges, logRecencies, inverseRecencies) = (logAge, inverseAge, logRecency, inverseRecency)
        let (logBx1s, inverseBx1s) = (logBx1, inverseBx1)
        var sumLL = 0.0, sumDr = 0.0, sumDAlpha = 0.0, sumW4 = 0.0, sumDb = 0.0
        var product = 1.0, productCount = 0
        frequency.withUnsafeBufferPointer { x in
            weight.withUnsafeBufferPointer { w in
                frequencyIndex.withUnsafeBufferPointer { kIndex in
                    ageIndex.withUnsafeBufferPointer { tIndex in
                        recencyIndex.withUnsafeBufferPointer { rIndex in
                            for i in 0..<x.count {
                                let rx = r + x[i], k = Int(kIndex[i]), t = Int(tIndex[i]), s = Int(rIndex[i])
                                let a3 = -rx * logAges[t]
                                let a4 = logA - logBx1s[k] - rx * logRecencies[s]
                                let difference = a4 - a3
                                // ln(e^{A₃} + e^{A₄}) = max + ln(1 + e^{−|A₄−A₃|}). The ln(1 + e) of single rows
                                // are multiplied up and logged once per 512 rows (the product stays below 2⁵¹²),
                                // which halves the cost of an evaluation; the rounding error is that of summing
                                // the logarithms. Tiny e skip libm's slow subnormal paths.
                                let gap = abs(difference)
                                let e = gap < 40 ? exp(-gap) : 0
                                let w4 = difference >= 0 ? 1 / (1 + e) : e / (1 + e)
                                let w3 = 1 - w4
                                sumLL += w[i] * max(a3, a4)
                                if w[i] == 1 {
                                    product *= 1 + e
                                    productCount += 1
                                    if productCount == 512 {
                                        sumLL += log(product)
                                        product = 1
                                        productCount = 0
                                    }
                                } else {
                                    sumLL += w[i] * log(1 + e)
                                }
                                sumDr -= w[i] * (w3 * logAges[t] + w4 * logRecencies[s])
                                sumDAlpha -= w[i] * rx * (w3 * inverseAges[t] + w4 * inverseRecencies[s])
                                sumW4 += w[i] * w4
                                sumDb -= w[i] * w4 * inverseBx1s[k]
                            }
                        }
                    }
                }
            }
        }
        sumLL += log(product)
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
