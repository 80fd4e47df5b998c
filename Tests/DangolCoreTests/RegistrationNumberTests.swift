import DangolCore
import Testing

@Suite("Business and corporate registration numbers")
struct RegistrationNumberTests {
    // MARK: - 사업자등록번호 BRN

    // Worked examples (weights 1,3,7,1,3,7,1,3,5; plus ⌊9th digit × 5 / 10⌋; check = (10 − sum mod 10) mod 10):
    // 124-81-00998: 1·1 + 2·3 + 4·7 + 8·1 + 1·3 + 0·7 + 0·1 + 9·3 + 9·5 = 1+6+28+8+3+0+0+27+45 = 118;
    //               + ⌊9·5/10⌋ = 4 → 122; (10 − 2) mod 10 = 8 ✓
    // 220-81-62517: 2+6+0+8+3+42+2+15+5 = 83; + ⌊1·5/10⌋ = 0 → 83; (10 − 3) mod 10 = 7 ✓
    // 123-45-67891: 1+6+21+4+15+42+7+24+45 = 165; + ⌊9·5/10⌋ = 4 → 169; (10 − 9) mod 10 = 1 ✓
    // 101-81-01238: 1+0+7+8+3+0+1+6+15 = 41; + ⌊3·5/10⌋ = 1 → 42; (10 − 2) mod 10 = 8 ✓
    // 201-81-00000: 2+0+7+8+3+0+0+0+0 = 20; + 0 → 20; (10 − 0) mod 10 = 0 ✓
    @Test("BRN with a correct check digit is accepted without warnings", arguments: [
        ("124-81-00998", "1248100998", "124-81-00998"),
        ("1248100998", "1248100998", "124-81-00998"),
        ("220-81-62517", "2208162517", "220-81-62517"),
        ("123-45-67891", "1234567891", "123-45-67891"),
        (" 101 81 01238 ", "1018101238", "101-81-01238"),
        ("201-81-00000", "2018100000", "201-81-00000"),
        ("１２４－８１－００９９８", "1248100998", "124-81-00998"),
    ])
    func brnValid(raw: String, digits: String, formatted: String) throws {
        let brn = try BusinessRegistrationNumber(raw)
        #expect(brn.digits == digits)
        #expect(brn.formatted == formatted)
        #expect(brn.hasValidChecksum)
        #expect(brn.warnings.isEmpty)
        #expect(BusinessRegistrationNumber.isChecksumValid(digits))
    }

    @Test("BRN with a failing checksum is accepted with a warning", arguments: [
        "123-45-67890", "124-81-00999", "220-81-62510", "1111111111",
    ])
    func brnChecksumWarning(raw: String) throws {
        let brn = try BusinessRegistrationNumber(raw)
        #expect(!brn.hasValidChecksum)
        #expect(brn.warnings.map(\.code) == ["brn.checksum"])
        let identifier = try IdentifierNormalizer.normalize(raw, as: .businessRegistrationNumber)
        #expect(identifier.normalized == brn.digits)
        #expect(identifier.warnings == [.brnChecksum])
    }

    @Test("BRN of the wrong length or with other characters is an error", arguments: [
        ("123-45-6789", "brn.length"),
        ("123-45-678901", "brn.length"),
        ("", "empty"),
        ("12a-45-67890", "brn.invalid_characters"),
        ("123_45_67890", "brn.invalid_characters"),
        ("No. 123-45-67890", "brn.invalid_characters"),
    ])
    func brnRejected(raw: String, code: String) {
        let error = #expect(throws: NormalizationError.self) { try BusinessRegistrationNumber(raw) }
        #expect(error?.code == code)
        if !raw.isEmpty { #expect(error?.message.contains(raw) == false) }
    }

    @Test("BRN checksum helper rejects anything but ten digits", arguments: [
        "", "124810099", "12481009988", "124-81-00998", "12481009a8", "１２４８１００９９８",
    ])
    func brnChecksumHelperRejectsMalformed(digits: String) {
        #expect(!BusinessRegistrationNumber.isChecksumValid(digits))
    }

    @Test("makeValid(prefix9:) appends the one check digit that passes", arguments: [
        ("124810099", "1248100998"),
        ("220816251", "2208162517"),
        ("123456789", "1234567891"),
        ("201810000", "2018100000"),
        ("000000000", "0000000000"),
    ])
    func brnMakeValid(prefix: String, expected: String) {
        #expect(BusinessRegistrationNumber.makeValid(prefix9: prefix) == expected)
        let passing = (0...9).filter { BusinessRegistrationNumber.isChecksumValid(prefix + String($0)) }
        #expect(passing.count == 1)
    }

    @Test("Generated BRNs are valid across many prefixes")
    func brnMakeValidSweep() {
        for seed in stride(from: 0, to: 1_000_000_000, by: 7_654_321) {
            let prefix = String(seed).leftPadded(to: 9)
            #expect(BusinessRegistrationNumber.isChecksumValid(BusinessRegistrationNumber.makeValid(prefix9: prefix)))
        }
    }

    // MARK: - 법인등록번호 CRN

    // Worked examples (weights 1,2,1,2,… over the first twelve digits; check = (10 − sum mod 10) mod 10):
    // 110111-1234569: 1+2+0+2+1+2+1+4+3+8+5+12 = 41; (10 − 1) mod 10 = 9 ✓
    // 110111-0000002: 1+2+0+2+1+2 = 8; (10 − 8) mod 10 = 2 ✓
    // 134511-9876549: 1+6+4+10+1+2+9+16+7+12+5+8 = 81; (10 − 1) mod 10 = 9 ✓
    @Test("CRN with a correct check digit is accepted without warnings", arguments: [
        ("110111-1234569", "1101111234569"),
        ("1101110000002", "1101110000002"),
        ("134511-9876549", "1345119876549"),
        (" 110111 1234569 ", "1101111234569"),
    ])
    func crnValid(raw: String, digits: String) throws {
        let crn = try CorporateRegistrationNumber(raw)
        #expect(crn.digits == digits)
        #expect(crn.formatted == digits.prefix(6) + "-" + digits.suffix(7))
        #expect(crn.hasValidChecksum)
        #expect(crn.warnings.isEmpty)
    }

    @Test("CRN with a failing checksum is accepted with a warning", arguments: [
        "110111-1234567", "1101110000000", "134511-9876541",
    ])
    func crnChecksumWarning(raw: String) throws {
        let crn = try CorporateRegistrationNumber(raw)
        #expect(!crn.hasValidChecksum)
        #expect(crn.warnings.map(\.code) == ["crn.checksum"])
        #expect(try IdentifierNormalizer.normalize(raw, as: .corporateRegistrationNumber).warnings == [.crnChecksum])
    }

    @Test("CRN of the wrong length or with other characters is an error", arguments: [
        ("110111-123456", "crn.length"),
        ("110111-12345690", "crn.length"),
        ("A10111-1234569", "crn.invalid_characters"),
        ("110111/1234569", "crn.invalid_characters"),
    ])
    func crnRejected(raw: String, code: String) {
        let error = #expect(throws: NormalizationError.self) { try CorporateRegistrationNumber(raw) }
        #expect(error?.code == code)
        #expect(error?.message.contains(raw) == false)
    }

    @Test("makeValid(prefix12:) appends the one check digit that passes", arguments: [
        ("110111123456", "1101111234569"),
        ("110111000000", "1101110000002"),
        ("134511987654", "1345119876549"),
    ])
    func crnMakeValid(prefix: String, expected: String) {
        #expect(CorporateRegistrationNumber.makeValid(prefix12: prefix) == expected)
        let passing = (0...9).filter { CorporateRegistrationNumber.isChecksumValid(prefix + String($0)) }
        #expect(passing.count == 1)
    }
}

private extension String {
    func leftPadded(to length: Int) -> String { String(repeating: "0", count: max(0, length - count)) + self }
}
