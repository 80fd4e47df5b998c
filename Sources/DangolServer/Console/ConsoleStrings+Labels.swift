import DangolApp
import DangolCore

extension ConsoleStrings {
    /// Labels of domain values and Korean texts for field-error codes.
    static let labels: [String: Entry] = [
        "kind_person": Entry(ko: "개인", en: "Person"),
        "kind_organisation": Entry(ko: "법인·단체", en: "Organisation"),
        "role_admin": Entry(ko: "관리자", en: "Admin"),
        "role_manager": Entry(ko: "매니저", en: "Manager"),
        "role_agent": Entry(ko: "상담원", en: "Agent"),
        "role_analyst": Entry(ko: "분석가", en: "Analyst"),
        "identifierType_customer_number": Entry(ko: "고객번호", en: "Customer number"),
        "identifierType_email": Entry(ko: "이메일", en: "Email"),
        "identifierType_mobile_phone": Entry(ko: "휴대전화", en: "Mobile phone"),
        "identifierType_other_phone": Entry(ko: "기타 전화", en: "Other phone"),
        "identifierType_login_id": Entry(ko: "로그인 ID", en: "Login ID"),
        "identifierType_device_id": Entry(ko: "기기 ID", en: "Device ID"),
        "identifierType_sns_url": Entry(ko: "SNS 주소", en: "SNS profile URL"),
        "identifierType_name_birth_date": Entry(ko: "이름+생년월일", en: "Name + birth date"),
        "identifierType_rrn": Entry(ko: "주민등록번호", en: "Resident registration no."),
        "identifierType_brn": Entry(ko: "사업자등록번호", en: "Business registration no."),
        "identifierType_crn": Entry(ko: "법인등록번호", en: "Corporate registration no."),
        "identifierType_web_domain": Entry(ko: "웹 도메인", en: "Web domain"),
        "identifierType_name_address": Entry(ko: "이름+주소", en: "Name + address"),
        "channel_store": Entry(ko: "매장", en: "In store"),
        "channel_call_center": Entry(ko: "전화", en: "By phone"),
        "channel_paper": Entry(ko: "서면", en: "On paper"),
        "channel_web": Entry(ko: "웹", en: "Web"),
        "channel_app": Entry(ko: "앱", en: "App"),
        "channel_crm": Entry(ko: "상담원 입력", en: "Entered by staff"),
        "relation_works_at": Entry(ko: "재직", en: "Works at"),
        "relation_contact_for": Entry(ko: "담당 연락처", en: "Contact for"),
        // Korean texts for field-error codes; English pages show the service's own (more specific) message.
        "fieldError_required": Entry(ko: "필수 항목입니다.", en: "This field is required."),
        "fieldError_too_long": Entry(ko: "너무 깁니다.", en: "Too long."),
        "fieldError_invalid_characters": Entry(ko: "쓸 수 없는 문자가 있습니다.", en: "Contains characters that are not allowed."),
        "fieldError_invalid_tag": Entry(ko: "태그는 1–50자여야 합니다.", en: "A tag has 1 to 50 characters."),
        "fieldError_too_many": Entry(ko: "태그는 50개까지 넣을 수 있습니다.", en: "At most 50 tags."),
        "fieldError_owner.unknown": Entry(ko: "담당자를 찾을 수 없습니다.", en: "The owner is not a user."),
        "fieldError_empty": Entry(ko: "값이 비어 있습니다.", en: "The value is empty."),
        "fieldError_phone": Entry(ko: "전화번호 형식이 올바르지 않습니다.", en: "The phone number is not valid."),
        "fieldError_phone.not_mobile": Entry(ko: "휴대전화 번호(010 등)가 아닙니다.", en: "This is not a mobile number."),
        "fieldError_email": Entry(ko: "이메일 주소 형식이 올바르지 않습니다.", en: "The email address is not valid."),
        "fieldError_brn": Entry(ko: "사업자등록번호는 숫자 10자리입니다.", en: "A BRN has 10 digits."),
        "fieldError_brn.checksum": Entry(ko: "사업자등록번호 검증번호가 맞지 않습니다. 맞는 번호라면 ‘검증번호가 맞지 않아도 저장’을 선택하세요.",
                                         en: "The BRN checksum fails. If the number is right, tick ‘Accept a failing checksum’."),
        "fieldError_crn": Entry(ko: "법인등록번호 형식이 올바르지 않습니다.", en: "The corporate registration number is not valid."),
        "fieldError_crn.checksum": Entry(ko: "법인등록번호 검증번호가 맞지 않습니다. 맞는 번호라면 ‘검증번호가 맞지 않아도 저장’을 선택하세요.",
                                         en: "The checksum fails. If the number is right, tick ‘Accept a failing checksum’."),
        "fieldError_rrn": Entry(ko: "주민등록번호 형식이 올바르지 않습니다.", en: "The resident registration number is not valid."),
        "fieldError_rrn.collection_disabled": Entry(ko: "주민등록번호 수집이 꺼져 있습니다. 관리자가 법적 근거를 먼저 기록해야 합니다.",
                                                    en: "RRN collection is off; an admin must record a legal basis first."),
        "fieldError_identifier.wrong_kind": Entry(ko: "이 고객 구분에는 쓸 수 없는 식별자입니다.", en: "This identifier does not fit the customer's kind."),
        "fieldError_identifier.unknown_type": Entry(ko: "알 수 없는 식별자 유형입니다.", en: "Unknown identifier type."),
        "fieldError_consent.future": Entry(ko: "동의 일시는 미래일 수 없습니다.", en: "A consent cannot be dated in the future."),
        "fieldError_invalid": Entry(ko: "값이 올바르지 않습니다.", en: "Invalid value."),
    ]

    /// `개인` / `Person`.
    func kind(_ kind: CustomerKind) -> String { self["kind_" + kind.rawValue] }

    /// The role's name.
    func role(_ role: Role) -> String { self["role_" + role.rawValue] }

    /// The identifier type's name.
    func identifierType(_ type: IdentifierType) -> String { self["identifierType_" + type.rawValue] }

    /// The consent purpose's name (from the domain, which owns the legal wording).
    func purpose(_ purpose: ConsentPurpose) -> String { language == .ko ? purpose.koreanName : purpose.englishName }

    /// A consent channel's name; unknown channels (`api`, `import`) are shown as stored.
    func channel(_ channel: String) -> String { all["channel_" + channel] ?? channel }

    /// A relationship kind's name.
    func relation(_ kind: String) -> String { all["relation_" + kind] ?? kind }

    /// A stage with its Korean term beside the English one, as the business says it: `잠재 prospect`.
    func stage(_ stage: LifecycleStage) -> String { stage.koreanName + " " + stage.rawValue }

    /// The message to show for a field error. Korean pages use the Korean text for the code (or its family, e.g. all
    /// `phone.*` codes), English pages the service's own message; unknown codes fall back to the service's message.
    func fieldError(_ error: FieldError) -> String {
        guard language == .ko else { return error.message }
        let family = String(error.code.prefix { $0 != "." })
        return all["fieldError_" + error.code] ?? all["fieldError_" + family] ?? error.message
    }
}
