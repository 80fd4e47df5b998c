/// What an e-mail domain says about a customer, without keeping the address: a free mail provider (개인 메일), another
/// domain (usually a workplace or a school: 회사 메일), or no e-mail at all.
public enum EmailDomainClass: String, Sendable, Hashable, Codable, CaseIterable {
    case free
    case work
    case none

    /// Free mail providers common in Korea and worldwide.
    public static let freeProviders: Set<String> = [
        "naver.com", "hanmail.net", "daum.net", "kakao.com", "nate.com", "korea.com", "empas.com", "paran.com", "dreamwiz.com",
        "hanmir.com", "chol.com", "lycos.co.kr", "gmail.com", "googlemail.com", "hotmail.com", "outlook.com", "live.com",
        "msn.com", "yahoo.com", "yahoo.co.kr", "icloud.com", "me.com", "aol.com", "proton.me", "protonmail.com",
    ]

    /// The class of `domain` (the part after `@`, any case); `.none` for nil or empty.
    public init(domain: String?) {
        guard let domain = domain?.lowercased(), !domain.isEmpty else {
            self = .none
            return
        }
        self = Self.freeProviders.contains(domain) ? .free : .work
    }
}
