/// The type of a customer identifier: what a value such as `"+821012345678"` or `"1248100998"` means.
///
/// Raw values are stored in the database (`identifiers.type`) and appear in the API, so they never change.
/// Strong types identify at most one live customer and drive exact matching; weak types (a name with a birth date,
/// a name with an address) only suggest candidates for identity resolution.
public enum IdentifierType: String, Sendable, Hashable, Codable, CaseIterable {
    /// 고객번호 customer number: the business's own number, e.g. a membership card number.
    case customerNumber = "customer_number"
    /// 이메일 e-mail address.
    case email
    /// 휴대전화 mobile phone number.
    case mobilePhone = "mobile_phone"
    /// 기타 전화 other phone number: landline, 070 internet phone, representative number.
    case otherPhone = "other_phone"
    /// Login ID in the business's own web shop or app.
    case loginID = "login_id"
    /// Cookie or device ID from a web or app SDK.
    case deviceID = "device_id"
    /// Profile URL on a social network (Instagram, Naver blog, YouTube…).
    case snsURL = "sns_url"
    /// Weak: a person's name with a birth date, raw `"홍길동|1990-01-01"`.
    case nameBirthDate = "name_birth_date"
    /// 주민등록번호 resident registration number.
    case residentRegistrationNumber = "rrn"
    /// 사업자등록번호 business registration number.
    case businessRegistrationNumber = "brn"
    /// 법인등록번호 corporate registration number.
    case corporateRegistrationNumber = "crn"
    /// An organisation's web domain, e.g. `dangol.co.kr`.
    case webDomain = "web_domain"
    /// Weak: an organisation's name with an address, raw `"주식회사 단골|서울시 중구 세종대로 110"`.
    case nameAddress = "name_address"

    /// Whether a value of this type belongs to at most one live customer, so that an exact match identifies the
    /// customer: customer number, e-mail, mobile phone, login ID, BRN, CRN and RRN.
    public var isStrong: Bool {
        switch self {
        case .customerNumber, .email, .mobilePhone, .loginID,
             .businessRegistrationNumber, .corporateRegistrationNumber, .residentRegistrationNumber:
            true
        case .otherPhone, .deviceID, .snsURL, .nameBirthDate, .webDomain, .nameAddress:
            false
        }
    }

    /// Whether a customer of `kind` may carry this type. Customer numbers, e-mail and both phone types fit both kinds;
    /// login, device, SNS, name-with-birth-date and RRN are for people; BRN, CRN, web domain and name-with-address
    /// are for organisations.
    public func applies(to kind: CustomerKind) -> Bool {
        switch self {
        case .customerNumber, .email, .mobilePhone, .otherPhone:
            true
        case .loginID, .deviceID, .snsURL, .nameBirthDate, .residentRegistrationNumber:
            kind == .person
        case .businessRegistrationNumber, .corporateRegistrationNumber, .webDomain, .nameAddress:
            kind == .organisation
        }
    }

    /// Whether values of this type are personal data (개인정보) that must be masked for viewers not allowed to see them
    /// (see ``PersonalDataMasker``). Customer numbers, device IDs, BRN, CRN and web domains are not.
    public var isPersonalData: Bool {
        switch self {
        case .email, .mobilePhone, .otherPhone, .residentRegistrationNumber, .nameBirthDate, .loginID, .snsURL,
             .nameAddress:
            true
        case .customerNumber, .deviceID, .businessRegistrationNumber, .corporateRegistrationNumber, .webDomain:
            false
        }
    }

    /// Parses a type name as written by API clients and import mappings: the raw value (`"mobile_phone"`), the case
    /// name (`"mobilePhone"`) or a common alias (`"phone"`, `"mobile"`, `"tel"`, `"brn"`, `"domain"`…). Case,
    /// hyphens, underscores and spaces are ignored. Returns nil for an unknown name.
    ///
    /// ```swift
    /// IdentifierType(apiName: "Phone")   // .mobilePhone
    /// IdentifierType(apiName: "e-mail")  // .email
    /// ```
    public init?(apiName: String) {
        let key = String(apiName.lowercased().filter { !($0 == "_" || $0 == "-" || $0.isWhitespace) })
        guard let type = Self.aliases[key] else { return nil }
        self = type
    }

    /// Every accepted name, in the folded form used by ``init(apiName:)``.
    private static let aliases: [String: IdentifierType] = {
        var table: [String: IdentifierType] = [:]
        let extra: [IdentifierType: [String]] = [
            .customerNumber: ["customerno", "membernumber", "memberno"],
            .email: ["mail", "emailaddress"],
            .mobilePhone: ["phone", "mobile", "mobilenumber", "cell", "cellphone", "hp"],
            .otherPhone: ["landline", "tel", "telephone"],
            .loginID: ["login", "username", "userid"],
            .deviceID: ["device", "cookie", "cookieid"],
            .snsURL: ["sns", "snsaccount", "social", "socialurl"],
            .nameBirthDate: ["namebirth", "namebirthday", "namedob"],
            .residentRegistrationNumber: ["residentregistrationnumber", "residentnumber"],
            .businessRegistrationNumber: ["businessregistrationnumber", "businessnumber"],
            .corporateRegistrationNumber: ["corporateregistrationnumber", "corporatenumber"],
            .webDomain: ["domain", "website", "homepage"],
            .nameAddress: ["nameandaddress"],
        ]
        for type in IdentifierType.allCases {
            table[type.rawValue.replacingUnderscores()] = type
            table[String(describing: type).lowercased()] = type
            for alias in extra[type, default: []] { table[alias] = type }
        }
        return table
    }()
}

private extension String {
    func replacingUnderscores() -> String { String(filter { $0 != "_" }) }
}
