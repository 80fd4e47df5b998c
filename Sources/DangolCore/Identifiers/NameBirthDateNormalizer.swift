/// Normalises the weak identifier "name with birth date" (이름+생년월일), raw `"홍길동|1990-01-01"`, into
/// `"홍길동|1990-01-01"`: the name's match key (``NameNormalizer/matchKey(_:)``), a bar, the date as `YYYY-MM-DD`.
///
/// The date may be written `1990-01-01`, `19900101`, `1990.01.01`, `1990. 1. 1.`, `1990/1/1` or `1990년 1월 1일`; it
/// must be a real date with a year from 1800 to 2999. Error codes: `empty`, `name_birth_date.format`,
/// `name_birth_date.empty_name`, `name_birth_date.bad_date`.
public enum NameBirthDateNormalizer {
    /// Normalises one `name|date` value.
    public static func normalize(_ raw: String) throws(NormalizationError) -> String {
        let text = IdentifierText.trimmed(raw)
        guard !text.isEmpty else { throw .empty }
        let parts = text.split(separator: "|", omittingEmptySubsequences: false)
        guard parts.count == 2 else {
            throw NormalizationError(
                code: "name_birth_date.format",
                message: "Expected a name and a birth date separated by a bar: name|YYYY-MM-DD."
            )
        }
        let name = NameNormalizer.matchKey(String(parts[0]))
        guard !name.isEmpty else {
            throw NormalizationError(code: "name_birth_date.empty_name", message: "The name before the bar is empty.")
        }
        guard let date = parseDate(String(parts[1])) else {
            throw NormalizationError(
                code: "name_birth_date.bad_date",
                message: "The birth date must be a real date written YYYY-MM-DD, YYYYMMDD or YYYY.MM.DD."
            )
        }
        return name + "|" + date.iso8601
    }

    /// Parses a birth date on its own in the spellings ``normalize(_:)`` accepts (`1990-01-01`, `19900101`,
    /// `1990.01.01`, `1990. 1. 1.`, `1990/1/1`, `1990년 1월 1일`); nil if none fits or the date does not exist.
    ///
    /// ```swift
    /// NameBirthDateNormalizer.parseBirthDate("1990. 3. 7.")  // 1990-03-07
    /// ```
    public static func parseBirthDate(_ raw: String) -> CivilDate? {
        parseDate(raw)
    }

    /// Parses the accepted date spellings; nil if none fits or the date does not exist.
    static func parseDate(_ raw: String) -> CivilDate? {
        var text = String(raw.filter { !IdentifierText.isSpaceLike($0) })
        text = text.replacingKoreanDateUnits()
        while text.hasSuffix(".") { text.removeLast() }
        let fields: [Substring]
        if IdentifierText.isAllASCIIDigits(text) && text.count == 8 {
            fields = [text.prefix(4), text.dropFirst(4).prefix(2), text.suffix(2)]
        } else {
            fields = text.split(omittingEmptySubsequences: false) { $0 == "-" || $0 == "." || $0 == "/" }
        }
        guard fields.count == 3, fields[0].count == 4, (1...2).contains(fields[1].count), (1...2).contains(fields[2].count),
              fields.allSatisfy({ IdentifierText.isAllASCIIDigits(String($0)) }),
              let year = Int(fields[0]), let month = Int(fields[1]), let day = Int(fields[2]),
              (1800...2999).contains(year) else { return nil }
        return CivilDate(year: year, month: month, day: day)
    }
}

private extension String {
    /// `"1990년1월1일"` → `"1990-1-1"`.
    func replacingKoreanDateUnits() -> String {
        var result = ""
        for character in self {
            switch character {
            case "년", "월": result.append("-")
            case "일": break
            default: result.append(character)
            }
        }
        return result
    }
}
