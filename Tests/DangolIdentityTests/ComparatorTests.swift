import DangolCore
@testable import DangolIdentity
import Testing

@Suite("Comparators")
struct ComparatorTests {
    @Test("Jaro–Winkler gives the published values", arguments: [
        ("MARTHA", "MARHTA", 0.961),
        ("DWAYNE", "DUANE", 0.840),
        ("DIXON", "DICKSONX", 0.813),
        ("JELLYFISH", "SMELLYFISH", 0.896),
        ("ABC", "ABC", 1.0),
        ("ABC", "XYZ", 0.0),
    ])
    func jaroWinkler(lhs: String, rhs: String, expected: Double) {
        #expect(abs(JaroWinkler.similarity(lhs, rhs) - expected) < 0.0005)
        #expect(abs(JaroWinkler.similarity(rhs, lhs) - expected) < 0.0005)
    }

    @Test("Hangul syllables decompose into initial, vowel and final jamo; spaces vanish")
    func jamoDecomposition() {
        // 김 = ᄀ ᅵ ᆷ, 민 = ᄆ ᅵ ᆫ, 준 = ᄌ ᅮ ᆫ
        #expect(HangulJamo.decompose("김민준") == [0x1100, 0x1175, 0x11B7, 0x1106, 0x1175, 0x11AB, 0x110C, 0x116E, 0x11AB])
        #expect(HangulJamo.decompose("김 민준") == HangulJamo.decompose("김민준"))
        #expect(HangulJamo.decompose("하나") == [0x1112, 0x1161, 0x1102, 0x1161])
        #expect(HangulJamo.decompose("Bob SMITH") == Array("bobsmith".utf16))
    }

    @Test("초성 keys take each syllable's initial and each Latin word's first letter", arguments: [
        ("김민준", "ㄱㅁㅈ"), ("남궁 민수", "ㄴㄱㅁㅅ"), ("Robert Smith", "rs"), ("", ""),
    ])
    func initialConsonants(name: String, expected: String) {
        #expect(HangulJamo.initialConsonants(name) == expected)
    }

    @Test("A one-jamo typo stays close in jamo but not in syllables")
    func jamoTypoIsClose() {
        let jamo = HangulJamo.decompose("김민준"), typo = HangulJamo.decompose("김민쥰")
        let onJamo = jamo.withUnsafeBufferPointer { a in typo.withUnsafeBufferPointer { b in JaroWinkler.similarity(a, b) } }
        #expect(onJamo >= 0.92)
        #expect(JaroWinkler.similarity("김민준", "김민쥰") < onJamo)
        #expect(jamo.withUnsafeBufferPointer { a in typo.withUnsafeBufferPointer { b in JaroWinkler.isWithinOneEdit(a, b) } })
    }

    @Test("Within one edit means one substitution, insertion or deletion", arguments: [
        ("kitten", "sitten", true), ("kitten", "kittens", true), ("kitten", "itten", true), ("kitten", "kitten", true),
        ("kitten", "sittin", false), ("kitten", "kit", false), ("ab", "ba", false),
    ])
    func oneEdit(lhs: String, rhs: String, expected: Bool) {
        let a = Array(lhs.utf16), b = Array(rhs.utf16)
        #expect(a.withUnsafeBufferPointer { a in b.withUnsafeBufferPointer { b in JaroWinkler.isWithinOneEdit(a, b) } } == expected)
    }

    @Test("English nicknames fold to the formal name", arguments: [
        ("bob", "robert"), ("kate", "katherine"), ("catherine", "katherine"), ("bill", "william"), ("liz", "elizabeth"),
        ("robert", "robert"),
    ])
    func nicknames(name: String, formal: String) {
        #expect(EnglishNicknames.canonical(name) == formal)
        #expect(EnglishNicknames.canonical("minjun") == nil)
    }

    @Test("Company names lose their legal form, spacing and case", arguments: [
        ("주식회사 한빛테크", "한빛테크"), ("(주)한빛테크", "한빛테크"), ("㈜한빛테크", "한빛테크"), ("㈜ 한빛 테크", "한빛테크"),
        ("한빛테크 주식회사", "한빛테크"), ("한빛테크(주)", "한빛테크"), ("유한회사 다온푸드", "다온푸드"),
        ("Blue Ocean Trading Co., Ltd.", "blueoceantrading"), ("Blue Ocean Trading Inc.", "blueoceantrading"),
        ("BLUE OCEAN TRADING CORP", "blueoceantrading"), ("Lincoln Labs", "lincolnlabs"),
    ])
    func companyNames(raw: String, key: String) {
        #expect(CompanyNameNormalizer.key(raw) == key)
    }

    @Test("Birth dates compare at five levels", arguments: [
        (19900307, 19900307, 0), (19900307, 19900703, 1), (19900307, 19900308, 2), (19900307, 19910307, 2),
        (19900307, 19901225, 3), (19900307, 19851225, 4), (19900311, 19900311, 0),
    ] as [(Int32, Int32, UInt8)])
    func birthDates(lhs: Int32, rhs: Int32, level: UInt8) {
        #expect(RecordFeatures.birthDateLevel(lhs, rhs) == level)
    }

    @Test("Addresses compare as token sets with the province spelling folded")
    func addresses() {
        #expect(AddressTokens.similarity("서울특별시 강남구 테헤란로 152", "서울 강남구 테헤란로 152") == 1)
        #expect(AddressTokens.similarity("서울시 강남구 테헤란로 152", "서울특별시 강남구 테헤란로 152 101동 1203호") == 0.8)
        #expect(AddressTokens.similarity("경기도 성남시 분당구 판교역로 10", "경기 성남시 분당구 판교역로 10") == 1)
        #expect(AddressTokens.similarity("서울 강남구 테헤란로 152", "부산 해운대구 해운대로 7") == 0)
    }

    @Test("Pairs get the field levels their values imply")
    func fieldLevels() {
        let base = IdentityRecord(id: "a", name: "김민준", birthDate: CivilDate(year: 1990, month: 3, day: 7),
                                  phones: ["+821012345678"], emailKeys: ["minjun@naver.com"],
                                  address: "서울 강남구 테헤란로 152", postcode: "06236")
        var other = base
        other.id = "b"
        other.name = "김 민쥰"
        other.birthDate = CivilDate(year: 1990, month: 7, day: 3)
        other.phones = ["+821112345678"]  // 011-1234-5678: same last 8 digits
        other.emailKeys = ["minjun1@naver.com"]
        other.address = "서울특별시 강남구 테헤란로 152"
        other.postcode = nil
        let levels = Dictionary(uniqueKeysWithValues: IdentityResolver.explain(base, other, models: .starting).fields.map {
            ($0.field, $0.level)
        })
        #expect(levels[.name] == "one_typo")
        #expect(levels[.birthDate] == "day_month_swapped")
        #expect(levels[.phone] == "same_last_8_digits")
        #expect(levels[.email] == "similar_local_part")
        #expect(levels[.address] == "same")
        #expect(levels[.postcode] == "missing")
        #expect(levels[.businessRegistrationNumber] == "missing")
    }

    @Test("Nicknames and spacing variants reach their own levels")
    func nameLevels() {
        func level(_ a: String, _ b: String) -> String? {
            IdentityResolver.explain(IdentityRecord(id: "1", name: a), IdentityRecord(id: "2", name: b), models: .starting)
                .fields.first { $0.field == .name }?.level
        }
        #expect(level("Robert Smith", "Bob Smith") == "nickname")
        #expect(level("Katherine Lee", "Kate Lee") == "nickname")
        #expect(level("김민준", "김 민준") == "exact")
        #expect(level("김민준", "박서연") == "different")
        #expect(level("Robert Smith", "Robert Smyth") == "one_typo")
    }
}
