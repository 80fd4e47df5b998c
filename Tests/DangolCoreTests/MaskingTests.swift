import DangolCore
import Testing

@Suite("Personal data masking")
struct MaskingTests {
    @Test("Names keep the first and last character of one word, or the first letter of each word", arguments: [
        ("홍길동", "홍*동"),
        ("남궁민수", "남**수"),
        ("김수", "김*"),
        ("이", "*"),
        ("John Smith", "J*** S****"),
        ("Kim Min Su", "K** M** S*"),
        ("Madonna", "M*****a"),
        (" 홍길동\u{3000}", "홍*동"),
        ("\u{1112}\u{1169}\u{11BC}\u{1100}\u{1175}\u{11AF}\u{1103}\u{1169}\u{11BC}", "홍*동"), // decomposed jamo
        ("", ""),
    ])
    func names(name: String, masked: String) {
        #expect(PersonalDataMasker.maskName(name) == masked)
    }

    @Test("Korean phone numbers hide the middle group", arguments: [
        ("+821012345678", "010-****-5678"),
        ("010-1234-5678", "010-****-5678"),
        ("01012345678", "010-****-5678"),
        ("+8221234567", "02-***-4567"),
        ("+82212345678", "02-****-5678"),
        ("+82311234567", "031-***-4567"),
        ("+82111234567", "011-***-4567"),
        ("+825051234567", "0505-***-4567"),
        ("+8215881234", "****-1234"),
    ])
    func koreanPhones(phone: String, masked: String) {
        #expect(PersonalDataMasker.maskPhone(e164OrAny: phone) == masked)
    }

    @Test("Other phone values keep only their last four digits", arguments: [
        ("+1 415-555-0100", "+* ***-***-0100"),
        ("+447911123456", "+********3456"),
        ("12345", "*2345"),
        ("1234", "****"),
        ("", ""),
    ])
    func otherPhones(phone: String, masked: String) {
        #expect(PersonalDataMasker.maskPhone(e164OrAny: phone) == masked)
    }

    @Test("E-mail keeps the domain and at most two characters of the local part", arguments: [
        ("hong@example.com", "ho***@example.com"),
        ("a@x.com", "a***@x.com"),
        ("ab@x.com", "a***@x.com"),
        ("abc@x.com", "ab***@x.com"),
        ("Hong.Gil+news@googlemail.com", "Ho***@googlemail.com"),
        ("@x.com", "***@x.com"),
        ("not-an-address", "no***"),
    ])
    func emails(email: String, masked: String) {
        #expect(PersonalDataMasker.maskEmail(email) == masked)
    }

    @Test("RRN keeps the birth date and the seventh digit", arguments: [
        ("9001011234567", "900101-1******"),
        ("900101-1234567", "900101-1******"),
        ("000229-4123456", "000229-4******"),
        ("900101-123", "******-***"),
        ("garbage", "*******"),
    ])
    func rrn(rrn: String, masked: String) {
        #expect(PersonalDataMasker.maskRRN(rrn) == masked)
    }

    @Test("Addresses keep the province or city and the district", arguments: [
        ("서울특별시 중구 세종대로 110", "서울특별시 중구 ***"),
        ("경기도  성남시 분당구 판교역로 235", "경기도 성남시 ***"),
        ("서울시 중구", "서울시 중구"),
    ])
    func addresses(address: String, masked: String) {
        #expect(PersonalDataMasker.maskAddress(address) == masked)
    }

    @Test("mask(_:type:) applies the rule of each personal type to normalised values", arguments: [
        (IdentifierType.email, "Hong.Gil@example.com", "Ho***@example.com"),
        (.mobilePhone, "+821012345678", "010-****-5678"),
        (.otherPhone, "+8221234567", "02-***-4567"),
        (.residentRegistrationNumber, "9001011234567", "900101-1******"),
        (.loginID, "honggil", "ho***"),
        (.loginID, "hg", "h***"),
        (.snsURL, "https://instagram.com/dangol_cafe", "https://instagram.com/d***"),
        (.snsURL, "https://blog.naver.com/PostList.naver?blogId=dangol", "https://blog.naver.com/P***"),
        (.snsURL, "https://dangol.example", "https://dangol.example"),
        (.nameBirthDate, "홍길동|1990-01-01", "홍*동|1990-**-**"),
        (.nameAddress, "주식회사단골|서울시 중구 세종대로 110", "주****골|서울시 중구 ***"),
    ])
    func maskByType(type: IdentifierType, value: String, masked: String) {
        #expect(PersonalDataMasker.mask(value, type: type) == masked)
    }

    @Test("Values that are not personal data are returned unchanged", arguments: [
        (IdentifierType.customerNumber, "M-000123"),
        (.deviceID, "a1b2c3d4"),
        (.businessRegistrationNumber, "1248100998"),
        (.corporateRegistrationNumber, "1101111234569"),
        (.webDomain, "dangol.co.kr"),
    ])
    func nonPersonalUnchanged(type: IdentifierType, value: String) {
        #expect(!type.isPersonalData)
        #expect(PersonalDataMasker.mask(value, type: type) == value)
    }

    @Test("Every personal type hides part of a typical normalised value", arguments: [
        (IdentifierType.email, "hong@example.com"), (.mobilePhone, "+821012345678"), (.otherPhone, "+8221234567"),
        (.residentRegistrationNumber, "9001011234567"), (.loginID, "honggil"), (.snsURL, "https://instagram.com/hong"),
        (.nameBirthDate, "홍길동|1990-01-01"), (.nameAddress, "단골|서울시 중구 세종대로 110"),
    ])
    func personalMasked(type: IdentifierType, value: String) {
        #expect(type.isPersonalData)
        let masked = PersonalDataMasker.mask(value, type: type)
        #expect(masked != value)
        #expect(masked.contains("*"))
    }

    @Test("Masking what the normaliser produced gives the same result as masking the raw input")
    func maskAfterNormalising() throws {
        let phone = try IdentifierNormalizer.normalize("010.1234.5678", as: .mobilePhone)
        #expect(PersonalDataMasker.mask(phone.normalized, type: .mobilePhone) == "010-****-5678")
        let rrn = try ResidentRegistrationNumber("900101-1234567")
        #expect(rrn.masked == PersonalDataMasker.mask(rrn.digits, type: .residentRegistrationNumber))
    }
}
