/// Why an analysis could not produce a meaningful result.
///
/// `code` is stable and machine-readable (`"fit.no_repeat_buyers"`, `"input.length_mismatch"`); callers map it to
/// problem+json or console text. `message` is English and never repeats customer data.
///
/// ```swift
/// do throws(AnalyticsError) {
///     _ = try BGNBDFitter().fit(histories)
/// } catch {
///     print(error.code) // "fit.too_few_customers"
/// }
/// ```
public struct AnalyticsError: Error, Sendable, Hashable, Codable, CustomStringConvertible {
    /// Stable machine code, `"<area>.<reason>"`.
    public let code: String
    /// English explanation for people; never contains customer data.
    public let message: String

    /// Creates an error.
    public init(code: String, message: String) {
        self.code = code
        self.message = message
    }

    /// `"code: message"`, safe to log.
    public var description: String { "\(code): \(message)" }

    /// The input arrays that describe the same customers have different lengths.
    public static let lengthMismatch = AnalyticsError(
        code: "input.length_mismatch", message: "The input columns have different lengths.")
    /// There is nothing to analyse.
    public static let empty = AnalyticsError(code: "input.empty", message: "There are no customers to analyse.")
    /// A value is negative, not finite, or a recency exceeds the customer's age.
    public static func invalidInput(_ what: String) -> AnalyticsError {
        AnalyticsError(code: "input.invalid", message: "Invalid input: \(what).")
    }
    /// A model was asked to fit data that cannot identify its parameters.
    public static func cannotFit(_ reason: String, code: String) -> AnalyticsError {
        AnalyticsError(code: "fit.\(code)", message: reason)
    }
    /// The optimiser found no finite optimum.
    public static let fitDidNotConverge = AnalyticsError(
        code: "fit.not_converged", message: "The likelihood maximisation did not converge to a finite optimum.")
    /// A series or iteration did not reach the requested precision.
    public static let notConverged = AnalyticsError(
        code: "numeric.not_converged", message: "A numeric series did not converge.")
}
