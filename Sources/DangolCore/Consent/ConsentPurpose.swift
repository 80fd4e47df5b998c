/// What a customer agrees to. Each marketing channel is a separate purpose, as Korean law requires separate,
/// specific consent per use.
public enum ConsentPurpose: String, Sendable, Hashable, Codable, CaseIterable {
    /// 개인정보 수집·이용 (필수): collection and use of personal data — required to keep a customer record.
    case collectionAndUse = "collection_and_use"
    /// 마케팅 수신 동의 — SMS/알림톡.
    case marketingSMS = "marketing_sms"
    /// 마케팅 수신 동의 — e-mail.
    case marketingEmail = "marketing_email"
    /// 마케팅 수신 동의 — phone calls (telemarketing).
    case marketingPhone = "marketing_phone"
    /// 마케팅 수신 동의 — post (direct mail).
    case marketingPost = "marketing_post"
    /// 마케팅 수신 동의 — app push.
    case marketingPush = "marketing_push"
    /// 제3자 제공 동의: provision to a named third party (the event carries the recipient).
    case thirdPartyProvision = "third_party_provision"
    /// 야간 광고성 정보 수신 동의: advertising between 21:00 and 08:00.
    case nightTimeAdvertising = "night_time_advertising"

    /// Whether events for this purpose must name a recipient.
    public var requiresRecipient: Bool { self == .thirdPartyProvision }

    /// The Korean label shown in the console.
    public var koreanName: String {
        switch self {
        case .collectionAndUse: "개인정보 수집·이용 (필수)"
        case .marketingSMS: "마케팅 수신 — 문자"
        case .marketingEmail: "마케팅 수신 — 이메일"
        case .marketingPhone: "마케팅 수신 — 전화"
        case .marketingPost: "마케팅 수신 — 우편"
        case .marketingPush: "마케팅 수신 — 앱 푸시"
        case .thirdPartyProvision: "제3자 제공"
        case .nightTimeAdvertising: "야간 광고 수신 (21:00–08:00)"
        }
    }

    /// The English label shown in the console.
    public var englishName: String {
        switch self {
        case .collectionAndUse: "Collection & use (required)"
        case .marketingSMS: "Marketing — SMS"
        case .marketingEmail: "Marketing — email"
        case .marketingPhone: "Marketing — phone"
        case .marketingPost: "Marketing — post"
        case .marketingPush: "Marketing — app push"
        case .thirdPartyProvision: "Third-party provision"
        case .nightTimeAdvertising: "Night-time advertising (21:00–08:00)"
        }
    }
}
