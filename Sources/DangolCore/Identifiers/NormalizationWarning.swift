/// A non-fatal finding about a value that was accepted, such as a failed business registration number checksum or a
/// legacy 011 mobile prefix. The user may keep the value; the console shows the warning beside it.
public struct NormalizationWarning: Sendable, Hashable, Codable, CustomStringConvertible {
    /// Stable machine code: `"brn.checksum"`, `"crn.checksum"`, `"phone.legacy_prefix"`.
    public let code: String
    /// English explanation for people; never contains the raw input.
    public let message: String

    /// Creates a warning. Keep `message` free of the value being normalised.
    public init(code: String, message: String) {
        self.code = code
        self.message = message
    }

    /// `"code: message"`, safe to log.
    public var description: String { "\(code): \(message)" }

    /// The business registration number's check digit does not match (typo, or a number from a test system).
    public static let brnChecksum = NormalizationWarning(
        code: "brn.checksum",
        message: "The business registration number's check digit does not match; check for a typo."
    )

    /// The corporate registration number's check digit does not match.
    public static let crnChecksum = NormalizationWarning(
        code: "crn.checksum",
        message: "The corporate registration number's check digit does not match; check for a typo."
    )

    /// A mobile number with a pre-2004 prefix (011, 016, 017, 018, 019); most have since moved to 010.
    public static let phoneLegacyPrefix = NormalizationWarning(
        code: "phone.legacy_prefix",
        message: "The mobile number uses a legacy prefix (011/016/017/018/019); most such numbers now start with 010."
    )
}
