/// A field compared between two records, with its comparison levels from strongest agreement to disagreement.
///
/// Each comparison of a pair yields one level per field, or ``ComparisonLevel/missing`` when either record lacks the
/// field; a missing field adds weight 0. The level lists are part of a stored ``MatchModel``: append, never reorder.
public enum ComparisonField: String, Sendable, Hashable, Codable, CaseIterable {
    /// Person or organisation name (organisations: the ``CompanyNameNormalizer`` key), compared on Hangul jamo.
    case name
    /// 생년월일 birth date.
    case birthDate = "birth_date"
    /// Any phone number of one record against any of the other.
    case phone
    /// Any e-mail match key of one record against any of the other.
    case email
    /// Postal address, by token-set similarity.
    case address
    /// 우편번호 postcode.
    case postcode
    /// 사업자등록번호.
    case businessRegistrationNumber = "brn"
    /// 법인등록번호.
    case corporateRegistrationNumber = "crn"
    /// Web domain.
    case webDomain = "web_domain"

    /// The level names, strongest agreement first; the index is the level's number.
    public var levels: [String] {
        switch self {
        case .name: ["exact", "nickname", "one_typo", "jaro_winkler_0.92", "jaro_winkler_0.80", "different"]
        case .birthDate: ["exact", "day_month_swapped", "one_digit_off", "same_year", "different"]
        case .phone: ["exact", "same_last_8_digits", "different"]
        case .email: ["exact", "similar_local_part", "different"]
        case .address: ["same", "similar", "different"]
        case .postcode, .businessRegistrationNumber, .corporateRegistrationNumber, .webDomain: ["same", "different"]
        }
    }

    /// The number of levels, not counting ``ComparisonLevel/missing``.
    public var levelCount: Int { levels.count }

    /// The position of the field in a comparison vector and in ``MatchModel/fields``.
    var index: Int { Self.allCases.firstIndex(of: self)! }
}

/// The level numbers with a meaning of their own.
public enum ComparisonLevel {
    /// Either record lacks the field: no evidence, weight 0.
    public static let missing: UInt8 = 255
}
