import DangolCore

/// A customer field that a CSV column can fill during an import.
///
/// Fields are named in mapping files and headers by their `name`: `external_id`, `kind`, `display_name`,
/// `customer_number`, `email`, `mobile_phone`, `other_phone`, `login_id`, `birth_date`, `brn`, `crn`, `web_domain`,
/// `stage`, `owner`, `tags`, `attr.<key>` for a declared custom attribute and `consent.<purpose>` for a consent
/// purpose (`consent.marketing_sms`).
///
/// ```swift
/// ImportField(name: "mobile_phone")        // .mobilePhone
/// ImportField(name: "consent.marketing_sms") // .consent(.marketingSMS)
/// ```
public enum ImportField: Sendable, Hashable, CustomStringConvertible {
    /// The record's id in the system it comes from; makes re-imports idempotent (otherwise a hash of the row is used).
    case externalID
    /// `person` (default) or `organisation` (also 개인 / 법인, 기업, 단체).
    case kind
    /// The customer's name (required).
    case displayName
    /// 고객번호, a strong identifier.
    case customerNumber
    /// E-mail, a strong identifier.
    case email
    /// 휴대전화, a strong identifier.
    case mobilePhone
    /// Landline or other phone, a weak identifier.
    case otherPhone
    /// Login id in the business's own shop or app, a strong identifier.
    case loginID
    /// 생년월일; combined with the name into the weak identifier `name_birth_date`.
    case birthDate
    /// 사업자등록번호, a strong identifier of organisations.
    case businessRegistrationNumber
    /// 법인등록번호, a strong identifier of organisations.
    case corporateRegistrationNumber
    /// An organisation's web domain, a weak identifier.
    case webDomain
    /// Lifecycle stage: prospect, lead, active, churned (or 잠재, 가망, 거래, 이탈). New customers only.
    case stage
    /// The owning user, by username or user id. New customers only.
    case owner
    /// Tags separated by `;`. New customers only.
    case tags
    /// A declared custom attribute, `attr.<key>`. New customers only.
    case attribute(String)
    /// A consent decision, `consent.<purpose>`: Y/N, true/false, 동의/거부. New customers only.
    case consent(ConsentPurpose)

    /// Parses a field name as written in mapping files and headers (case-insensitive; `-` and spaces count as `_`).
    /// Returns nil for an unknown name.
    public init?(name: String) {
        let trimmed = name.trimmingWhitespace()
        let lowered = trimmed.lowercased()
        if lowered.hasPrefix("attr.") {
            let key = String(trimmed.dropFirst(5))
            guard AttributeDefinition.isValidKey(key) else { return nil }
            self = .attribute(key)
            return
        }
        if lowered.hasPrefix("consent.") {
            guard let purpose = ConsentPurpose(rawValue: String(lowered.dropFirst(8))) else { return nil }
            self = .consent(purpose)
            return
        }
        let folded = String(lowered.map { $0 == "-" || $0 == " " ? "_" : $0 })
        guard let field = Self.simpleFields[folded] else { return nil }
        self = field
    }

    /// The name used in mapping files, headers and reject reasons.
    public var name: String {
        switch self {
        case .externalID: "external_id"
        case .kind: "kind"
        case .displayName: "display_name"
        case .customerNumber: "customer_number"
        case .email: "email"
        case .mobilePhone: "mobile_phone"
        case .otherPhone: "other_phone"
        case .loginID: "login_id"
        case .birthDate: "birth_date"
        case .businessRegistrationNumber: "brn"
        case .corporateRegistrationNumber: "crn"
        case .webDomain: "web_domain"
        case .stage: "stage"
        case .owner: "owner"
        case .tags: "tags"
        case .attribute(let key): "attr." + key
        case .consent(let purpose): "consent." + purpose.rawValue
        }
    }

    public var description: String { name }

    /// The identifier type a column of this field holds, if it holds one directly.
    var identifierType: IdentifierType? {
        switch self {
        case .customerNumber: .customerNumber
        case .email: .email
        case .mobilePhone: .mobilePhone
        case .otherPhone: .otherPhone
        case .loginID: .loginID
        case .businessRegistrationNumber: .businessRegistrationNumber
        case .corporateRegistrationNumber: .corporateRegistrationNumber
        case .webDomain: .webDomain
        default: nil
        }
    }

    /// Every field without a parameter, by name.
    private static let simpleFields: [String: ImportField] = {
        let fields: [ImportField] = [
            .externalID, .kind, .displayName, .customerNumber, .email, .mobilePhone, .otherPhone, .loginID, .birthDate,
            .businessRegistrationNumber, .corporateRegistrationNumber, .webDomain, .stage, .owner, .tags,
        ]
        return Dictionary(uniqueKeysWithValues: fields.map { ($0.name, $0) })
    }()
}
