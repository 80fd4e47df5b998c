/// 사업자등록번호 business registration number: the 10-digit tax number of every Korean business, written
/// `123-45-67890` (3-digit tax office code, 2-digit business type, 4-digit serial, check digit).
///
/// A failing check digit is not an error: numbers from test systems and old paper forms fail it, and the user may
/// know better. It is reported as the warning `brn.checksum`. Wrong length or characters other than digits and
/// hyphens are errors (`brn.length`, `brn.invalid_characters`).
///
/// ```swift
/// let brn = try BusinessRegistrationNumber("124-81-00998")
/// brn.digits            // "1248100998"
/// brn.formatted         // "124-81-00998"
/// brn.hasValidChecksum  // true
/// ```
public struct BusinessRegistrationNumber: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The 10 digits without separators: the stored and compared value.
    public let digits: String

    /// Parses a number with or without hyphens (spaces, dots and full-width digits are tolerated too).
    public init(_ raw: String) throws(NormalizationError) {
        let text = IdentifierText.trimmed(raw)
        guard !text.isEmpty else { throw .empty }
        guard let digits = IdentifierText.digitsRemovingSeparators(text) else {
            throw NormalizationError(
                code: "brn.invalid_characters",
                message: "A business registration number may contain only digits and hyphens."
            )
        }
        guard digits.count == 10 else {
            throw NormalizationError(code: "brn.length", message: "A business registration number has 10 digits.")
        }
        self.digits = digits
    }

    /// The number as printed on a registration certificate: `"123-45-67890"`.
    public var formatted: String {
        digits.prefix(3) + "-" + digits.dropFirst(3).prefix(2) + "-" + digits.suffix(5)
    }

    /// Whether the 10th digit matches the checksum of the first nine.
    public var hasValidChecksum: Bool { Self.isChecksumValid(digits) }

    /// `[.brnChecksum]` when the check digit fails, otherwise empty.
    public var warnings: [NormalizationWarning] { hasValidChecksum ? [] : [.brnChecksum] }

    /// The formatted number; business registration numbers are public information.
    public var description: String { formatted }

    /// Whether `digits` is exactly 10 ASCII digits whose last digit is the National Tax Service check digit.
    ///
    /// The check: multiply the first nine digits by 1, 3, 7, 1, 3, 7, 1, 3, 5 and add the products, add
    /// ⌊9th digit × 5 / 10⌋, and the check digit is (10 − sum mod 10) mod 10.
    public static func isChecksumValid(_ digits: String) -> Bool {
        guard digits.count == 10, IdentifierText.isAllASCIIDigits(digits) else { return false }
        let values = IdentifierText.digitValues(digits)
        return checkDigit(values.prefix(9)) == values[9]
    }

    /// Appends the correct check digit to nine digits, e.g. to generate demo data:
    /// `makeValid(prefix9: "124810099")` → `"1248100998"`. Precondition: `prefix9` is nine ASCII digits.
    public static func makeValid(prefix9: String) -> String {
        precondition(prefix9.count == 9 && IdentifierText.isAllASCIIDigits(prefix9), "prefix9 must be nine digits")
        return prefix9 + String(checkDigit(IdentifierText.digitValues(prefix9)[...]))
    }

    private static let weights = [1, 3, 7, 1, 3, 7, 1, 3, 5]

    private static func checkDigit(_ firstNine: ArraySlice<Int>) -> Int {
        var sum = zip(firstNine, weights).reduce(0) { $0 + $1.0 * $1.1 }
        sum += firstNine[firstNine.startIndex + 8] * 5 / 10
        return (10 - sum % 10) % 10
    }
}
