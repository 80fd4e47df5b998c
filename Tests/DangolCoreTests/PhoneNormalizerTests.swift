import DangolCore
import Testing

@Suite("Phone normalisation")
struct PhoneNormalizerTests {
    @Test("Every common way of writing a mobile number normalises to E.164", arguments: [
        "010-1234-5678",
        "01012345678",
        "010 1234 5678",
        "010.1234.5678",
        "+82 10-1234-5678",
        "+82-10-1234-5678",
        "+8201012345678",
        "+82 (0)10 1234 5678",
        "(+82) 10-1234-5678",
        "82-010-1234-5678",
        "821012345678",
        "0082-10-1234-5678",
        "(010)1234-5678",
        "1012345678", // the leading 0 dropped by a spreadsheet
        "  010-1234-5678\t",
        "０１０－１２３４－５６７８", // full-width digits and hyphens from a Korean IME
        "010–1234–5678", // en dashes from a word processor
    ])
    func mobileForms(raw: String) throws {
        let phone = try PhoneNormalizer.normalize(raw)
        #expect(phone.e164 == "+821012345678")
        #expect(phone.isMobile)
        #expect(!phone.isLegacyMobilePrefix)
        #expect(phone.lineType == .mobile)
        #expect(phone.nationalFormat == "010-1234-5678")
        #expect(phone.lastFour == "5678")
    }

    @Test("Landline, internet, toll-free, personal and representative numbers normalise to E.164", arguments: [
        ("02-123-4567", "+8221234567", PhoneNumber.LineType.landline),
        ("02-1234-5678", "+82212345678", .landline),
        ("(02) 1234-5678", "+82212345678", .landline),
        ("+82 2 1234 5678", "+82212345678", .landline),
        ("8221234567", "+8221234567", .landline),
        ("031-123-4567", "+82311234567", .landline),
        ("031-1234-5678", "+823112345678", .landline),
        ("032.345.6789", "+82323456789", .landline),
        ("051 1234 5678", "+825112345678", .landline),
        ("064-712-3456", "+82647123456", .landline),
        ("070-1234-5678", "+827012345678", .internet),
        ("080-123-4567", "+82801234567", .tollFree),
        ("0505-123-4567", "+825051234567", .personal),
        ("1588-1234", "+8215881234", .representative),
        ("15881234", "+8215881234", .representative),
        ("+82 1588 1234", "+8215881234", .representative),
        ("1644-5678", "+8216445678", .representative),
        ("1800-1234", "+8218001234", .representative),
    ])
    func otherLines(raw: String, e164: String, lineType: PhoneNumber.LineType) throws {
        let phone = try PhoneNormalizer.normalize(raw)
        #expect(phone.e164 == e164)
        #expect(phone.lineType == lineType)
        #expect(!phone.isMobile)
        #expect(!phone.isLegacyMobilePrefix)
    }

    @Test("Legacy mobile prefixes 011/016/017/018/019 are accepted and flagged", arguments: [
        ("011-123-4567", "+82111234567"),
        ("011-1234-5678", "+821112345678"),
        ("016-1234-5678", "+821612345678"),
        ("017-123-4567", "+82171234567"),
        ("018-234-5678", "+82182345678"),
        ("019-9876-5432", "+821998765432"),
        ("+82 11 123 4567", "+82111234567"),
        ("111234567", "+82111234567"), // 011 with the leading 0 lost
        ("1612345678", "+821612345678"), // 016 with the leading 0 lost
    ])
    func legacyPrefixes(raw: String, e164: String) throws {
        let phone = try PhoneNormalizer.normalize(raw)
        #expect(phone.e164 == e164)
        #expect(phone.isMobile)
        #expect(phone.isLegacyMobilePrefix)
    }

    @Test("National format groups digits as written in Korea", arguments: [
        ("+821012345678", "010-1234-5678"),
        ("+82111234567", "011-123-4567"),
        ("+821612345678", "016-1234-5678"),
        ("+8221234567", "02-123-4567"),
        ("+82212345678", "02-1234-5678"),
        ("+82311234567", "031-123-4567"),
        ("+823112345678", "031-1234-5678"),
        ("+827012345678", "070-1234-5678"),
        ("+82801234567", "080-123-4567"),
        ("+825051234567", "0505-123-4567"),
        ("+8215881234", "1588-1234"),
    ])
    func nationalFormat(e164: String, expected: String) throws {
        let phone = try PhoneNormalizer.normalize(e164)
        #expect(phone.e164 == e164)
        #expect(phone.nationalFormat == expected)
        #expect(phone.lastFour == String(e164.suffix(4)))
    }

    @Test("Malformed phone numbers are rejected with a specific code", arguments: [
        ("", "empty"),
        ("   ", "empty"),
        ("abc-1234-5678", "phone.invalid_characters"),
        ("010-1234-567O", "phone.invalid_characters"), // letter O, not zero
        ("010-1234-5678 ext 12", "phone.invalid_characters"),
        ("010-12+34-5678", "phone.invalid_characters"),
        ("++82 10 1234 5678", "phone.invalid_characters"),
        ("010/1234/5678", "phone.invalid_characters"),
        ("010-1234-567", "phone.too_short"),
        ("010-123-4567", "phone.too_short"), // 010 numbers always have 11 digits
        ("101234567", "phone.too_short"), // a lost-zero 010 number missing a digit
        ("02-12-345", "phone.too_short"),
        ("031-12-3456", "phone.too_short"),
        ("070-123-4567", "phone.too_short"),
        ("1588-123", "phone.too_short"),
        ("010-1234-56789", "phone.too_long"),
        ("02-12345-6789", "phone.too_long"),
        ("1234567890123456789", "phone.too_long"),
        ("060-123-4567", "phone.unknown_prefix"),
        ("012-345-6789", "phone.unknown_prefix"),
        ("21234567", "phone.unknown_prefix"), // a landline without its 0: ambiguous, not repaired
        ("015-8812-34", "phone.unknown_prefix"), // representative numbers have no 0
        ("+1 415 555 0100", "phone.unsupported_country"),
        ("+81 3-1234-5678", "phone.unsupported_country"),
        ("001-1-415-555-0100", "phone.unsupported_country"),
    ])
    func rejected(raw: String, code: String) {
        let error = #expect(throws: NormalizationError.self) { try PhoneNormalizer.normalize(raw) }
        #expect(error?.code == code)
        if !raw.allSatisfy(\.isWhitespace) {
            #expect(error?.message.contains(raw) == false)
        }
    }

    @Test("PhoneNumber's throwing initialiser is the normaliser")
    func initialiser() throws {
        #expect(try PhoneNumber("010-1234-5678") == PhoneNormalizer.normalize("+821012345678"))
        #expect(throws: NormalizationError.self) { try PhoneNumber("hello") }
    }

    @Test("Normalising an E.164 value again gives the same number")
    func idempotent() throws {
        for raw in ["010-1234-5678", "02-123-4567", "1588-1234", "011-123-4567", "0505-123-4567"] {
            let once = try PhoneNormalizer.normalize(raw)
            #expect(try PhoneNormalizer.normalize(once.e164) == once)
            #expect(try PhoneNormalizer.normalize(once.nationalFormat) == once)
        }
    }
}
