/// Normalises people's and organisations' names so that the same name typed on different systems compares equal.
///
/// `normalize` applies Unicode NFC (decomposed Hangul jamo, as some systems produce, becomes precomposed syllables),
/// turns every run of white space — tabs, new lines, NBSP, U+3000 ideographic space, zero-width space — into one
/// space, and trims. `matchKey` also lowercases and removes the spaces, because "홍 길동" and "홍길동" or
/// "John  SMITH" and "john smith" are the same name for matching.
public enum NameNormalizer {
    /// The name in NFC with white space collapsed and trimmed. Returns `""` for blank input; use ``PersonName`` when
    /// blank must be an error.
    ///
    /// ```swift
    /// NameNormalizer.normalize(" 홍\u{3000}길동\t")  // "홍 길동"
    /// ```
    public static func normalize(_ raw: String) -> String {
        IdentifierText.collapsingWhitespace(raw)
    }

    /// The key for comparing names: normalised, lowercased, without spaces.
    ///
    /// ```swift
    /// NameNormalizer.matchKey("홍 길동")       // "홍길동"
    /// NameNormalizer.matchKey("John  SMITH")  // "johnsmith"
    /// ```
    public static func matchKey(_ raw: String) -> String {
        String(normalize(raw).lowercased().filter { $0 != " " })
    }
}
