/// A fitted BG/NBD model with the evidence of the fit.
public struct BGNBDFit: Sendable, Hashable, Codable {
    /// The fitted model.
    public let model: BGNBDModel
    /// The log-likelihood at the optimum, in the model's unit and without the penalty (CDNOW in weeks: −9582.4).
    public let logLikelihood: Double
    /// Optimiser iterations used.
    public let iterations: Int
    /// Whether the Nelder–Mead fallback was needed.
    public let usedFallback: Bool
    /// Customers fitted.
    public let customerCount: Int
    /// Distinct (x, t_x, T) rows the likelihood was evaluated over.
    public let distinctHistoryCount: Int
}
