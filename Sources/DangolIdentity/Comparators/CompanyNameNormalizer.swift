/// Reduces an organisation's name to the part that identifies it, so that 주식회사 한빛테크, (주)한빛테크, ㈜한빛테크,
/// 한빛테크 주식회사 and 한빛테크 Co., Ltd. compare equal: legal-form words (주식회사, 유한회사, 합자회사, 사단법인,
/// 재단법인, (주), (유), (사), (재), ㈜, Co., Ltd., Inc., Corp., LLC, Limited, Corporation) are removed, then case,
/// punctuation and white space.
///
/// ```swift
/// CompanyNameNormalizer.key("㈜ 한빛 테크")            // "한빛테크"
/// CompanyNameNormalizer.key("Blue Ocean Co., Ltd.")  // "blueocean"
/// ```
public enum CompanyNameNormalizer {
    /// The comparison key of a company name; empty when nothing but a legal form is left.
    public static func key(_ name: String) -> String {
        var text = name.lowercased()
        for marker in embeddedForms { text = text.replacingAll(marker, with: " ") }
        var words: [Substring] = []
        for word in text.split(whereSeparator: { $0.isWhitespace || $0 == "," || $0 == "." || $0 == "(" || $0 == ")" }) {
            if !latinForms.contains(String(word)) { words.append(word) }
        }
        var key = ""
        for word in words {
            for character in word where character.isLetter || character.isNumber || character == "&" {
                key.append(character)
            }
        }
        return key
    }

    /// Korean legal forms and their abbreviations, removed wherever they appear (longest first).
    static let embeddedForms = [
        "주식회사", "유한회사", "유한책임회사", "합자회사", "합명회사", "사단법인", "재단법인",
        "(주)", "( 주 )", "(유)", "(사)", "(재)", "㈜", "㈐",
    ]

    /// Latin-script legal-form words, removed when they stand as a whole word.
    static let latinForms: Set<String> = [
        "co", "ltd", "inc", "corp", "corporation", "llc", "limited", "incorporated", "company", "gmbh", "plc",
    ]
}

extension String {
    /// Every occurrence of `target` replaced (no Foundation needed in this pure module).
    func replacingAll(_ target: String, with replacement: String) -> String {
        guard !target.isEmpty, contains(target) else { return self }
        var result = ""
        var rest = self[...]
        while let range = rest.firstRange(of: target) {
            result += rest[..<range.lowerBound]
            result += replacement
            rest = rest[range.upperBound...]
        }
        result += rest
        return result
    }
}
