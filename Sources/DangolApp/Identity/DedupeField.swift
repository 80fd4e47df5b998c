import Foundation

/// What a CSV column holds for a standalone dedupe run (`dangol dedupe --input`). Several columns may fill the
/// multi-valued fields (phone, email, customer_number); the others take one column each.
public enum DedupeField: String, Sendable, Hashable, CaseIterable {
    /// The record's identifier, written next to its cluster (default: the row number).
    case recordID = "id"
    /// `person` or `organisation` (default: inferred — an organisation when a company name, BRN or CRN is present).
    case kind
    /// A person's name.
    case name
    /// An organisation's name.
    case companyName = "company_name"
    /// 생년월일.
    case birthDate = "birth_date"
    /// A phone number (mobile or other).
    case phone
    /// An e-mail address.
    case email
    /// A postal address.
    case address
    /// 우편번호.
    case postcode
    /// 고객번호 or another ID of the business: a strong identifier.
    case customerNumber = "customer_number"
    /// 사업자등록번호.
    case businessRegistrationNumber = "brn"
    /// 법인등록번호.
    case corporateRegistrationNumber = "crn"
    /// Web domain.
    case webDomain = "domain"

    /// Whether several columns may fill the field.
    public var isMultiValued: Bool { self == .phone || self == .email || self == .customerNumber }

    /// Parses a field name as written in a mapping file: the raw value or an alias (`record_id`, `birthdate`,
    /// `mobile`, `web_domain`…), case-insensitive.
    public init?(name: String) {
        let folded = String(name.lowercased().filter { !($0 == " " || $0 == "_" || $0 == "-") })
        guard let field = Self.aliases[folded] else { return nil }
        self = field
    }

    /// Field names and common (also Korean) header names, folded: lowercased, without spaces, `_` and `-`.
    static let aliases: [String: DedupeField] = {
        var table: [String: DedupeField] = [:]
        for field in DedupeField.allCases { table[field.rawValue.replacingOccurrences(of: "_", with: "")] = field }
        let extra: [String: DedupeField] = [
            "recordid": .recordID, "rowid": .recordID, "customerid": .recordID, "레코드id": .recordID,
            "customertype": .kind, "고객구분": .kind, "구분": .kind,
            "fullname": .name, "displayname": .name, "이름": .name, "성명": .name, "고객명": .name, "회원명": .name,
            "company": .companyName, "organisation": .companyName, "organization": .companyName, "회사명": .companyName,
            "상호": .companyName, "법인명": .companyName,
            "birthday": .birthDate, "dob": .birthDate, "dateofbirth": .birthDate, "생년월일": .birthDate,
            "phone2": .phone, "mobile": .phone, "mobilephone": .phone, "otherphone": .phone, "tel": .phone,
            "telephone": .phone, "휴대폰": .phone, "휴대전화": .phone, "핸드폰": .phone, "전화": .phone, "전화번호": .phone,
            "mail": .email, "emailaddress": .email, "이메일": .email, "메일": .email,
            "주소": .address, "zip": .postcode, "zipcode": .postcode, "postalcode": .postcode, "우편번호": .postcode,
            "customerno": .customerNumber, "membernumber": .customerNumber, "고객번호": .customerNumber,
            "회원번호": .customerNumber,
            "businessregistrationnumber": .businessRegistrationNumber, "사업자등록번호": .businessRegistrationNumber,
            "사업자번호": .businessRegistrationNumber,
            "corporateregistrationnumber": .corporateRegistrationNumber, "법인등록번호": .corporateRegistrationNumber,
            "webdomain": .webDomain, "website": .webDomain, "homepage": .webDomain, "홈페이지": .webDomain,
        ]
        table.merge(extra) { current, _ in current }
        return table
    }()
}
