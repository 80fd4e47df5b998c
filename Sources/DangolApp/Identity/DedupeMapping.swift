import DangolCore
import DangolIdentity
import Foundation

/// Which CSV column fills which ``DedupeField`` in `dangol dedupe --input`, in the format of ``ImportMapping``.
///
/// Without explicit entries a column whose header is a field name or a common header (`name`, 이름, `phone`, 휴대폰,
/// `email`, 생년월일, 주소, 우편번호, 고객번호, 사업자등록번호…) fills that field. A mapping file adds or overrides
/// entries, one `CSV header=field` per line (`#` comments; `-` ignores a column), or is a JSON object:
/// ```
/// # the shop's member export
/// 회원번호=id
/// 회원명=name
/// 핸드폰=phone
/// 자택전화=phone
/// 메모=-
/// ```
/// Fields: id, kind, name, company_name, birth_date, phone, email, address, postcode, customer_number, brn, crn, domain.
public struct DedupeMapping: Sendable, Hashable {
    /// Explicit entries: header → field.
    public var columns: [String: DedupeField]
    /// Headers to ignore even if their name is a field name.
    public var ignoredHeaders: Set<String>

    /// A mapping with explicit entries; other columns fall back to their header name.
    public init(columns: [String: DedupeField] = [:], ignoredHeaders: Set<String> = []) {
        self.columns = columns
        self.ignoredHeaders = ignoredHeaders
    }

    /// Header names are field names or common headers.
    public static let automatic = DedupeMapping()

    /// Parses a mapping file's text.
    public static func parse(_ text: String) throws(DangolError) -> DedupeMapping {
        var mapping = DedupeMapping()
        try MappingFile.apply(text, columns: &mapping.columns, ignoredHeaders: &mapping.ignoredHeaders, parse: { DedupeField(name: $0) },
                              fieldListing: DedupeField.allCases.map(\.rawValue).joined(separator: ", ") + ", or - to ignore")
        return mapping
    }

    /// Reads and parses a mapping file.
    public static func load(path: String) throws(DangolError) -> DedupeMapping {
        try parse(try MappingFile.read(path: path))
    }

    /// The columns of `header` per field, checked against the file: every mapped header exists, single-valued
    /// fields have one column, and there is something to match on. `excluding` names columns used otherwise (the
    /// truth column of an evaluation), which fill no field.
    func resolve(header: [String], excluding: Set<String> = []) throws(DangolError) -> DedupeColumns {
        let names = header.map { $0.trimmingCharacters(in: .whitespaces) }
        for mapped in columns.keys.sorted() where !names.contains(mapped) {
            throw DangolError(.invalidInput, "The mapping names the column '\(mapped.prefix(60))', which the file's header does not have.")
        }
        var columnsByField: [DedupeField: [Int]] = [:]
        for (index, name) in names.enumerated() where !ignoredHeaders.contains(name) && !excluding.contains(name) {
            guard let field = columns[name] ?? DedupeField(name: name) else { continue }
            if !field.isMultiValued, let other = columnsByField[field]?.first {
                throw DangolError(.invalidInput, """
                    The columns '\(names[other].prefix(60))' and '\(name.prefix(60))' both fill \(field.rawValue); map \
                    one of them to - to ignore it.
                    """)
            }
            columnsByField[field, default: []].append(index)
        }
        let matchable: Set<DedupeField> = [.name, .companyName, .phone, .email, .customerNumber, .businessRegistrationNumber,
                                           .corporateRegistrationNumber]
        guard !matchable.isDisjoint(with: columnsByField.keys) else {
            throw DangolError(.invalidInput, """
                No column fills a field to match on (name, company_name, phone, email, customer_number, brn, crn); \
                name the columns in a mapping file ('CSV header=field').
                """)
        }
        return DedupeColumns(columns: columnsByField)
    }
}

/// The resolved column positions of a file: where each field's values are.
struct DedupeColumns: Sendable {
    var columns: [DedupeField: [Int]]

    /// The raw record of one CSV row (`rowNumber` is the default id).
    func record(_ fields: [String], rowNumber: Int) -> RawIdentityRecord {
        func first(_ field: DedupeField) -> String {
            guard let index = columns[field]?.first, index < fields.count else { return "" }
            return fields[index]
        }
        func all(_ field: DedupeField) -> [String] {
            (columns[field] ?? []).compactMap { $0 < fields.count && !fields[$0].isEmpty ? fields[$0] : nil }
        }
        let id = first(.recordID)
        return RawIdentityRecord(
            id: id.isEmpty ? String(rowNumber) : id, kind: Self.kind(first(.kind)), name: first(.name),
            companyName: first(.companyName), birthDate: first(.birthDate), phones: all(.phone), emails: all(.email),
            address: first(.address), postcode: first(.postcode), customerNumbers: all(.customerNumber),
            businessRegistrationNumber: first(.businessRegistrationNumber),
            corporateRegistrationNumber: first(.corporateRegistrationNumber), webDomain: first(.webDomain))
    }

    /// `person`/개인 or `organisation`/`organization`/`company`/법인/기업; anything else is inferred.
    static func kind(_ text: String) -> CustomerKind? {
        switch text.trimmingCharacters(in: .whitespaces).lowercased() {
        case "person", "individual", "개인": .person
        case "organisation", "organization", "company", "법인", "기업", "단체": .organisation
        default: nil
        }
    }
}
