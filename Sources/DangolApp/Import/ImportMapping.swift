import DangolCore
import Foundation

/// Which CSV column fills which customer field (``ImportField``).
///
/// Without explicit entries, a column whose header is a field name (`display_name`, `mobile_phone`, `attr.grade`,
/// `consent.marketing_sms`…, case-insensitive) or a common Korean header (이름, 휴대폰, 이메일, 고객번호, 생년월일,
/// 사업자등록번호…, see ``defaultField(forHeader:)``) fills that field; other columns are ignored.
///
/// A mapping file adds or overrides entries, one `CSV header=field` per line (blank lines and lines starting with
/// `#` are skipped; `-` as the field ignores the column):
/// ```
/// # our shop's export
/// 회원명=display_name
/// 핸드폰=mobile_phone
/// 등급=attr.grade
/// SMS수신=consent.marketing_sms
/// 메모=-
/// ```
/// A file whose first non-blank character is `{` is read as JSON instead: `{"회원명": "display_name", "메모": null}`.
public struct ImportMapping: Sendable, Hashable {
    /// Explicit entries: header (as written in the file, trimmed) → field. They win over the default names.
    public var columns: [String: ImportField]
    /// Headers to ignore even if their name is a field name.
    public var ignoredHeaders: Set<String>

    /// A mapping with explicit entries; every other column falls back to ``defaultField(forHeader:)``.
    public init(columns: [String: ImportField] = [:], ignoredHeaders: Set<String> = []) {
        self.columns = columns
        self.ignoredHeaders = ignoredHeaders
    }

    /// Header names are field names or common Korean headers.
    public static let automatic = ImportMapping()

    /// Parses a mapping file's text (`header=field` lines or a JSON object).
    public static func parse(_ text: String) throws(DangolError) -> ImportMapping {
        var mapping = ImportMapping()
        try MappingFile.apply(text, columns: &mapping.columns, ignoredHeaders: &mapping.ignoredHeaders, parse: { ImportField(name: $0) },
                              fieldListing: fieldListing)
        return mapping
    }

    /// Reads and parses a mapping file.
    public static func load(path: String) throws(DangolError) -> ImportMapping {
        try parse(try MappingFile.read(path: path))
    }

    static let fieldListing = """
        external_id, kind, display_name, customer_number, email, mobile_phone, other_phone, login_id, birth_date, brn, \
        crn, web_domain, stage, owner, tags, attr.<key>, consent.<purpose>, or - to ignore
        """

    /// The field a header fills when no mapping entry names it: a field name, or a common Korean or English header.
    ///
    /// ```swift
    /// ImportMapping.defaultField(forHeader: "휴대폰")  // .mobilePhone
    /// ImportMapping.defaultField(forHeader: "Email")   // .email
    /// ```
    public static func defaultField(forHeader header: String) -> ImportField? {
        if let field = ImportField(name: header) { return field }
        let folded = String(header.trimmingWhitespace().lowercased().filter { !($0 == " " || $0 == "_" || $0 == "-") })
        return aliases[folded]
    }

    private static let aliases: [String: ImportField] = [
        "이름": .displayName, "성명": .displayName, "고객명": .displayName, "회원명": .displayName, "상호": .displayName,
        "회사명": .displayName, "name": .displayName, "displayname": .displayName, "fullname": .displayName,
        "휴대폰": .mobilePhone, "휴대전화": .mobilePhone, "핸드폰": .mobilePhone, "휴대폰번호": .mobilePhone,
        "휴대전화번호": .mobilePhone, "mobile": .mobilePhone, "mobilephone": .mobilePhone, "phone": .mobilePhone,
        "전화": .otherPhone, "전화번호": .otherPhone, "유선전화": .otherPhone, "otherphone": .otherPhone,
        "이메일": .email, "이메일주소": .email, "메일": .email, "email": .email,
        "고객번호": .customerNumber, "회원번호": .customerNumber, "customernumber": .customerNumber,
        "생년월일": .birthDate, "birthdate": .birthDate, "birthday": .birthDate,
        "사업자등록번호": .businessRegistrationNumber, "사업자번호": .businessRegistrationNumber,
        "법인등록번호": .corporateRegistrationNumber,
        "아이디": .loginID, "loginid": .loginID,
        "홈페이지": .webDomain, "웹사이트": .webDomain, "webdomain": .webDomain, "website": .webDomain,
        "고객구분": .kind, "구분": .kind,
        "단계": .stage, "고객단계": .stage, "lifecyclestage": .stage,
        "담당자": .owner, "태그": .tags,
        "externalid": .externalID,
    ]

    /// Decides the field of every column of `header`, checking that the mapping fits the file: every mapped header
    /// exists, no field is filled by two columns, `display_name` is present and every `attr.<key>` is declared.
    /// Throws before anything is written.
    func resolve(header: [String], definitions: [String: AttributeDefinition]) throws(DangolError) -> ImportColumns {
        let names = header.map { $0.trimmingWhitespace() }
        let present = Set(names)
        for mapped in columns.keys.sorted() where !present.contains(mapped) {
            throw DangolError(.invalidInput, "The mapping names the column '\(mapped.prefix(60))', which the file's header does not have. Nothing was imported.")
        }
        var assigned: [ImportField: String] = [:]
        var fields: [(Int, ImportField)] = []
        var ignored: [String] = []
        for (index, name) in names.enumerated() {
            let field: ImportField?
            if ignoredHeaders.contains(name) {
                field = nil
            } else {
                field = columns[name] ?? Self.defaultField(forHeader: name)
            }
            guard let field else {
                ignored.append(name)
                continue
            }
            if let other = assigned[field] {
                throw DangolError(.invalidInput, """
                    The columns '\(other.prefix(60))' and '\(name.prefix(60))' both fill \(field.name); map one of them to - \
                    to ignore it. Nothing was imported.
                    """)
            }
            if case .attribute(let key) = field, definitions[key] == nil {
                throw DangolError(.invalidInput, """
                    The column '\(name.prefix(60))' fills the custom attribute '\(key)', which is not defined; define it \
                    first. Nothing was imported.
                    """)
            }
            if case .consent(let purpose) = field, purpose.requiresRecipient {
                throw DangolError(.invalidInput, """
                    The column '\(name.prefix(60))' fills \(field.name), which needs a named recipient per event; record \
                    third-party provision through the API. Nothing was imported.
                    """)
            }
            assigned[field] = name
            fields.append((index, field))
        }
        guard assigned[.displayName] != nil else {
            throw DangolError(.invalidInput, """
                The file has no display_name column (a header display_name or 이름, or a mapping entry 'header=display_name'). \
                Nothing was imported.
                """, fieldErrors: [FieldError(field: "display_name", code: "import.missing_column",
                                              message: "No column fills display_name.")])
        }
        return ImportColumns(headerCount: header.count, fields: fields, definitions: definitions, ignoredHeaders: ignored)
    }
}
