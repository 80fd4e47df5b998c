import Foundation

/// Text clean-up shared by the identifier normalisers: trimming, white-space collapsing, NFC and digit extraction.
/// Internal on purpose: callers go through the normalisers, which decide what each type tolerates.
enum IdentifierText {
    /// White space in the Unicode sense (tabs, new lines, NBSP, U+3000 ideographic space…) plus the invisible
    /// characters that copy and paste leave behind: zero-width space and the byte-order mark.
    static func isSpaceLike(_ character: Character) -> Bool {
        character.isWhitespace || character == "\u{200B}" || character == "\u{FEFF}"
    }

    /// `text` without leading and trailing space-like characters.
    static func trimmed(_ text: String) -> String {
        if let first = text.utf8.first, let last = text.utf8.last, first.isASCIIVisible, last.isASCIIVisible { return text }
        guard let start = text.firstIndex(where: { !isSpaceLike($0) }),
              let end = text.lastIndex(where: { !isSpaceLike($0) }) else { return "" }
        return String(text[start...end])
    }

    /// `text` in Unicode Normalization Form C, so that decomposed Hangul jamo (as typed on some systems) equals the
    /// precomposed syllables.
    static func nfc(_ text: String) -> String {
        text.precomposedStringWithCanonicalMapping
    }

    /// `text` in NFC, with every run of space-like characters replaced by one ASCII space, trimmed.
    static func collapsingWhitespace(_ text: String) -> String {
        if isCollapsedAndComposed(text) { return text }
        var result = ""
        var pendingSpace = false
        for character in nfc(text) {
            if isSpaceLike(character) {
                pendingSpace = !result.isEmpty
            } else {
                if pendingSpace { result.append(" ") }
                pendingSpace = false
                result.append(character)
            }
        }
        return result
    }

    /// Whether `text` is already what `collapsingWhitespace` makes of it, decided from its scalars alone: visible
    /// ASCII and precomposed Hangul syllables (which NFC leaves as they are) with single inner spaces. Most names
    /// and addresses are; they skip the NFC pass and the rebuild.
    static func isCollapsedAndComposed(_ text: String) -> Bool {
        var afterSpace = true
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x20:
                if afterSpace { return false }
                afterSpace = true
            case 0x21...0x7E, 0xAC00...0xD7A3:
                afterSpace = false
            default:
                return false
            }
        }
        return !afterSpace
    }

    /// The ASCII digit for an ASCII or full-width (U+FF10–U+FF19) digit, nil for anything else.
    static func asciiDigit(_ character: Character) -> Character? {
        guard character.unicodeScalars.count == 1, let scalar = character.unicodeScalars.first else { return nil }
        switch scalar.value {
        case 0x30...0x39: return character
        case 0xFF10...0xFF19: return Character(Unicode.Scalar(scalar.value - 0xFF10 + 0x30)!)
        default: return nil
        }
    }

    /// Hyphens and dashes people and spreadsheets put between digit groups, including the full-width hyphen-minus.
    static func isDigitSeparator(_ character: Character) -> Bool {
        switch character {
        case "-", "\u{2010}", "\u{2011}", "\u{2012}", "\u{2013}", "\u{2014}", "\u{2212}", "\u{FF0D}", ".": true
        default: isSpaceLike(character)
        }
    }

    /// The ASCII digits of `text` with digit-group separators removed, or nil if anything else is present.
    static func digitsRemovingSeparators(_ text: String) -> String? {
        var digits = ""
        for character in text {
            if let digit = asciiDigit(character) {
                digits.append(digit)
            } else if !isDigitSeparator(character) {
                return nil
            }
        }
        return digits
    }

    /// Whether `text` contains a control character (Unicode general category Cc: NUL, tab, new line, DEL…).
    static func containsControlCharacter(_ text: String) -> Bool {
        text.unicodeScalars.contains { $0.properties.generalCategory == .control }
    }

    /// The digit values of an all-ASCII-digit string.
    static func digitValues(_ digits: String) -> [Int] {
        digits.utf8.map { Int($0) - 48 }
    }

    /// Whether `text` is non-empty and made only of ASCII digits.
    static func isAllASCIIDigits(_ text: String) -> Bool {
        !text.isEmpty && text.utf8.allSatisfy { (48...57).contains($0) }
    }
}
