import DangolCore
import Testing

@Suite("E-mail normalisation")
struct EmailNormalizerTests {
    @Test("Valid addresses keep the local part as typed and lowercase the domain", arguments: [
        ("hong@example.com", "hong@example.com", "hong@example.com"),
        ("Hong.Gil@Example.COM", "Hong.Gil@example.com", "hong.gil@example.com"),
        ("  hong@naver.com \n", "hong@naver.com", "hong@naver.com"),
        ("mailto:hong@daum.net", "hong@daum.net", "hong@daum.net"),
        ("user_name-1@mail.sub.example.kr", "user_name-1@mail.sub.example.kr", "user_name-1@mail.sub.example.kr"),
        ("o'brien@example.ie", "o'brien@example.ie", "o'brien@example.ie"),
        ("hong@단골.한국", "hong@단골.한국", "hong@단골.한국"),
        ("hong@xn--hq1bm8jm9l.xn--3e0b707e", "hong@xn--hq1bm8jm9l.xn--3e0b707e", "hong@xn--hq1bm8jm9l.xn--3e0b707e"),
    ])
    func valid(raw: String, normalized: String, matchKey: String) throws {
        let email = try EmailNormalizer.normalize(raw)
        #expect(email.normalized == normalized)
        #expect(email.matchKey == matchKey)
    }

    @Test("Gmail match keys ignore dots, +tags, case and the googlemail.com alias", arguments: [
        ("Hong.Gil+news@GoogleMail.com", "honggil@gmail.com"),
        ("hong.gil@gmail.com", "honggil@gmail.com"),
        ("h.o.n.g.g.i.l@gmail.com", "honggil@gmail.com"),
        ("HongGil+a+b@Gmail.com", "honggil@gmail.com"),
        ("honggil@googlemail.com", "honggil@gmail.com"),
    ])
    func gmailMatchKey(raw: String, matchKey: String) throws {
        let email = try EmailNormalizer.normalize(raw)
        #expect(email.matchKey == matchKey)
    }

    @Test("Other providers keep dots and +tags in the match key, only lowercased")
    func nonGmailKeepsDots() throws {
        let email = try EmailNormalizer.normalize("First.Last+Tag@Example.co.kr")
        #expect(email.normalized == "First.Last+Tag@example.co.kr")
        #expect(email.matchKey == "first.last+tag@example.co.kr")
        let dotted = try EmailNormalizer.normalize("hong.gil@naver.com")
        #expect(try dotted.matchKey != EmailNormalizer.normalize("honggil@naver.com").matchKey)
    }

    @Test("The Gmail display form is kept, only the match key is folded")
    func gmailNormalizedKeepsSpelling() throws {
        let email = try EmailNormalizer.normalize("Hong.Gil+news@GoogleMail.com")
        #expect(email.normalized == "Hong.Gil+news@googlemail.com")
        #expect(email.localPart == "Hong.Gil+news")
        #expect(email.domain == "googlemail.com")
    }

    @Test("Malformed addresses are rejected with a specific code", arguments: [
        ("", "empty"),
        ("  ", "empty"),
        ("hongexample.com", "email.missing_at"),
        ("hong@@example.com", "email.multiple_at"),
        ("hong@gil@example.com", "email.multiple_at"),
        ("@example.com", "email.empty_local_part"),
        ("hong@", "email.empty_domain"),
        ("hong gil@example.com", "email.contains_space"),
        ("hong@exam ple.com", "email.contains_space"),
        ("hong@localhost", "email.domain_without_dot"),
        ("홍길동@example.com", "email.invalid_characters"),
        ("hong(at)@example.com", "email.invalid_characters"),
        ("hong@exa_mple.com", "email.invalid_characters"),
        ("hong@example,com", "email.invalid_characters"),
        (".hong@example.com", "email.invalid_local_part"),
        ("hong.@example.com", "email.invalid_local_part"),
        ("hong..gil@example.com", "email.invalid_local_part"),
        ("hong@example..com", "email.invalid_domain"),
        ("hong@.example.com", "email.invalid_domain"),
        ("hong@example.com.", "email.invalid_domain"),
        ("hong@-example.com", "email.invalid_domain"),
        ("hong@example.123", "email.invalid_domain"),
        (String(repeating: "a", count: 65) + "@example.com", "email.too_long"),
    ])
    func rejected(raw: String, code: String) {
        let error = #expect(throws: NormalizationError.self) { try EmailNormalizer.normalize(raw) }
        #expect(error?.code == code)
        if !raw.allSatisfy(\.isWhitespace) {
            #expect(error?.message.contains(raw) == false)
        }
    }

    @Test("EmailAddress's throwing initialiser is the normaliser")
    func initialiser() throws {
        #expect(try EmailAddress("Hong@Example.com") == EmailNormalizer.normalize("Hong@example.COM"))
        #expect(throws: NormalizationError.self) { try EmailAddress("not an address") }
    }
}
