/// Why a raw identifier value could not be normalised.
///
/// `code` is stable and machine-readable (`"phone.too_short"`, `"email.missing_at"`, `"rrn.bad_date"`,
/// `"brn.length"`); callers map it to problem+json, import reports or translated console text. `message` is English
/// and never repeats the raw input, because the input is often personal data and errors end up in logs.
///
/// ```swift
/// do throws(NormalizationError) {
///     _ = try PhoneNormalizer.normalize("02-12")
/// } catch {
///     print(error.code) // "phone.too_short"
/// }
/// ```
public struct NormalizationError: Error, Sendable, Hashable, Codable, CustomStringConvertible {
    /// Stable machine code, `"<type>.<reason>"`, or `"empty"` for blank input.
    public let code: String
    /// English explanation for people; never contains the raw input.
    public let message: String

    /// Creates an error. Keep `message` free of the value being normalised.
    public init(code: String, message: String) {
        self.code = code
        self.message = message
    }

    /// `"code: message"`, safe to log.
    public var description: String { "\(code): \(message)" }

    /// The value was empty or only white space.
    public static let empty = NormalizationError(code: "empty", message: "The value is empty.")
}
