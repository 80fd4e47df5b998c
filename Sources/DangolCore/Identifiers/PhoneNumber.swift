/// A Korean phone number in canonical form, produced by ``PhoneNormalizer``.
///
/// ```swift
/// let phone = try PhoneNumber("010-1234-5678")
/// phone.e164            // "+821012345678"
/// phone.nationalFormat  // "010-1234-5678"
/// ```
public struct PhoneNumber: Sendable, Hashable, Codable, CustomStringConvertible {
    /// What kind of line a number reaches, decided by its prefix.
    public enum LineType: String, Sendable, Hashable, Codable, CaseIterable {
        /// 휴대전화 mobile: 010, and the legacy 011/016/017/018/019.
        case mobile
        /// 유선전화 landline: Seoul 02 and the regional area codes 031–064.
        case landline
        /// 인터넷전화 internet phone: 070.
        case internet
        /// 수신자부담 toll-free: 080.
        case tollFree = "toll_free"
        /// 개인번호·안심번호 personal or relay number: 050x (e.g. the "safe numbers" of delivery apps).
        case personal
        /// 대표번호 representative number: 8 digits starting 15, 16 or 18, e.g. 1588-1234. No area code.
        case representative
    }

    /// The number in E.164 form, `"+821012345678"`. This is the stored and compared value.
    public let e164: String
    /// The kind of line, from the prefix.
    public let lineType: LineType
    /// Whether the number uses a pre-2004 mobile prefix (011, 016, 017, 018, 019).
    public let isLegacyMobilePrefix: Bool

    /// Parses and normalises any common Korean form; see ``PhoneNormalizer/normalize(_:)``.
    public init(_ raw: String) throws(NormalizationError) {
        self = try PhoneNormalizer.normalize(raw)
    }

    /// Creates a number from already-validated parts. `nationalSignificantNumber` has no leading 0 or country code.
    init(nationalSignificantNumber: String, lineType: LineType, isLegacyMobilePrefix: Bool) {
        self.e164 = "+82" + nationalSignificantNumber
        self.lineType = lineType
        self.isLegacyMobilePrefix = isLegacyMobilePrefix
    }

    /// Whether the number is a mobile number (휴대전화), including legacy prefixes.
    public var isMobile: Bool { lineType == .mobile }

    /// The digits after `+82`, without the domestic trunk 0.
    public var nationalSignificantNumber: String { String(e164.dropFirst(3)) }

    /// The number as written in Korea, grouped with hyphens: `"010-1234-5678"`, `"011-123-4567"`, `"02-123-4567"`,
    /// `"031-1234-5678"`, `"0505-123-4567"`, `"1588-1234"`.
    public var nationalFormat: String {
        let significant = nationalSignificantNumber
        let areaLength: Int
        switch lineType {
        case .representative:
            return Self.grouped(significant)
        case .mobile:
            areaLength = 2
        case .landline:
            areaLength = significant.hasPrefix("2") ? 1 : 2
        case .internet, .tollFree:
            areaLength = 2
        case .personal:
            areaLength = 3
        }
        let area = "0" + significant.prefix(areaLength)
        return area + "-" + Self.grouped(String(significant.dropFirst(areaLength)))
    }

    /// The last four digits, as used for lookups by phone ("끝자리 검색") and in masked display.
    public var lastFour: String { String(e164.suffix(4)) }

    /// The national format, handy in logs of non-personal contexts. Mask personal numbers before display.
    public var description: String { nationalFormat }

    /// Splits a 7- or 8-digit subscriber number (or an 8-digit representative number) into two hyphenated groups:
    /// 3-4 or 4-4.
    private static func grouped(_ digits: String) -> String {
        let head = digits.count - 4
        return digits.prefix(head) + "-" + digits.suffix(4)
    }
}
