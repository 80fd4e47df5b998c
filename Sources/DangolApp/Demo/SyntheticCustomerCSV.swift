import DangolCore
import DangolCSV

/// Writes a CSV file of synthetic customers — the same ones ``DemoDataBuilder`` creates for the seed — in the import
/// format (its header uses ``ImportField`` names, so ``CustomerImporter`` maps it without a mapping file). Streams:
/// a million rows take a few seconds and a few megabytes of memory. Used by the import benchmark and tests.
///
/// ```swift
/// try SyntheticCustomerCSV(seed: 42).write(rows: 1_000_000, to: "/tmp/customers.csv")
/// ```
public struct SyntheticCustomerCSV: Sendable {
    /// Fixes the data: the same seed gives the same file.
    public var seed: UInt64
    /// Usernames for the `owner` column (they must exist when the file is imported); empty leaves it blank.
    public var owners: [String]

    /// Creates a generator for the seed.
    public init(seed: UInt64 = 1, owners: [String] = []) {
        self.seed = seed
        self.owners = owners
    }

    /// The header line's fields.
    public static let header = [
        "external_id", "kind", "display_name", "customer_number", "email", "mobile_phone", "other_phone", "birth_date",
        "brn", "web_domain", "stage", "owner", "tags", "consent.collection_and_use", "consent.marketing_sms",
        "consent.marketing_email",
    ]

    /// Writes the header and `rows` customers to `path` (created or truncated).
    public func write(rows: Int, to path: String) throws(DangolError) {
        let generator = SyntheticCustomerGenerator(seed: seed, owners: owners)
        let writer = CSVWriter(neutralizeFormulas: false)
        let output = try OutputFile.create(path: path, permissions: 0o644)
        try output.write(writer.line(Self.header))
        for index in 0..<max(0, rows) {
            try output.write(writer.line(Self.fields(of: generator.customer(at: index))))
        }
        try output.close()
    }

    /// One customer as fields in `header` order.
    static func fields(of customer: SyntheticCustomer) -> [String] {
        [
            customer.externalID, customer.kind.rawValue, customer.displayName, customer.customerNumber, customer.email,
            customer.mobilePhone, customer.otherPhone, customer.birthDate, customer.brn, customer.webDomain,
            customer.stage.rawValue, customer.owner, customer.tags.joined(separator: ";"), "Y",
            customer.marketingSMS ? "Y" : "N", customer.marketingEmail ? "Y" : "N",
        ]
    }
}

/// Synthetic customers as an import record source: the header, then one record per customer (line = index + 2, as
/// if read from the file ``SyntheticCustomerCSV`` writes).
final class SyntheticCustomerSource: ImportRecordSource {
    private let generator: SyntheticCustomerGenerator
    private let count: Int
    private var position = -1

    init(generator: SyntheticCustomerGenerator, count: Int) {
        self.generator = generator
        self.count = count
    }

    func next() -> Result<CSVRecord, CSVReadError>? {
        defer { position += 1 }
        if position < 0 { return .success(CSVRecord(line: 1, fields: SyntheticCustomerCSV.header)) }
        guard position < count else { return nil }
        return .success(CSVRecord(line: position + 2, fields: SyntheticCustomerCSV.fields(of: generator.customer(at: position))))
    }

    var bytesRead: Int64 { Int64(max(0, position)) }
    var totalBytes: Int64 { Int64(count) }
    var encodingName: String { "utf-8" }
}
