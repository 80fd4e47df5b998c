import DangolCSV
import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes `bytes` to a fresh file in the temporary directory, runs `body` with its path and removes it.
func withTemporaryFile<T>(_ bytes: [UInt8], _ body: (String) throws -> T) throws -> T {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("dangol-csv-\(UUID().uuidString).csv")
    try Data(bytes).write(to: url)
    defer { try? FileManager.default.removeItem(at: url) }
    return try body(url.path)
}

/// `withTemporaryFile` for async bodies.
func withTemporaryFileAsync<T>(_ bytes: [UInt8], _ body: (String) async throws -> T) async throws -> T {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("dangol-csv-\(UUID().uuidString).csv")
    try Data(bytes).write(to: url)
    defer { try? FileManager.default.removeItem(at: url) }
    return try await body(url.path)
}

/// Every result of reading the file at `path` to its end.
func readFile(_ path: String, options: CSVReaderOptions = .init()) throws -> [Result<CSVRecord, CSVReadError>] {
    let reader = try CSVFileReader(path: path, options: options)
    return Array(reader)
}

/// Parses `text` (UTF-8) in memory.
func parse(_ text: String, options: CSVReaderOptions = .init()) -> [Result<CSVRecord, CSVReadError>] {
    CSVParser.parse(Array(text.utf8), options: options)
}

/// A successful result, to keep expectations short.
func record(_ line: Int, _ fields: [String]) -> Result<CSVRecord, CSVReadError> {
    .success(CSVRecord(line: line, fields: fields))
}

/// The error codes and lines among `results`.
func failures(_ results: [Result<CSVRecord, CSVReadError>]) -> [(line: Int, code: String)] {
    results.compactMap { result in
        if case .failure(let error) = result { return (error.line, error.code) }
        return nil
    }
}

/// Results as short strings — "line: field|field" for a record, "line! code" for an error — so that expectations
/// read like the file.
func summary(_ results: [Result<CSVRecord, CSVReadError>]) -> [String] {
    results.map { result in
        switch result {
        case .success(let record): "\(record.line): " + record.fields.joined(separator: "|")
        case .failure(let error): "\(error.line)! \(error.code)"
        }
    }
}

/// `text` converted to CP949 with the system's iconv (the same converter the reader uses in the other direction).
func cp949(_ text: String) -> [UInt8] {
    let converter = iconv_open("CP949", "UTF-8")
    precondition(converter != iconv_t(bitPattern: -1), "iconv lacks CP949")
    defer { iconv_close(converter) }
    var input = Array(text.utf8)
    var output = [UInt8](repeating: 0, count: input.count * 2 + 8)
    let produced = input.withUnsafeMutableBytes { inputBytes in
        output.withUnsafeMutableBytes { outputBytes in
            var inPointer = inputBytes.baseAddress?.assumingMemoryBound(to: CChar.self)
            var inLeft = inputBytes.count
            var outPointer = outputBytes.baseAddress?.assumingMemoryBound(to: CChar.self)
            var outLeft = outputBytes.count
            let result = iconv(converter, &inPointer, &inLeft, &outPointer, &outLeft)
            precondition(result != -1, "text not representable in CP949")
            return outputBytes.count - outLeft
        }
    }
    return Array(output[..<produced])
}

/// A small deterministic random generator (SplitMix64), so a failing property test fails the same way every run.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var mixed = state
        mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
        mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
        return mixed ^ (mixed >> 31)
    }
}
