import DangolCore
import Testing

@Suite("Identifier types and the identifier normaliser")
struct IdentifierNormalizerTests {
    // MARK: - IdentifierType

    @Test("Raw values are the stored names and never change")
    func rawValues() {
        let expected: [IdentifierType: String] = [
            .customerNumber: "customer_number", .email: "email", .mobilePhone: "mobile_phone",
            .otherPhone: "other_phone", .loginID: "login_id", .deviceID: "device_id", .snsURL: "sns_url",
            .nameBirthDate: "name_birth_date", .residentRegistrationNumber: "rrn", .businessRegistrationNumber: "brn",
            .corporateRegistrationNumber: "crn", .webDomain: "web_domain", .nameAddress: "name_address",
        ]
        #expect(IdentifierType.allCases.count == expected.count)
        for type in IdentifierType.allCases {
            #expect(type.rawValue == expected[type])
        }
    }

    @Test("Strong identifiers are customer number, e-mail, mobile phone, login ID, BRN, CRN and RRN")
    func strength() {
        let strong: Set<IdentifierType> = [
            .customerNumber, .email, .mobilePhone, .loginID,
            .businessRegistrationNumber, .corporateRegistrationNumber, .residentRegistrationNumber,
        ]
        for type in IdentifierType.allCases {
            #expect(type.isStrong == strong.contains(type), "\(type)")
        }
    }

    @Test("Which kinds of customer may carry each type")
    func applicability() {
        let both: Set<IdentifierType> = [.customerNumber, .email, .mobilePhone, .otherPhone]
        let personOnly: Set<IdentifierType> = [.loginID, .deviceID, .snsURL, .nameBirthDate, .residentRegistrationNumber]
        let organisationOnly: Set<IdentifierType> = [
            .businessRegistrationNumber, .corporateRegistrationNumber, .webDomain, .nameAddress,
        ]
        #expect(both.union(personOnly).union(organisationOnly) == Set(IdentifierType.allCases))
        for type in IdentifierType.allCases {
            #expect(type.applies(to: .person) == (both.contains(type) || personOnly.contains(type)), "\(type)")
            #expect(type.applies(to: .organisation) == (both.contains(type) || organisationOnly.contains(type)), "\(type)")
        }
    }

    @Test("Personal data types are e-mail, phones, RRN, name with birth date, login ID, SNS URL and name with address")
    func personalData() {
        let personal: Set<IdentifierType> = [
            .email, .mobilePhone, .otherPhone, .residentRegistrationNumber, .nameBirthDate, .loginID, .snsURL, .nameAddress,
        ]
        for type in IdentifierType.allCases {
            #expect(type.isPersonalData == personal.contains(type), "\(type)")
        }
    }

    @Test("API names, case names and aliases parse", arguments: [
        ("mobile_phone", IdentifierType.mobilePhone), ("phone", .mobilePhone), ("Mobile", .mobilePhone),
        ("mobilePhone", .mobilePhone), ("HP", .mobilePhone), ("other_phone", .otherPhone), ("tel", .otherPhone),
        ("email", .email), ("e-mail", .email), ("E_MAIL", .email), ("customer_number", .customerNumber),
        ("customerNumber", .customerNumber), ("login_id", .loginID), ("loginID", .loginID), ("device_id", .deviceID),
        ("cookie", .deviceID), ("sns_url", .snsURL), ("sns", .snsURL), ("name_birth_date", .nameBirthDate),
        ("rrn", .residentRegistrationNumber), ("residentRegistrationNumber", .residentRegistrationNumber),
        ("brn", .businessRegistrationNumber), ("BRN", .businessRegistrationNumber),
        ("businessRegistrationNumber", .businessRegistrationNumber), ("crn", .corporateRegistrationNumber),
        ("web_domain", .webDomain), ("domain", .webDomain), ("name_address", .nameAddress), (" phone ", .mobilePhone),
    ])
    func apiNames(name: String, type: IdentifierType) {
        #expect(IdentifierType(apiName: name) == type)
    }

    @Test("Every raw value parses as an API name", arguments: IdentifierType.allCases)
    func rawValueParses(type: IdentifierType) {
        #expect(IdentifierType(apiName: type.rawValue) == type)
    }

    @Test("Unknown API names are nil", arguments: ["", "fax", "passport", "mobile_phone_2", "phone number please"])
    func unknownAPIName(name: String) {
        #expect(IdentifierType(apiName: name) == nil)
    }

    // MARK: - Dispatch

    @Test("Each type normalises to its canonical value and match key", arguments: [
        (IdentifierType.customerNumber, "  M-000123 ", "M-000123", "M-000123"),
        (.email, "Hong.Gil+news@GoogleMail.com", "Hong.Gil+news@googlemail.com", "honggil@gmail.com"),
        (.email, "Hong.Gil@Example.com", "Hong.Gil@example.com", "hong.gil@example.com"),
        (.mobilePhone, "010-1234-5678", "+821012345678", "+821012345678"),
        (.otherPhone, "02-123-4567", "+8221234567", "+8221234567"),
        (.otherPhone, "010-1234-5678", "+821012345678", "+821012345678"),
        (.loginID, " HongGil ", "HongGil", "honggil"),
        (.deviceID, "a1b2C3-d4", "a1b2C3-d4", "a1b2C3-d4"),
        (.snsURL, "HTTP://www.Instagram.com/dangol_cafe/", "https://instagram.com/dangol_cafe",
         "https://instagram.com/dangol_cafe"),
        (.nameBirthDate, "홍 길동|1990-01-01", "홍길동|1990-01-01", "홍길동|1990-01-01"),
        (.residentRegistrationNumber, "900101-1234567", "9001011234567", "9001011234567"),
        (.businessRegistrationNumber, "124-81-00998", "1248100998", "1248100998"),
        (.corporateRegistrationNumber, "110111-1234569", "1101111234569", "1101111234569"),
        (.webDomain, "https://www.Dangol.co.kr/about", "dangol.co.kr", "dangol.co.kr"),
        (.nameAddress, "주식회사 단골|서울시  중구 세종대로 110", "주식회사단골|서울시 중구 세종대로 110",
         "주식회사단골|서울시 중구 세종대로 110"),
    ])
    func dispatch(type: IdentifierType, raw: String, normalized: String, matchKey: String) throws {
        let identifier = try IdentifierNormalizer.normalize(raw, as: type)
        #expect(identifier.type == type)
        #expect(identifier.normalized == normalized)
        #expect(identifier.matchKey == matchKey)
        #expect(identifier.warnings.isEmpty)
        // Stored values are normalised again on import and merge, so normalising must be idempotent.
        let again = try IdentifierNormalizer.normalize(identifier.normalized, as: type)
        #expect(again == identifier)
    }

    @Test("Blank input is the error \"empty\" for every type", arguments: IdentifierType.allCases)
    func blank(type: IdentifierType) {
        for raw in ["", "   ", "\t\n", "\u{3000}"] {
            let error = #expect(throws: NormalizationError.self) { try IdentifierNormalizer.normalize(raw, as: type) }
            #expect(error?.code == "empty")
        }
    }

    @Test("A landline, internet or representative number is not a mobile phone", arguments: [
        "02-123-4567", "031-1234-5678", "070-1234-5678", "1588-1234", "080-123-4567",
    ])
    func landlineRejectedAsMobile(raw: String) throws {
        let error = #expect(throws: NormalizationError.self) { try IdentifierNormalizer.normalize(raw, as: .mobilePhone) }
        #expect(error?.code == "phone.not_mobile")
        #expect(try IdentifierNormalizer.normalize(raw, as: .otherPhone).normalized.hasPrefix("+82"))
    }

    @Test("A legacy mobile prefix is accepted with a warning", arguments: [IdentifierType.mobilePhone, .otherPhone])
    func legacyPrefixWarning(type: IdentifierType) throws {
        let identifier = try IdentifierNormalizer.normalize("011-123-4567", as: type)
        #expect(identifier.normalized == "+82111234567")
        #expect(identifier.warnings.map(\.code) == ["phone.legacy_prefix"])
    }

    // MARK: - Web domain, SNS URL, opaque identifiers, weak identifiers

    @Test("Web domains lose scheme, www, port, path and case", arguments: [
        ("dangol.co.kr", "dangol.co.kr"),
        ("Dangol.CO.KR", "dangol.co.kr"),
        ("https://www.dangol.co.kr", "dangol.co.kr"),
        ("http://dangol.co.kr:8080/about?x=1#top", "dangol.co.kr"),
        ("www.dangol.co.kr/", "dangol.co.kr"),
        ("shop.dangol.co.kr.", "shop.dangol.co.kr"),
        ("단골.한국", "단골.한국"),
    ])
    func webDomain(raw: String, expected: String) throws {
        #expect(try WebDomainNormalizer.normalize(raw) == expected)
    }

    @Test("Invalid web domains are rejected", arguments: [
        ("dangol", "web_domain.missing_dot"),
        ("https://localhost/", "web_domain.missing_dot"),
        ("dan gol.kr", "web_domain.invalid"),
        ("dangol..kr", "web_domain.invalid"),
        ("-dangol.kr", "web_domain.invalid"),
        ("192.168.0.1", "web_domain.invalid"),
        ("https:///path", "web_domain.invalid"),
    ])
    func webDomainRejected(raw: String, code: String) {
        let error = #expect(throws: NormalizationError.self) { try WebDomainNormalizer.normalize(raw) }
        #expect(error?.code == code)
    }

    @Test("SNS profile URLs keep host and path, drop mobile prefixes, fragments and tracking parameters", arguments: [
        ("https://www.instagram.com/dangol_cafe", "https://instagram.com/dangol_cafe"),
        ("HTTP://M.Instagram.com/dangol_cafe/?utm_source=ig_web#top", "https://instagram.com/dangol_cafe"),
        ("instagram.com/dangol_cafe", "https://instagram.com/dangol_cafe"),
        ("https://instagram.com/dangol_cafe?igsh=abc123", "https://instagram.com/dangol_cafe"),
        ("https://blog.naver.com/PostList.naver?blogId=dangol&utm_medium=x",
         "https://blog.naver.com/PostList.naver?blogId=dangol"),
        ("https://m.blog.naver.com/dangol", "https://blog.naver.com/dangol"),
        ("https://www.facebook.com/profile.php?id=1000123", "https://facebook.com/profile.php?id=1000123"),
        ("https://www.youtube.com/@Dangol", "https://youtube.com/@Dangol"),
        ("https://instagram.com:443/dangol", "https://instagram.com/dangol"),
        ("https://example.com:8443/dangol", "https://example.com:8443/dangol"),
    ])
    func snsURL(raw: String, expected: String) throws {
        #expect(try SNSURLNormalizer.normalize(raw) == expected)
    }

    @Test("Invalid SNS URLs are rejected", arguments: [
        ("@dangol_cafe", "sns_url.invalid"),
        ("dangol cafe", "sns_url.invalid"),
        ("https://", "sns_url.invalid"),
        ("https://instagram/dangol", "sns_url.invalid"),
        ("https://user@instagram.com/dangol", "sns_url.invalid"),
        ("https://instagram.com:abc/dangol", "sns_url.invalid"),
        ("ftp://instagram.com/dangol", "sns_url.unsupported_scheme"),
        ("javascript://alert(1)", "sns_url.unsupported_scheme"),
    ])
    func snsURLRejected(raw: String, code: String) {
        let error = #expect(throws: NormalizationError.self) { try SNSURLNormalizer.normalize(raw) }
        #expect(error?.code == code)
    }

    @Test("Customer numbers, login IDs and device IDs reject control characters and overlong values",
          arguments: [IdentifierType.customerNumber, .loginID, .deviceID])
    func opaqueLimits(type: IdentifierType) throws {
        let control = #expect(throws: NormalizationError.self) { try IdentifierNormalizer.normalize("ab\tcd", as: type) }
        #expect(control?.code == type.rawValue + ".control_character")
        let longest = String(repeating: "x", count: OpaqueIdentifierNormalizer.maximumLength)
        #expect(try IdentifierNormalizer.normalize(longest, as: type).normalized == longest)
        let tooLong = #expect(throws: NormalizationError.self) { try IdentifierNormalizer.normalize(longest + "x", as: type) }
        #expect(tooLong?.code == type.rawValue + ".too_long")
        #expect(try IdentifierNormalizer.normalize("회원 0001", as: type).normalized == "회원 0001")
    }

    @Test("Name with birth date accepts common date spellings", arguments: [
        "홍길동|1990-01-01", "홍길동|19900101", "홍길동|1990.01.01", "홍길동|1990. 1. 1.", "홍길동|1990/1/1",
        "홍길동|1990년 1월 1일", " 홍 길동 | 1990-01-01 ",
    ])
    func nameBirthDate(raw: String) throws {
        #expect(try NameBirthDateNormalizer.normalize(raw) == "홍길동|1990-01-01")
    }

    @Test("Name with birth date rejects missing parts and impossible dates", arguments: [
        ("홍길동 1990-01-01", "name_birth_date.format"),
        ("홍길동|1990-01-01|x", "name_birth_date.format"),
        (" |1990-01-01", "name_birth_date.empty_name"),
        ("홍길동|1990-02-30", "name_birth_date.bad_date"),
        ("홍길동|1900-02-29", "name_birth_date.bad_date"),
        ("홍길동|900101", "name_birth_date.bad_date"),
        ("홍길동|1990-13-01", "name_birth_date.bad_date"),
        ("홍길동|0990-01-01", "name_birth_date.bad_date"),
        ("홍길동|", "name_birth_date.bad_date"),
    ])
    func nameBirthDateRejected(raw: String, code: String) {
        let error = #expect(throws: NormalizationError.self) { try NameBirthDateNormalizer.normalize(raw) }
        #expect(error?.code == code)
    }

    @Test("Name with birth date accepts 29 February in a leap year")
    func nameBirthDateLeapDay() throws {
        #expect(try NameBirthDateNormalizer.normalize("김수|2000-02-29") == "김수|2000-02-29")
    }

    @Test("Name with address rejects missing parts", arguments: [
        ("주식회사 단골 서울시 중구", "name_address.format"),
        ("|서울시 중구", "name_address.empty_name"),
        ("주식회사 단골|  ", "name_address.empty_address"),
    ])
    func nameAddressRejected(raw: String, code: String) {
        let error = #expect(throws: NormalizationError.self) { try NameAddressNormalizer.normalize(raw) }
        #expect(error?.code == code)
    }

    @Test("Only the first bar separates name and address")
    func nameAddressBarInAddress() throws {
        #expect(try NameAddressNormalizer.normalize("단골|서울시 중구 | 2층") == "단골|서울시 중구 | 2층")
    }

    // MARK: - Privacy of messages

    @Test("Error messages never contain the input", arguments: [
        (IdentifierType.mobilePhone, "010-9876-543"), (.mobilePhone, "02-987-6543"), (.mobilePhone, "+1 415 555 0199"),
        (.otherPhone, "010-98x6-5432"), (.email, "hong.gildong@@example.com"), (.email, "hong.gildong@localhost"),
        (.email, "홍길동@example.com"), (.residentRegistrationNumber, "900230-1234567"),
        (.residentRegistrationNumber, "900101-123456"), (.businessRegistrationNumber, "124-81-0099"),
        (.corporateRegistrationNumber, "110111-123456"), (.loginID, "secret\u{0}login"),
        (.nameBirthDate, "홍길동|1990-02-30"), (.nameAddress, "홍길동 서울시 중구"), (.snsURL, "ftp://secret.example/x"),
        (.webDomain, "secret-domain"), (.customerNumber, String(repeating: "9", count: 201)),
    ])
    func messagesDoNotLeak(type: IdentifierType, raw: String) {
        let error = #expect(throws: NormalizationError.self) { try IdentifierNormalizer.normalize(raw, as: type) }
        guard let error else { return }
        #expect(!error.message.contains(raw))
        #expect(!error.description.contains(raw))
        // No run of four or more consecutive input digits appears either (partial phone or RRN leaks).
        let digitRuns = raw.split { !$0.isNumber }.filter { $0.count >= 4 }
        for run in digitRuns { #expect(!error.message.contains(run)) }
    }
}
