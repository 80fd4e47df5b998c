import Foundation

/// Parses CSV that is already in memory — an HTTP upload, a test fixture — with exactly the rules of
/// `CSVFileReader`.
///
/// ```swift
/// let results = CSVParser.parse(Array("name,phone\n홍길동,010-1234-5678\n".utf8))
/// // [.success(CSVRecord(line: 1, fields: ["name", "phone"])),
/// //  .success(CSVRecord(line: 2, fields: ["홍길동", "010-1234-5678"]))]
/// ```
public struct CSVParser {
    /// All records of `bytes`, each a record or the error that kept it from being read, in order.
    public static func parse(
        _ bytes: [UInt8], options: CSVReaderOptions = .init()
    ) -> [Result<CSVRecord, CSVReadError>] {
        let stream: RecordStream
        do {
            stream = try RecordStream(source: .memory(bytes: bytes, offset: 0), options: options)
        } catch {
            // Memory cannot fail to read; only a missing iconv converter can stop us.
            return [.failure(.unsupportedEncoding(line: 1))]
        }
        var results: [Result<CSVRecord, CSVReadError>] = []
        while let result = stream.next() {
            results.append(result)
        }
        return results
    }

    /// All records of `data`; see `parse(_:options:)` for `[UInt8]`.
    public static func parse(_ data: Data, options: CSVReaderOptions = .init()) -> [Result<CSVRecord, CSVReadError>] {
        parse([UInt8](data), options: options)
    }

    /// The encoding `parse` would read `bytes` with: `.utf8` or `.cp949`, never `.auto`.
    public static func detectEncoding(_ bytes: [UInt8], requested: CSVEncoding = .auto) -> CSVEncoding {
        bytes.withUnsafeBytes { all in
            let sample = UnsafeRawBufferPointer(rebasing: all.prefix(EncodingDetector.sampleSize))
            return EncodingDetector.resolve(requested, sample: sample, isWholeInput: sample.count == all.count)
        }
    }
}
