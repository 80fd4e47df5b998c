@testable import DangolCore
import Testing

@Suite("Trimming text")
struct TextTrimmingTests {
    @Test("White space of every kind goes from both ends; inner spaces stay; clean ASCII comes back unchanged", arguments: [
        ("abc", "abc"), ("  abc ", "abc"), ("\tS123\r\n", "S123"), ("a b", "a b"), ("", ""), ("   ", ""),
        ("\u{3000}홍길동\u{3000}", "홍길동"), ("\u{00A0}010-1234-5678", "010-1234-5678"), ("강남점", "강남점"), ("café ", "café"),
        ("x\u{2003}", "x"), ("\u{2028}강남점\u{0085}", "강남점"), ("강남\u{3000}", "강남"), ("\u{FEFF}강남", "\u{FEFF}강남"),
    ])
    func trims(input: String, expected: String) {
        #expect(input.trimmingWhitespace() == expected)
    }

    @Test("The fast white-space test agrees with Unicode's White_Space property on every scalar")
    func whiteSpaceMatchesUnicode() {
        var disagreements: [UInt32] = []
        for value in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            if scalar.isWhiteSpace != scalar.properties.isWhitespace { disagreements.append(value) }
        }
        #expect(disagreements.isEmpty)
    }

    @Test("Identifier values also lose zero-width spaces and byte-order marks at the ends", arguments: [
        ("\u{200B}hong@example.com", "hong@example.com"), ("hong@example.com\u{FEFF}", "hong@example.com"), (" 010 ", "010"),
        ("plain", "plain"), ("\u{200B}", ""),
    ])
    func trimsIdentifierText(input: String, expected: String) {
        #expect(IdentifierText.trimmed(input) == expected)
    }

    @Test("Collapsing white space: runs become one space, ends go, decomposed Hangul is composed — and clean text is returned as is",
          arguments: [
        ("홍길동", "홍길동"), ("홍  길동", "홍 길동"), (" Kim  Min-jun ", "Kim Min-jun"), ("\u{1112}\u{1169}\u{11BC}", "홍"),
        ("서울시 강남구\t테헤란로", "서울시 강남구 테헤란로"), ("José", "José"), ("Jose\u{0301}", "José"), ("", ""), ("a\u{3000}b", "a b"),
    ])
    func collapses(input: String, expected: String) {
        #expect(IdentifierText.collapsingWhitespace(input) == expected)
    }

    @Test("The fast path takes only text that is already collapsed and composed", arguments: [
        ("홍 길동", true), ("Kim Min-jun", true), ("홍  길동", false), (" a", false), ("a ", false), ("", false), ("José", false),
        ("\u{1112}\u{1169}\u{11BC}", false), ("a\tb", false),
    ])
    func fastPath(input: String, taken: Bool) {
        #expect(IdentifierText.isCollapsedAndComposed(input) == taken)
    }
}
