/// Turns Korean phone numbers as people and spreadsheets write them into ``PhoneNumber`` values (E.164).
///
/// Accepted forms include `010-1234-5678`, `01012345678`, `010 1234 5678`, `010.1234.5678`, `(010)1234-5678`,
/// `+82 10-1234-5678`, `+82-10-1234-5678`, `+8201012345678`, `82-010-1234-5678`, `821012345678`, `0082-10-…`, and
/// `1012345678` — a mobile number whose leading 0 a spreadsheet dropped (9–10 digits starting 10, 11 or 16–19).
/// Landlines: Seoul `02-123-4567` / `02-1234-5678`, regional area codes 031–064, 070 internet phones, 080 toll-free,
/// 050x personal numbers and the 8-digit 15xx/16xx/18xx representative numbers (`1588-1234` → `+8215881234`).
/// Legacy mobile prefixes 011/016/017/018/019 are accepted and flagged; 010 numbers must have 11 digits.
///
/// Error codes: `empty`, `phone.invalid_characters`, `phone.too_short`, `phone.too_long`, `phone.unknown_prefix`,
/// `phone.unsupported_country`.
public enum PhoneNormalizer {
    /// Normalises one phone number.
    ///
    /// ```swift
    /// try PhoneNormalizer.normalize("+82 10-1234-5678").e164  // "+821012345678"
    /// try PhoneNormalizer.normalize("1588-1234").e164         // "+8215881234"
    /// ```
    public static func normalize(_ raw: String) throws(NormalizationError) -> PhoneNumber {
        let text = IdentifierText.trimmed(raw)
        guard !text.isEmpty else { throw .empty }

        let (digits, hasPlus) = try extractDigits(text)
        guard digits.count >= 8 else { throw tooShort }
        // E.164 allows at most 15 digits; a domestic "0082" prefix adds two more.
        guard digits.count <= 16 else { throw tooLong }

        let significant: String
        let hasTrunkZero: Bool
        var national = Substring(digits)
        if hasPlus || digits.hasPrefix("00") {
            if !hasPlus { national = national.dropFirst(2) }
            guard national.hasPrefix("82") else { throw unsupportedCountry }
            national = national.dropFirst(2)
        } else if digits.hasPrefix("82") && digits.count >= 10 {
            // No Korean domestic number starts with 82, so this is the country code without its "+".
            national = national.dropFirst(2)
        }
        // "+82 010…" and "82-010-…" keep the trunk 0 that should have been dropped after the country code.
        hasTrunkZero = national.hasPrefix("0")
        significant = String(hasTrunkZero ? national.dropFirst() : national)
        let isBare = !hasTrunkZero && significant.count == digits.count
        return try classify(significant, hasTrunkZero: hasTrunkZero, isBare: isBare)
    }

    /// The digits of `text`, and whether it had a plus sign. Accepts separators and one `+` before the first digit.
    private static func extractDigits(_ text: String) throws(NormalizationError) -> (String, Bool) {
        var digits = ""
        var hasPlus = false
        for character in text {
            if let digit = IdentifierText.asciiDigit(character) {
                digits.append(digit)
            } else if character == "+" || character == "\u{FF0B}" {
                guard digits.isEmpty && !hasPlus else { throw invalidCharacters }
                hasPlus = true
            } else if !(IdentifierText.isDigitSeparator(character) || character == "(" || character == ")") {
                throw invalidCharacters
            }
        }
        return (digits, hasPlus)
    }

    /// Decides the line type from the national significant number (no trunk 0, no country code) and checks its length.
    /// `isBare` means the input had neither a trunk 0 nor a country code (a representative number, or a mobile number
    /// whose 0 was lost).
    private static func classify(
        _ significant: String, hasTrunkZero: Bool, isBare: Bool
    ) throws(NormalizationError) -> PhoneNumber {
        let prefix = String(significant.prefix(2))
        func make(_ type: PhoneNumber.LineType, lengths: ClosedRange<Int>, legacy: Bool = false)
            throws(NormalizationError) -> PhoneNumber {
            guard significant.count >= lengths.lowerBound else { throw tooShort }
            guard significant.count <= lengths.upperBound else { throw tooLong }
            return PhoneNumber(nationalSignificantNumber: significant, lineType: type, isLegacyMobilePrefix: legacy)
        }

        let representativePrefixes: Set<String> = ["15", "16", "18"]
        if representativePrefixes.contains(prefix) && significant.count == 8 && !hasTrunkZero {
            return try make(.representative, lengths: 8...8)
        }
        switch prefix {
        case "10":
            return try make(.mobile, lengths: 10...10)
        case "11", "16", "17", "18", "19":
            return try make(.mobile, lengths: 9...10, legacy: true)
        case "15" where !hasTrunkZero:
            return try make(.representative, lengths: 8...8)
        default:
            break
        }
        // Everything else needs an area code, which a bare number cannot have lost (only mobile numbers are read as
        // integers by spreadsheets often enough to be worth repairing).
        guard !isBare else { throw unknownPrefix }
        if prefix.hasPrefix("2") {
            return try make(.landline, lengths: 8...9)
        }
        switch prefix {
        case "31", "32", "33", "41", "42", "43", "44", "51", "52", "53", "54", "55", "61", "62", "63", "64":
            return try make(.landline, lengths: 9...10)
        case "70":
            return try make(.internet, lengths: 10...10)
        case "80":
            return try make(.tollFree, lengths: 9...10)
        case "50":
            return try make(.personal, lengths: 10...11)
        default:
            throw unknownPrefix
        }
    }

    private static let invalidCharacters = NormalizationError(
        code: "phone.invalid_characters",
        message: "A phone number may contain only digits, spaces, hyphens, dots, parentheses and a leading plus sign."
    )
    private static let tooShort = NormalizationError(
        code: "phone.too_short", message: "The phone number has too few digits for its prefix."
    )
    private static let tooLong = NormalizationError(
        code: "phone.too_long", message: "The phone number has too many digits for its prefix."
    )
    private static let unknownPrefix = NormalizationError(
        code: "phone.unknown_prefix",
        message: "The phone number does not start with a known Korean mobile, area, internet or representative prefix."
    )
    private static let unsupportedCountry = NormalizationError(
        code: "phone.unsupported_country", message: "Only Korean phone numbers (+82) are supported."
    )
}
