import Foundation

/// Maximum-likelihood fitting of ``BGNBDModel``.
///
/// Minimises lifetimes' objective — the mean negative log-likelihood plus `penalizerCoefficient` × (r² + α² + a² + b²)
/// with α in time rescaled so that the oldest customer's age is 1 — over log-parameters, from lifetimes' starting
/// point (all log-parameters 0.1), by BFGS with analytic gradients; if that fails, Nelder–Mead from the same start and
/// BFGS again from where it stopped. With the default penalty 0 the optimum is the plain MLE.
///
/// ```swift
/// let fit = try BGNBDFitter().fit(PurchaseHistories(summaries, unit: .days))
/// fit.model.alpha // in days
/// ```
public struct BGNBDFitter: Sendable {
    /// L2 penalty on the parameters (lifetimes' `penalizer_coef`); 0 by default.
    public var penalizerCoefficient: Double
    /// Fewest customers accepted: below this the four parameters are not identified.
    public var minimumCustomers: Int

    /// Creates a fitter.
    public init(penalizerCoefficient: Double = 0, minimumCustomers: Int = 4) {
        self.penalizerCoefficient = penalizerCoefficient
        self.minimumCustomers = minimumCustomers
    }

    /// Fits the model to `histories`.
    ///
    /// Throws `fit.too_few_customers`, `fit.no_repeat_buyers` (nothing identifies the drop-out process),
    /// `fit.no_observation_time` (every customer first bought at the observation end) or `fit.not_converged`
    /// (including optima that run off to 0 or ∞, which a small penalty cures).
    public func fit(_ histories: PurchaseHistories) throws(AnalyticsError) -> BGNBDFit {
        guard histories.count >= max(1, minimumCustomers) else {
            throw .cannotFit("BG/NBD needs at least \(minimumCustomers) customers.", code: "too_few_customers")
        }
        guard histories.frequency.contains(where: { $0 > 0 }) else {
            throw .cannotFit("No customer has a repeat purchase.", code: "no_repeat_buyers")
        }
        guard histories.age.contains(where: { $0 > 0 }) else {
            throw .cannotFit("No customer has been observed for any time.", code: "no_observation_time")
        }
        let likelihood = BGNBDLikelihood(histories)
        let objective = likelihood.objective(penalizer: penalizerCoefficient)
        let start = [Double](repeating: 0.1, count: 4)
        let (best, usedFallback) = try RobustFit.minimize(objective, from: start)
        let theta = best.point.map { exp($0) }
        var unused = [Double](repeating: 0, count: 4)
        let scaledLL = likelihood.logLikelihood(r: theta[0], alpha: theta[1], a: theta[2], b: theta[3], gradient: &unused)
        let model = BGNBDModel(uncheckedR: theta[0], alpha: theta[1] / likelihood.scale, a: theta[2], b: theta[3],
                               unit: histories.unit)
        return BGNBDFit(
            model: model, logLikelihood: scaledLL + likelihood.totalFrequency * log(likelihood.scale),
            iterations: best.iterations, usedFallback: usedFallback, customerCount: histories.count,
            distinctHistoryCount: likelihood.rowCount)
    }
}
