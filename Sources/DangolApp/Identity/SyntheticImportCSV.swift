import DangolCore
import DangolCSV
import DangolIdentity

/// The synthetic identity records (``SyntheticIdentityGenerator``) in the customer import's own format, so that the
/// database path — `dangol import customers`, then `dangol dedupe` — can be scored against the known truth.
///
/// The display name is the person's or the company's name; the first phone goes to `mobile_phone` when it is a mobile
/// number and to `other_phone` otherwise (a landline), the second to `other_phone`. The truth (`external_id` →
/// entity) is returned, not written: the import must not see it.
public struct SyntheticImportCSV: Sendable {
    public var generator: SyntheticIdentityGenerator

    public init(generator: SyntheticIdentityGenerator) {
        self.generator = generator
    }

    public static let header = [
        "external_id", "kind", "display_name", "birth_date", "mobile_phone", "other_phone", "email", "customer_number", "brn",
        "crn", "web_domain",
    ]

    /// Writes `records` rows to `path` and returns each row's true entity by external id.
    public func write(records: Int, to path: String) throws(DangolError) -> [String: String] {
        let writer = CSVWriter(neutralizeFormulas: false)
        let file = try OutputFile.create(path: path, permissions: 0o644)
        try file.write(writer.line(Self.header))
        var truth: [String: String] = [:]
        truth.reserveCapacity(records)
        try generator.forEachRecord(count: records) { record throws(DangolError) in
            let raw = record.raw
            var mobile = ""
            var others: [String] = []
            for phone in raw.phones where !phone.isEmpty {
                if mobile.isEmpty, (try? PhoneNormalizer.normalize(phone))?.isMobile == true { mobile = phone } else { others.append(phone) }
            }
            try file.write(writer.line([
                raw.id, raw.kind?.rawValue ?? "person", raw.name.isEmpty ? raw.companyName : raw.name, raw.birthDate, mobile,
                others.first ?? "", raw.emails.first ?? "", raw.customerNumbers.first ?? "", raw.businessRegistrationNumber,
                raw.corporateRegistrationNumber, raw.webDomain,
            ]))
            truth[raw.id] = record.entityID
        }
        try file.close()
        return truth
    }
}
