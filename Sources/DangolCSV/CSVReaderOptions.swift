/// How to read a CSV file or buffer.
///
/// ```swift
/// var options = CSVReaderOptions()
/// options.delimiter = UInt8(ascii: ";")
/// options.encoding = .cp949
/// ```
public struct CSVReaderOptions: Sendable {
    /// The byte that separates fields: `,` by default; `;` or TAB for some exports. Must be ASCII and neither a
    /// quote, CR nor LF; a reader given anything else traps, so validate a delimiter that comes from a user.
    public var delimiter: UInt8
    /// The file's encoding; `.auto` detects UTF-8 or CP949 from its first 64 KiB.
    public var encoding: CSVEncoding
    /// How many bytes to read from the file at a time (1 MiB by default). Memory use is a small multiple of this,
    /// plus the longest record. Values below 4 are treated as 4.
    public var chunkSize: Int
    /// The longest record, in UTF-8 bytes, that is kept in memory (16 MiB by default). A longer record — almost
    /// always a quote that was never closed — is skipped and reported, so a broken multi-gigabyte file cannot
    /// exhaust memory.
    public var maxRecordBytes: Int

    /// Creates options; every argument has the default described on its property.
    public init(
        delimiter: UInt8 = UInt8(ascii: ","),
        encoding: CSVEncoding = .auto,
        chunkSize: Int = 1 << 20,
        maxRecordBytes: Int = 16 << 20
    ) {
        self.delimiter = delimiter
        self.encoding = encoding
        self.chunkSize = chunkSize
        self.maxRecordBytes = maxRecordBytes
    }
}

extension CSVReaderOptions {
    /// Whether `delimiter` can separate fields: ASCII, and not a quote, CR or LF.
    public var hasValidDelimiter: Bool {
        delimiter < 0x80 && delimiter != UInt8(ascii: "\"") && delimiter != UInt8(ascii: "\r")
            && delimiter != UInt8(ascii: "\n")
    }
}
