import DangolCore
import DangolCSV

/// How to run an import. Every property has a working default.
///
/// ```swift
/// var options = ImportOptions()
/// options.source = "shop-2026"      // lineage name; re-importing under the same name is idempotent
/// options.encoding = .cp949         // instead of auto-detection
/// options.batchSize = 5_000
/// ```
public struct ImportOptions: Sendable {
    /// The source system's name, stored with every row's lineage (`source_records.source`) and on identifiers and
    /// consent events. Re-importing a file under the same source creates nothing new. 1–100 characters.
    public var source: String
    /// Rows per transaction: a batch lands entirely or not at all. 1–50,000; 10,000 by default (larger batches rewrite fewer index pages per row; see README Performance).
    public var batchSize: Int
    /// Where rejected rows go; nil means `<input>.rejects.csv` next to the input file.
    public var rejectPath: String?
    /// The file's encoding; `.auto` tells UTF-8 from CP949 (Korean Excel).
    public var encoding: CSVEncoding
    /// The field delimiter: `,` by default, `;` or TAB for some exports.
    public var delimiter: UInt8
    /// The channel recorded on consent events from `consent.<purpose>` columns.
    public var consentChannel: String
    /// Accept business/corporate registration numbers whose check digit fails (a few real ones do).
    public var acceptsChecksumFailures: Bool
    /// SQLite only: the page cache held during the import, in megabytes (the database's own setting is put back
    /// afterwards). Identifier indexes are keyed by random values, so a cache that holds them keeps large imports
    /// fast; 0 leaves the cache alone.
    public var cacheMegabytes: Int
    /// Score rows that no strong identifier resolves against existing customers sharing a weak value (name + birth
    /// date, web domain, name + address) with the match model. On by default.
    public var matchesProbabilistically = true

    /// Creates options; every argument has the default described on its property.
    public init(source: String = "import", batchSize: Int = 10_000, rejectPath: String? = nil, encoding: CSVEncoding = .auto,
                delimiter: UInt8 = UInt8(ascii: ","), consentChannel: String = "import", acceptsChecksumFailures: Bool = false,
                cacheMegabytes: Int = 256) {
        self.source = source
        self.batchSize = batchSize
        self.rejectPath = rejectPath
        self.encoding = encoding
        self.delimiter = delimiter
        self.consentChannel = consentChannel
        self.acceptsChecksumFailures = acceptsChecksumFailures
        self.cacheMegabytes = cacheMegabytes
    }

    /// Throws `invalidInput` for options that cannot work.
    func validate() throws(DangolError) {
        let trimmed = source.trimmingWhitespace()
        guard !trimmed.isEmpty, trimmed.count <= 100, trimmed == source else {
            throw DangolError.invalid(field: "source", code: "import.source", "The source name must have 1 to 100 characters and no surrounding spaces.")
        }
        guard (1...50_000).contains(batchSize) else {
            throw DangolError.invalid(field: "batchSize", code: "import.batch_size", "The batch size must be between 1 and 50,000 rows.")
        }
        guard CSVReaderOptions(delimiter: delimiter).hasValidDelimiter else {
            throw DangolError.invalid(field: "delimiter", code: "import.delimiter", "The delimiter must be one ASCII character other than a quote or a line break.")
        }
        guard (0...16_384).contains(cacheMegabytes) else {
            throw DangolError.invalid(field: "cacheMegabytes", code: "import.cache", "The import cache must be between 0 and 16,384 megabytes.")
        }
        let channel = consentChannel.trimmingWhitespace()
        guard !channel.isEmpty, channel.count <= 40 else {
            throw DangolError.invalid(field: "consentChannel", code: "import.consent_channel", "The consent channel must have 1 to 40 characters.")
        }
    }
}
