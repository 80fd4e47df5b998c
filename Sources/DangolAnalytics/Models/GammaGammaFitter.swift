import Foundation

/// Maximum-likelihood fitting of ``GammaGammaModel`` on repeat buyers.
///
/// Like lifetimes' `GammaGammaFitter.fit`: the objective is the mean negative log-likelihood plus
/// `penalizerCoefficient` × (p² + q² + γ²) over log-parameters, starting from all log-parameters 0.1; BFGS with
/// analytic gradients, Nelder–Mead as fallback. Only customers with at least one repeat purchase and a positive mean
/// repeat spend enter the fit (lifetimes requires the caller to filter; here the others are skipped).
///
/// ```swift
/// let spend = try GammaGammaFitter().fit(summaries).model
/// ```
public struct GammaGammaFitter: Sendable {
    /// L2 penalty on the parameters (lifetimes' `penalizer_coef`); 0 by default.
    public var penalizerCoefficient: Double
    /// Fewest repeat buyers accepted.
    public var minimumRepeatBuyers: Int

    /// Creates a fitter.
    public init(penalizerCoefficient: Double = 0, minimumRepeatBuyers: Int = 3) {
        self.penalizerCoefficient = penalizerCoefficient
        self.minimumRepeatBuyers = minimumRepeatBuyers
    }

    /// The outcome of a fit.
    public struct Fit: Sendable, Hashable, Codable {
        /// The fitted model.
        public let model: GammaGammaModel
        /// Log-likelihood at the optimum, without the penalty.
        public let logLikelihood: Double
        /// Repeat buyers fitted.
        public let customerCount: Int
        /// Optimiser iterations used.
        public let iterations: Int
    }

    /// Fits the repeat buyers among `summaries` (frequency = repeat purchase days, monetary value = mean repeat spend).
    public func fit(_ summaries: [CustomerSummary]) throws(AnalyticsError) -> Fit {
        try fit(frequency: summaries.map(\.repeatPurchaseDays), monetaryValue: summaries.map(\.monetaryValue))
    }

    /// Fits the customers with `frequency > 0` and `monetaryValue > 0`; the columns describe the same customers.
    ///
    /// Throws `fit.no_repeat_buyers` below ``minimumRepeatBuyers``, `fit.not_converged` when spend does not vary
    /// enough to identify the model (all repeat buyers spending the same drives q and γ to infinity), and
    /// `fit.infinite_mean_spend` for an optimum with q ≤ 1.
    public func fit(frequency: [Int], monetaryValue: [Double]) throws(AnalyticsError) -> Fit {
        guard frequency.count == monetaryValue.count else { throw .lengthMismatch }
        var x: [Double] = [], xm: [Double] = []
        for i in frequency.indices where frequency[i] > 0 && monetaryValue[i] > 0 {
            guard monetaryValue[i].isFinite else { throw .invalidInput("monetary values must be finite") }
            x.append(Double(frequency[i]))
            xm.append(Double(frequency[i]) * monetaryValue[i])
        }
        guard x.count >= max(1, minimumRepeatBuyers) else {
            throw .cannotFit("Gamma–Gamma needs at least \(minimumRepeatBuyers) repeat buyers with spend.",
                             code: "no_repeat_buyers")
        }
        let likelihood = GammaGammaLikelihood(frequency: x, frequencyTimesMonetary: xm)
        let objective = likelihood.objective(penalizer: penalizerCoefficient)
        let start = [0.1, 0.1, 0.1]
        let (best, _) = try RobustFit.minimize(objective, from: start)
        let theta = best.point.map { exp($0) }
        var unused = [Double](repeating: 0, count: 3)
        let ll = likelihood.logLikelihood(p: theta[0], q: theta[1], v: theta[2], gradient: &unused)
        return Fit(model: try GammaGammaModel(p: theta[0], q: theta[1], gamma: theta[2]), logLikelihood: ll,
                   customerCount: x.count, iterations: best.iterations)
    }
}
