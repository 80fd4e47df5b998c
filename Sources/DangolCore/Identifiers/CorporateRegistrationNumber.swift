/// 법인등록번호 corporate registration number: the 13-digit number of a registered corporation, written
/// `110111-1234567` (registry office, corporation type, serial, check digit).
///
/// As with ``BusinessRegistrationNumber``, a failing check digit is the warning `crn.checksum`, not an error. Wrong
/// length or characters are errors (`crn.length`, `crn.invalid_characters`).
///
/// ```swift
/// let crn = try CorporateRegistrationNumber("110111-1234569")
/// crn.formatted         // "110111-1234569"
/// crn.hasValidChecksum  // true
/// ```
public struct CorporateRegistrationNumber: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The 13 digits without separators: the stored and compared value.
    public let digits: String

    /// Parses a number with or without the hyphen (spaces, dots and full-width digits are tolerated too).
    public init(_ raw: String) throws(NormalizationError) {
        let text = IdentifierText.trimmed(raw)
        guard !text.isEmpty else { throw .empty }
        guard let digits = IdentifierText.digitsRemovingSeparators(text) else {
            throw NormalizationError(
                code: "crn.invalid_characters",
                message: "A corporate registration number may contain only digits and a hyphen."
            )
        }
        guard digits.count == 13 else {
            throw NormalizationError(code: "crn.length", message: "A corporate registration number has 13 digits.")
        }
        self.digits = digits
    }

    /// The number as printed in the corporate register: `"110111-1234567"`.
    public var formatted: String { digits.prefix(6) + "-" + digits.suffix(7) }

    /// Whether the 13th digit matches the checksum of the first twelve.
    public var hasValidChecksum: Bool { Self.isChecksumValid(digits) }

    /// `[.crnChecksum]` when the check digit fails, otherwise empty.
    public var warnings: [NormalizationWarning] { hasValidChecksum ? [] : [.crnChecksum] }

    /// The formatted number; corporate registration numbers are public information.
    public var description: String { formatted }

    /// Whether `digits` is exactly 13 ASCII digits whose last digit is the check digit: multiply the first twelve
    /// digits alternately by 1 and 2, add the products, and the check digit is (10 − sum mod 10) mod 10.
    public static func isChecksumValid(_ digits: String) -> Bool {
        guard digits.count == 13, IdentifierText.isAllASCIIDigits(digits) else { return false }
        let values = IdentifierText.digitValues(digits)
        return checkDigit(values.prefix(12)) == values[12]
    }

    /// Appends the correct check digit to twelve digits: `makeValid(prefix12: "110111123456")` → `"1101111234569"`.
    /// Precondition: `prefix12` is twelve ASCII digits.
    public static func makeValid(prefix12: String) -> String {
        precondition(prefix12.count == 12 && IdentifierText.isAllASCIIDigits(prefix12), "prefix12 must be twelve digits")
        return prefix12 + String(checkDigit(IdentifierText.digitValues(prefix12)[...]))
    }

    private static func checkDigit(_ firstTwelve: ArraySlice<Int>) -> Int {
        let sum = firstTwelve.enumerated().reduce(0) { $0 + $1.element * ($1.offset.isMultiple(of: 2) ? 1 : 2) }
        return (10 - sum % 10) % 10
    }
}
