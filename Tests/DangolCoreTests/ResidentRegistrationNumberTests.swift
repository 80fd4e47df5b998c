import DangolCore
import Testing

@Suite("Resident registration numbers (주민등록번호)")
struct ResidentRegistrationNumberTests {
    @Test("A real date in the century given by the seventh digit is accepted", arguments: [
        ("900101-1234567", 1990, 1, 1, false),
        ("9001011234567", 1990, 1, 1, false),
        ("991231-2345678", 1999, 12, 31, false),
        ("000229-3123456", 2000, 2, 29, false), // 2000 is a leap year
        ("000229-4123456", 2000, 2, 29, false),
        ("960229-1123456", 1996, 2, 29, false),
        ("150815-4000001", 2015, 8, 15, false),
        ("850615-5123456", 1985, 6, 15, true), // foreign resident born in the 1900s
        ("850615-6123456", 1985, 6, 15, true),
        ("050301-7123456", 2005, 3, 1, true), // foreign resident born in the 2000s
        ("050301-8123456", 2005, 3, 1, true),
        ("950101-9123456", 1895, 1, 1, false), // born in the 1800s
        ("950101-0123456", 1895, 1, 1, false),
        (" 900101 - 1234567 ", 1990, 1, 1, false),
    ])
    func valid(raw: String, year: Int, month: Int, day: Int, isForeigner: Bool) throws {
        let rrn = try ResidentRegistrationNumber(raw)
        #expect(rrn.birthDate.year == year)
        #expect(rrn.birthDate.month == month)
        #expect(rrn.birthDate.day == day)
        #expect(rrn.isForeigner == isForeigner)
        #expect(rrn.digits.count == 13)
    }

    @Test("A date that does not exist in the implied century is rejected", arguments: [
        "000229-1123456", // 1900 is not a leap year
        "000229-0123456", // neither is 1800
        "970229-2123456",
        "900230-1234567",
        "900431-1234567",
        "901301-1234567",
        "900001-1234567",
        "900100-1234567",
        "990132-3123456",
    ])
    func badDate(raw: String) {
        let error = #expect(throws: NormalizationError.self) { try ResidentRegistrationNumber(raw) }
        #expect(error?.code == "rrn.bad_date")
        #expect(error?.message.contains(raw) == false)
        #expect(error?.message.contains(raw.prefix(6)) == false)
    }

    @Test("Wrong length or characters are rejected", arguments: [
        ("900101-123456", "rrn.length"),
        ("900101-12345678", "rrn.length"),
        ("900101", "rrn.length"),
        ("900101-1******", "rrn.invalid_characters"),
        ("90O101-1234567", "rrn.invalid_characters"),
        ("", "empty"),
    ])
    func malformed(raw: String, code: String) {
        let error = #expect(throws: NormalizationError.self) { try ResidentRegistrationNumber(raw) }
        #expect(error?.code == code)
    }

    @Test("No check digit is enforced, since numbers issued after October 2020 have none")
    func noCheckDigit() throws {
        // Under the old rule only one last digit would pass; every one is accepted now.
        for last in 0...9 {
            #expect(throws: Never.self) { try ResidentRegistrationNumber("900101-123456\(last)") }
        }
    }

    @Test("Masked and formatted forms; interpolation and dump never show the full number")
    func masking() throws {
        let rrn = try ResidentRegistrationNumber("9001011234567")
        #expect(rrn.masked == "900101-1******")
        #expect(rrn.formatted == "900101-1234567")
        #expect("\(rrn)" == "900101-1******")
        #expect(!String(reflecting: rrn).contains("234567"))
        var dumped = ""
        dump(rrn, to: &dumped)
        #expect(!dumped.contains("234567"))
    }

    @Test("The identifier normaliser stores the 13 digits without the hyphen")
    func normalizedIdentifier() throws {
        let identifier = try IdentifierNormalizer.normalize("000229-3123456", as: .residentRegistrationNumber)
        #expect(identifier.normalized == "0002293123456")
        #expect(identifier.matchKey == "0002293123456")
        #expect(identifier.warnings.isEmpty)
    }
}
