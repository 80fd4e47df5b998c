/// 한글 자모 decomposition: a precomposed Hangul syllable (U+AC00–U+D7A3) is an initial consonant (초성), a vowel (중성)
/// and an optional final consonant (종성). Comparing names letter by letter in jamo makes a one-key typo a small
/// difference — 김민준 and 김민쥰 differ in one vowel (ㅜ/ㅠ) of nine jamo — where a syllable-level comparison would
/// see a whole character wrong.
///
/// ```swift
/// HangulJamo.decompose("김민준")  // ᄀ ᅵ ᆷ ᄆ ᅵ ᆫ ᄌ ᅮ ᆫ as conjoining-jamo code units
/// HangulJamo.initialConsonants("김민준")  // "ㄱㅁㅈ"
/// ```
public enum HangulJamo {
    /// The first and last precomposed syllables.
    static let firstSyllable: UInt32 = 0xAC00
    static let lastSyllable: UInt32 = 0xD7A3

    /// The 19 initial consonants in syllable order, as compatibility jamo (the letters people type: ㄱ, ㄲ, ㄴ…).
    static let initialLetters: [Character] = [
        "ㄱ", "ㄲ", "ㄴ", "ㄷ", "ㄸ", "ㄹ", "ㅁ", "ㅂ", "ㅃ", "ㅅ", "ㅆ", "ㅇ", "ㅈ", "ㅉ", "ㅊ", "ㅋ", "ㅌ", "ㅍ", "ㅎ",
    ]

    /// Whether a scalar is a precomposed Hangul syllable.
    public static func isSyllable(_ scalar: Unicode.Scalar) -> Bool {
        (firstSyllable...lastSyllable).contains(scalar.value)
    }

    /// The comparison units of a name: Hangul syllables become their two or three conjoining jamo (U+1100…, U+1161…,
    /// U+11A8…), letters are lowercased, white space is dropped (so 김 민준 and 김민준 are equal), other scalars kept.
    /// Scalars outside the Basic Multilingual Plane become U+FFFD.
    public static func decompose(_ text: String) -> [UInt16] {
        var units: [UInt16] = []
        units.reserveCapacity(text.unicodeScalars.count * 3)
        append(text, to: &units)
        return units
    }

    /// Appends the comparison units of `text` (see ``decompose(_:)``) to `units`.
    static func append(_ text: String, to units: inout [UInt16]) {
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if value >= firstSyllable && value <= lastSyllable {
                let index = value - firstSyllable
                units.append(UInt16(0x1100 + index / 588))
                units.append(UInt16(0x1161 + (index % 588) / 28))
                let final = index % 28
                if final > 0 { units.append(UInt16(0x11A7 + final)) }
            } else if scalar.properties.isWhitespace {
                continue
            } else if value < 0x80 {
                units.append(UInt16(value >= 65 && value <= 90 ? value + 32 : value))
            } else if value <= 0xFFFF {
                let lowered = scalar.properties.lowercaseMapping.unicodeScalars
                units.append(lowered.count == 1 ? UInt16(truncatingIfNeeded: lowered.first!.value) : UInt16(value))
            } else {
                units.append(0xFFFD)
            }
        }
    }

    /// The 초성 of every syllable as compatibility jamo, and the lowercased first letter of every non-Hangul word:
    /// `"김민준"` → `"ㄱㅁㅈ"`, `"Robert Smith"` → `"rs"`. Used as a blocking key, since typos rarely hit initials.
    public static func initialConsonants(_ text: String) -> String {
        var result = ""
        var atWordStart = true
        for scalar in text.unicodeScalars {
            if isSyllable(scalar) {
                result.append(initialLetters[Int((scalar.value - firstSyllable) / 588)])
                atWordStart = false
            } else if scalar.properties.isWhitespace {
                atWordStart = true
            } else {
                if atWordStart, scalar.properties.isAlphabetic {
                    result.unicodeScalars.append(contentsOf: scalar.properties.lowercaseMapping.unicodeScalars)
                }
                atWordStart = false
            }
        }
        return result
    }
}
