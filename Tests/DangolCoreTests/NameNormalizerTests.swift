import DangolCore
import Foundation
import Testing

@Suite("Name normalisation")
struct NameNormalizerTests {
    @Test("White space of every kind collapses to one space and is trimmed", arguments: [
        (" 홍길동 ", "홍길동"),
        ("홍\u{3000}길동", "홍 길동"), // ideographic space
        ("김\u{00A0}\u{00A0}철수", "김 철수"), // no-break spaces
        ("John \t  Smith\n", "John Smith"),
        ("\u{200B}이영희\u{FEFF}", "이영희"), // zero-width space and byte-order mark from copy and paste
        ("주식회사   단골\r\n", "주식회사 단골"),
        ("남궁민수", "남궁민수"),
    ])
    func collapsesWhitespace(raw: String, expected: String) {
        #expect(NameNormalizer.normalize(raw) == expected)
    }

    @Test("Decomposed Hangul jamo is stored as precomposed syllables (NFC)")
    func nfc() {
        // 홍길동 as conjoining jamo: ᄒ ᅩ ᆼ ᄀ ᅵ ᆯ ᄃ ᅩ ᆼ, as produced by some macOS file and clipboard paths.
        let decomposed = "\u{1112}\u{1169}\u{11BC}\u{1100}\u{1175}\u{11AF}\u{1103}\u{1169}\u{11BC}"
        let normalized = NameNormalizer.normalize(decomposed)
        // Swift's == already treats canonically equivalent strings as equal, so compare the stored bytes.
        #expect(Array(normalized.utf8) == Array("홍길동".utf8))
        #expect(normalized.unicodeScalars.count == 3)
        #expect(Array(NameNormalizer.matchKey(decomposed).utf8) == Array(NameNormalizer.matchKey("홍길동").utf8))
    }

    @Test("Latin letters with combining accents are composed too")
    func nfcLatin() {
        #expect(Array(NameNormalizer.normalize("Jose\u{0301}").utf8) == Array("José".precomposedStringWithCanonicalMapping.utf8))
    }

    @Test("The match key is lowercased and ignores spaces", arguments: [
        ("홍 길동", "홍길동"),
        ("홍길동", "홍길동"),
        ("John  SMITH", "johnsmith"),
        ("  Kim\u{3000}Min-Su ", "kimmin-su"),
    ])
    func matchKey(raw: String, expected: String) {
        #expect(NameNormalizer.matchKey(raw) == expected)
    }

    @Test("Blank names normalise to the empty string")
    func blank() {
        #expect(NameNormalizer.normalize(" \u{3000}\t ").isEmpty)
        #expect(NameNormalizer.matchKey("").isEmpty)
    }

    @Test("PersonName rejects blank names and keeps the normalised value")
    func personName() throws {
        let name = try PersonName("  홍\u{3000}길동 ")
        #expect(name.value == "홍 길동")
        #expect(name.matchKey == "홍길동")
        let error = #expect(throws: NormalizationError.self) { try PersonName(" \t ") }
        #expect(error?.code == "empty")
    }

    @Test("PersonName encodes as a plain string and normalises what it decodes")
    func personNameCodable() throws {
        let data = try JSONEncoder().encode(try PersonName("홍길동"))
        #expect(String(decoding: data, as: UTF8.self) == "\"홍길동\"")
        let decoded = try JSONDecoder().decode(PersonName.self, from: Data("\" 홍  길동 \"".utf8))
        #expect(decoded.value == "홍 길동")
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(PersonName.self, from: Data("\"  \"".utf8)) }
    }
}
