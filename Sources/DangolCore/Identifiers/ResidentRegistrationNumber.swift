/// 주민등록번호 resident registration number: 13 digits `YYMMDD-GNNNNNN`, the birth date followed by a digit G that
/// gives the century of birth and whether the holder is a foreign resident (외국인등록번호 uses the same layout).
///
/// | G | born | holder |
/// |---|------|--------|
/// | 1, 2 | 1900s | citizen |
/// | 3, 4 | 2000s | citizen |
/// | 5, 6 | 1900s | foreigner |
/// | 7, 8 | 2000s | foreigner |
/// | 9, 0 | 1800s | citizen |
///
/// Validation checks the layout and that YYMMDD is a real date in the century G implies (so 000229 is valid with
/// G = 3, for 2000, and invalid with G = 1, for 1900). The old check digit is not enforced: numbers issued since
/// October 2020 end in random digits. Error codes: `empty`, `rrn.invalid_characters`, `rrn.length`, `rrn.bad_date`.
///
/// The value is highly sensitive. `description`, `debugDescription` and reflection (`dump`) show only the masked
/// form, and the type is deliberately not `Codable`, so it cannot slip into logs or JSON by accident; store
/// ``digits`` encrypted.
///
/// ```swift
/// let rrn = try ResidentRegistrationNumber("900101-1234567")
/// rrn.birthDate  // (year: 1990, month: 1, day: 1)
/// rrn.masked     // "900101-1******"
/// ```
public struct ResidentRegistrationNumber: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible,
    CustomReflectable {
    /// The 13 digits without the hyphen.
    public let digits: String

    /// Parses a number with or without the hyphen.
    public init(_ raw: String) throws(NormalizationError) {
        let text = IdentifierText.trimmed(raw)
        guard !text.isEmpty else { throw .empty }
        guard let digits = IdentifierText.digitsRemovingSeparators(text) else {
            throw NormalizationError(
                code: "rrn.invalid_characters",
                message: "A resident registration number may contain only digits and a hyphen."
            )
        }
        guard digits.count == 13 else {
            throw NormalizationError(code: "rrn.length", message: "A resident registration number has 13 digits.")
        }
        let values = IdentifierText.digitValues(digits)
        let year = Self.century(genderDigit: values[6]) + values[0] * 10 + values[1]
        guard CivilDate(year: year, month: values[2] * 10 + values[3], day: values[4] * 10 + values[5]) != nil else {
            throw NormalizationError(
                code: "rrn.bad_date",
                message: "The first six digits of a resident registration number must be a real date (YYMMDD) "
                    + "in the century given by the seventh digit."
            )
        }
        self.digits = digits
    }

    /// The birth date encoded in the first seven digits.
    public var birthDate: (year: Int, month: Int, day: Int) {
        let values = IdentifierText.digitValues(digits)
        return (Self.century(genderDigit: values[6]) + values[0] * 10 + values[1],
                values[2] * 10 + values[3], values[4] * 10 + values[5])
    }

    /// Whether the number belongs to a foreign resident (G = 5…8).
    public var isForeigner: Bool { (5...8).contains(IdentifierText.digitValues(digits)[6]) }

    /// `"900101-1234567"`. Unmasked: only for viewers allowed to see it.
    public var formatted: String { digits.prefix(6) + "-" + digits.suffix(7) }

    /// `"900101-1******"`: birth date and G kept, the rest hidden. Same as ``PersonalDataMasker/maskRRN(_:)``.
    public var masked: String { PersonalDataMasker.maskRRN(digits) }

    /// The masked form, so that string interpolation never leaks the number.
    public var description: String { masked }

    /// The masked form, for the same reason.
    public var debugDescription: String { "ResidentRegistrationNumber(\(masked))" }

    /// Shows only the masked form to `dump` and debuggers.
    public var customMirror: Mirror { Mirror(self, children: ["masked": masked]) }

    /// The first year of the century of birth implied by the seventh digit.
    private static func century(genderDigit: Int) -> Int {
        switch genderDigit {
        case 1, 2, 5, 6: 1900
        case 3, 4, 7, 8: 2000
        default: 1800
        }
    }
}
