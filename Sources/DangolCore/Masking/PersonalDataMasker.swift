/// Masks personal data (개인정보 마스킹) for viewers who may not see it in full. This is the only masking
/// implementation: the API, the console, exports and logs all call it, so a value looks the same everywhere.
///
/// Whether to mask is decided by ``PersonalDataPolicy``; what counts as personal by
/// ``IdentifierType/isPersonalData``. The rules follow common Korean practice (개인정보의 안전성 확보조치 guidance):
///
/// | value | example | masked |
/// |-------|---------|--------|
/// | name, one word | 홍길동, 남궁민수, 김수, 이 | 홍*동, 남**수, 김*, * |
/// | name, several words | John Smith | J*** S**** |
/// | phone | +821012345678, +8221234567 | 010-****-5678, 02-***-4567 |
/// | e-mail | hong@example.com, a@x.com | ho***@example.com, a***@x.com |
/// | RRN | 9001011234567 | 900101-1****** |
/// | address | 서울특별시 중구 세종대로 110 | 서울특별시 중구 *** |
///
/// Masks never reveal more than the rules say even for malformed input: what cannot be parsed is masked generically.
public enum PersonalDataMasker {
    /// Masks a name. A one-word name (most Korean names) keeps its first and last characters when it has three or
    /// more (`홍길동` → `홍*동`, `남궁민수` → `남**수`), its first when it has two (`김수` → `김*`), and nothing when it
    /// has one (`이` → `*`). A name of several words keeps the first letter of each word (`John Smith` → `J*** S****`).
    /// The name is normalised first (NFC, white space collapsed).
    public static func maskName(_ name: String) -> String {
        let words = NameNormalizer.normalize(name).split(separator: " ")
        guard words.count > 1 else {
            guard let word = words.first else { return "" }
            switch word.count {
            case 1: return "*"
            case 2: return word.prefix(1) + "*"
            default: return word.prefix(1) + stars(word.count - 2) + word.suffix(1)
            }
        }
        return words.map { $0.prefix(1) + stars($0.count - 1) }.joined(separator: " ")
    }

    /// Masks a phone number. A Korean number in any form is shown in national format with its middle group hidden
    /// (`+821012345678` → `010-****-5678`, `+8221234567` → `02-***-4567`; a representative number hides its first
    /// group: `****-1234`). Anything else keeps its last four digits or letters and hides the others, keeping
    /// punctuation (`+1 415-555-0100` → `+* ***-***-0100`); a value of four or fewer is hidden entirely.
    public static func maskPhone(e164OrAny value: String) -> String {
        guard let phone = try? PhoneNormalizer.normalize(value) else { return maskKeepingLastFour(value) }
        var groups = phone.nationalFormat.split(separator: "-").map(String.init)
        let hidden = groups.count >= 3 ? 1..<(groups.count - 1) : 0..<(groups.count - 1)
        for index in hidden { groups[index] = stars(groups[index].count) }
        return groups.joined(separator: "-")
    }

    /// Masks an e-mail address, keeping the domain: the first two characters of the local part stay when it has three
    /// or more, only the first when it has one or two, followed by a fixed `***` that hides the length
    /// (`hong@example.com` → `ho***@example.com`, `a@x.com` → `a***@x.com`).
    public static func maskEmail(_ email: String) -> String {
        let text = IdentifierText.trimmed(email)
        guard let at = text.lastIndex(of: "@") else { return maskPrefix(text) }
        return maskPrefix(String(text[..<at])) + text[at...]
    }

    /// Masks a resident registration number, keeping the birth date and the seventh (century and sex) digit:
    /// `"9001011234567"` or `"900101-1234567"` → `"900101-1******"`. Anything that is not 13 digits has every digit
    /// hidden.
    public static func maskRRN(_ rrn: String) -> String {
        let text = IdentifierText.trimmed(rrn)
        guard let digits = IdentifierText.digitsRemovingSeparators(text), digits.count == 13 else {
            return String(text.map { IdentifierText.isDigitSeparator($0) ? $0 : "*" })
        }
        return digits.prefix(6) + "-" + digits.dropFirst(6).prefix(1) + stars(6)
    }

    /// Masks a postal address, keeping the first two words — the province or city and the district, which identify
    /// no one — and replacing the rest with `***`: `서울특별시 중구 세종대로 110` → `서울특별시 중구 ***`.
    public static func maskAddress(_ address: String) -> String {
        let words = NameNormalizer.normalize(address).split(separator: " ")
        guard words.count > 2 else { return words.joined(separator: " ") }
        return words.prefix(2).joined(separator: " ") + " ***"
    }

    /// Masks a value of the given identifier type: personal types (``IdentifierType/isPersonalData``) are masked with
    /// the rule for their kind, the others are returned unchanged. Login IDs keep their first one or two characters
    /// (like an e-mail's local part), SNS URLs keep the host and the first character of the path
    /// (`https://instagram.com/d***`), a name with birth date keeps the masked name and the year
    /// (`홍*동|1990-**-**`), and a name with address the masked name and the masked address.
    public static func mask(_ normalizedValue: String, type: IdentifierType) -> String {
        switch type {
        case .email:
            return maskEmail(normalizedValue)
        case .mobilePhone, .otherPhone:
            return maskPhone(e164OrAny: normalizedValue)
        case .residentRegistrationNumber:
            return maskRRN(normalizedValue)
        case .loginID:
            return maskPrefix(normalizedValue)
        case .snsURL:
            return maskURLPath(normalizedValue)
        case .nameBirthDate:
            let (name, date) = splitAtBar(normalizedValue)
            guard let date else { return maskName(name) }
            let isISODate = date.count == 10 && date.prefix(4).allSatisfy(\.isNumber)
            return maskName(name) + "|" + (isISODate ? date.prefix(4) + "-**-**" : stars(date.count))
        case .nameAddress:
            let (name, address) = splitAtBar(normalizedValue)
            guard let address else { return maskName(name) }
            return maskName(name) + "|" + maskAddress(address)
        case .customerNumber, .deviceID, .businessRegistrationNumber, .corporateRegistrationNumber, .webDomain:
            return normalizedValue
        }
    }

    // MARK: - Building blocks

    private static func stars(_ count: Int) -> String { String(repeating: "*", count: max(0, count)) }

    /// Keeps the first two characters of a value of three or more, the first of a shorter one, then `***`.
    private static func maskPrefix(_ value: String) -> String {
        guard !value.isEmpty else { return "***" }
        return value.prefix(value.count >= 3 ? 2 : 1) + "***"
    }

    /// Hides every letter and digit except the last four, keeping punctuation and spaces.
    private static func maskKeepingLastFour(_ value: String) -> String {
        let text = IdentifierText.trimmed(value)
        let significantCount = text.filter { $0.isLetter || $0.isNumber }.count
        var toHide = significantCount > 4 ? significantCount - 4 : significantCount
        return String(text.map { character -> Character in
            guard character.isLetter || character.isNumber, toHide > 0 else { return character }
            toHide -= 1
            return "*"
        })
    }

    /// `https://host/path…` → `https://host/p***`; a URL without a path is returned unchanged.
    private static func maskURLPath(_ url: String) -> String {
        let afterScheme = url.firstRange(of: "://")?.upperBound ?? url.startIndex
        guard let slash = url[afterScheme...].firstIndex(where: { $0 == "/" || $0 == "?" }) else { return url }
        let rest = url[url.index(after: slash)...]
        guard let first = rest.first else { return url }
        return url[...slash] + String(first) + "***"
    }

    private static func splitAtBar(_ value: String) -> (String, String?) {
        let parts = value.split(separator: "|", maxSplits: 1, omittingEmptySubsequences: false)
        return (String(parts[0]), parts.count > 1 ? String(parts[1]) : nil)
    }
}
