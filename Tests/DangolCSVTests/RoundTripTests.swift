import DangolCSV
import Testing

/// Property tests: random records written with `CSVWriter` read back unchanged, with the right line numbers, by the
/// in-memory parser and by the file reader at any chunk size.
@Suite("Writing and reading back random records")
struct RoundTripTests {
    /// Pieces that fields are built from: everything that needs quoting, multibyte text, and plain words.
    static let pieces = [
        ",", "\"", "\n", "\r\n", "\r", " ", "\"\"", "홍길동", "서울, 강남구", "똠", "😀", "abc", "010-1234-5678", "'",
        "=", "é",
    ]
    /// Pieces that CP949 can represent.
    static let cp949Pieces = [",", "\"", "\n", "\r\n", "\r", " ", "홍길동", "서울, 강남구", "똠방각하", "abc", "가나다"]
    static let chunkSizes = [4, 5, 7, 13, 64, 1 << 20]

    static func randomRecords(seed: UInt64, pieces: [String]) -> [[String]] {
        var generator = SeededGenerator(seed: seed)
        return (0..<200).map { _ in
            (0..<Int.random(in: 1...6, using: &generator)).map { _ in
                (0..<Int.random(in: 0...4, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }
                    .joined()
            }
        }
    }

    /// The records with the physical line each starts on, given the text the writer made for each.
    static func expected(_ records: [[String]], lines: [String]) -> [String] {
        var line = 1
        return zip(records, lines).map { fields, text in
            defer { line += lineBreaks(in: text) }
            return "\(line): " + fields.joined(separator: "|")
        }
    }

    /// LF, CRLF and bare CR each end a line.
    static func lineBreaks(in text: String) -> Int {
        let bytes = Array(text.utf8)
        let (cr, lf) = (UInt8(ascii: "\r"), UInt8(ascii: "\n"))
        return bytes.indices.filter { index in
            bytes[index] == lf || (bytes[index] == cr && (index + 1 == bytes.count || bytes[index + 1] != lf))
        }.count
    }

    @Test("UTF-8 records read back unchanged with their lines", arguments: [1, 2, 3, 4] as [UInt64])
    func utf8RoundTrip(seed: UInt64) throws {
        let records = Self.randomRecords(seed: seed, pieces: Self.pieces)
        let writer = CSVWriter(neutralizeFormulas: false, usesCRLF: seed.isMultiple(of: 2))
        let lines = records.map(writer.line)
        let bytes = Array(lines.joined().utf8)
        let expected = Self.expected(records, lines: lines)
        #expect(summary(CSVParser.parse(bytes)) == expected)
        try withTemporaryFile(bytes) { path in
            for chunkSize in Self.chunkSizes {
                let results = try readFile(path, options: CSVReaderOptions(chunkSize: chunkSize))
                #expect(summary(results) == expected, "chunk size \(chunkSize)")
            }
        }
    }

    @Test("CP949 records read back unchanged with their lines", arguments: [5, 6] as [UInt64])
    func cp949RoundTrip(seed: UInt64) throws {
        let records = Self.randomRecords(seed: seed, pieces: Self.cp949Pieces)
        let writer = CSVWriter(neutralizeFormulas: false)
        let lines = records.map(writer.line)
        let bytes = cp949(lines.joined())
        let expected = Self.expected(records, lines: lines)
        try withTemporaryFile(bytes) { path in
            for chunkSize in Self.chunkSizes {
                let reader = try CSVFileReader(path: path, options: CSVReaderOptions(chunkSize: chunkSize))
                #expect(summary(Array(reader)) == expected, "chunk size \(chunkSize)")
                #expect(reader.detectedEncoding == .cp949)
            }
        }
    }
}
