import DangolCore
import DangolCSV
import DangolIdentity

/// Writes the records of a ``SyntheticIdentityGenerator`` to a CSV file with their truth (`entity_id`), streaming:
/// a million records take seconds and constant memory. The header uses ``DedupeField`` names, so
/// `dangol dedupe --input FILE --truth-column entity_id` needs no mapping file.
///
/// ```swift
/// try SyntheticIdentityCSV(generator: SyntheticIdentityGenerator(seed: 1)).write(records: 10_000, to: "ids.csv")
/// ```
public struct SyntheticIdentityCSV: Sendable {
    /// The generator (seed and noise).
    public var generator: SyntheticIdentityGenerator

    /// Creates a writer for `generator`'s records.
    public init(generator: SyntheticIdentityGenerator) {
        self.generator = generator
    }

    /// The header: ``SyntheticRecord/csvHeader`` with the record id column named `id` and the phones `phone`,
    /// `phone` (two columns of the multi-valued phone field).
    public static let header = SyntheticRecord.csvHeader.map { column in
        switch column {
        case "record_id": "id"
        case "phone2": "phone"
        default: column
        }
    }

    /// Writes the header and `records` records to `path` (created or truncated).
    public func write(records: Int, to path: String) throws(DangolError) {
        let writer = CSVWriter(neutralizeFormulas: false)
        let file = try OutputFile.create(path: path, permissions: 0o644)
        try file.write(writer.line(Self.header))
        try generator.forEachRecord(count: records) { record throws(DangolError) in
            try file.write(writer.line(record.csvFields))
        }
        try file.close()
    }
}
