/// One-jamo typos in Hangul text, as a slip on a 두벌식 keyboard makes them: a vowel swapped for its neighbour
/// (ㅜ/ㅠ, ㅓ/ㅕ, ㅗ/ㅛ, ㅏ/ㅑ, ㅐ/ㅔ, ㅡ/ㅜ, ㅣ/ㅢ) or a final consonant added, dropped or changed (ㄴ/ㅇ).
/// 김민준 → 김민쥰.
enum HangulTypo {
    /// Vowel index (in syllable order) → its typo partner.
    static let vowelPartners: [Int: Int] = [0: 2, 2: 0, 4: 6, 6: 4, 8: 12, 12: 8, 13: 17, 17: 13, 1: 5, 5: 1, 18: 13, 20: 19, 19: 20]
    /// Final consonant index → its typo partner (0 = none).
    static let finalPartners: [Int: Int] = [0: 4, 4: 21, 21: 4, 16: 4, 8: 0, 1: 0, 17: 16]

    /// `text` with one jamo of one syllable changed (unchanged when it has no Hangul syllable).
    static func apply(to text: String, random: inout SplitMix64) -> String {
        var scalars = Array(text.unicodeScalars)
        let syllables = scalars.indices.filter { HangulJamo.isSyllable(scalars[$0]) }
        guard !syllables.isEmpty else { return text }
        let position = random.pick(syllables)
        let index = Int(scalars[position].value - HangulJamo.firstSyllable)
        let initial = index / 588
        var vowel = (index % 588) / 28
        var final = index % 28
        if random.chance(0.6), let partner = vowelPartners[vowel] {
            vowel = partner
        } else if let partner = finalPartners[final] {
            final = partner
        } else {
            final = 0
        }
        scalars[position] = Unicode.Scalar(HangulJamo.firstSyllable + UInt32((initial * 21 + vowel) * 28 + final))!
        var result = ""
        result.unicodeScalars.append(contentsOf: scalars)
        return result
    }
}
