/// One dimension a lookalike comparison looks at: a category a customer has (kind, a tag, a custom attribute's value,
/// an age band, the kind of e-mail domain) or a measure (early purchases, early spend, early contacts, a numeric
/// custom attribute).
///
/// Categories are 1 when the customer has them and 0 otherwise; measures are `sign(x)·ln(1 + |x|)` of the raw value, so
/// one big spender does not stretch the scale for everyone (see ``LookalikeTraits/features``).
public enum LookalikeFeature: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// `person` or `organisation`.
    case kind(String)
    /// A tag the customer carries.
    case tag(String)
    /// A text or yes/no custom attribute with its canonical value (`region` = `서울`).
    case attribute(key: String, value: String)
    /// A numeric custom attribute (missing counts as 0).
    case number(key: String)
    /// The decade of the customer's age: 10 for ages below 20, …, 70 for 70 and over (연령대).
    case ageBand(Int)
    /// Whether the customer's e-mail is at a free mail provider, at another (work) domain, or missing.
    case emailDomain(EmailDomainClass)
    /// Purchases in the customer's first days (see ``LookalikeTraits/earlyPurchases``).
    case earlyPurchases
    /// Net spend in the customer's first days.
    case earlySpend
    /// Contacts (interactions) in the customer's first days.
    case earlyContacts

    /// The family of the feature as the API names it: `kind`, `tag`, `attribute`, `number`, `age_band`,
    /// `email_domain`, `early_purchases`, `early_spend` or `early_contacts`.
    public var family: String {
        switch self {
        case .kind: "kind"
        case .tag: "tag"
        case .attribute: "attribute"
        case .number: "number"
        case .ageBand: "age_band"
        case .emailDomain: "email_domain"
        case .earlyPurchases: "early_purchases"
        case .earlySpend: "early_spend"
        case .earlyContacts: "early_contacts"
        }
    }

    /// The attribute's key for `attribute` and `number`, nil otherwise.
    public var key: String? {
        switch self {
        case .attribute(let key, _), .number(let key): key
        default: nil
        }
    }

    /// The category's value (`person`, the tag, the attribute's value, `30`, `free`), nil for measures.
    public var value: String? {
        switch self {
        case .kind(let value), .tag(let value), .attribute(_, let value): value
        case .ageBand(let decade): String(decade)
        case .emailDomain(let domainClass): domainClass.rawValue
        case .number, .earlyPurchases, .earlySpend, .earlyContacts: nil
        }
    }

    /// Whether the feature is derived from personal data (birth date, e-mail address): a caller that masks a customer
    /// should not show it for them.
    public var isPersonalData: Bool {
        switch self {
        case .ageBand, .emailDomain: true
        default: false
        }
    }

    /// `family[:key][=value]`, e.g. `tag=VIP`, `attribute:region=서울`, `early_spend`.
    public var description: String {
        family + (key.map { ":" + $0 } ?? "") + (value.map { "=" + $0 } ?? "")
    }

    /// By family, key and value (a deterministic order for dimensions and ties).
    public static func < (lhs: LookalikeFeature, rhs: LookalikeFeature) -> Bool {
        (lhs.family, lhs.key ?? "", lhs.value ?? "") < (rhs.family, rhs.key ?? "", rhs.value ?? "")
    }
}
