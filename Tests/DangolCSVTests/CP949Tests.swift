import DangolCSV
import Foundation
import Testing

@Suite("Reading CP949 (EUC-KR) files from Korean Excel")
struct CP949Tests {
    /// "홍길동" as Korean Excel saves it, checked against `iconv -f UTF-8 -t CP949`.
    static let hongGildong: [UInt8] = [0xC8, 0xAB, 0xB1, 0xE6, 0xB5, 0xBF]
    static let header = cp949("이름,주소,메모\n")
    static let body = cp949("홍길동,\"서울특별시 강남구, 테헤란로\",\"단골\n고객\"\n똠방각하,부산,\n")

    @Test("Known CP949 bytes: 홍길동 is C8 AB B1 E6 B5 BF, and 똠 (a UHC extension syllable) is 8C 63")
    func knownBytes() {
        #expect(cp949("홍길동") == Self.hongGildong)
        #expect(cp949("똠") == [0x8C, 0x63])
        #expect(CSVParser.parse(Self.hongGildong + [0x2C, 0x8C, 0x63], options: .init(encoding: .cp949))
            == [record(1, ["홍길동", "똠"])])
    }

    @Test("Auto-detection reads a CP949 file as CP949", arguments: [CSVEncoding.auto, .cp949])
    func readsCP949File(encoding: CSVEncoding) throws {
        try withTemporaryFile(Self.header + Self.body) { path in
            let reader = try CSVFileReader(path: path, options: CSVReaderOptions(encoding: encoding))
            let results = Array(reader)
            #expect(reader.detectedEncoding == .cp949)
            #expect(
                summary(results) == [
                    "1: 이름|주소|메모", "2: 홍길동|서울특별시 강남구, 테헤란로|단골\n고객", "4: 똠방각하|부산|",
                ])
            #expect(reader.bytesRead == reader.totalBytes)
        }
    }

    @Test("Auto-detection reads UTF-8 and plain ASCII as UTF-8")
    func detectsUTF8() {
        #expect(CSVParser.detectEncoding(Array("이름,전화\n홍길동,010\n".utf8)) == .utf8)
        #expect(CSVParser.detectEncoding(Array("name,phone\n".utf8)) == .utf8)
        #expect(CSVParser.detectEncoding(Self.header + Self.body) == .cp949)
    }

    @Test("A UTF-8 character cut off at the end of the 64 KiB sample does not make the file look like CP949")
    func sampleBoundary() {
        // 65,535 ASCII bytes, then a three-byte character straddling the 65,536-byte sample.
        let bytes = [UInt8](repeating: UInt8(ascii: "a"), count: (64 << 10) - 1) + Array("가\n".utf8)
        #expect(CSVParser.detectEncoding(bytes) == .utf8)
    }

    @Test("A byte order mark means UTF-8 even when CP949 is asked for")
    func byteOrderMarkWins() {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("이름\n".utf8)
        #expect(CSVParser.detectEncoding(bytes, requested: .cp949) == .utf8)
        #expect(CSVParser.parse(bytes, options: .init(encoding: .cp949)) == [record(1, ["이름"])])
    }

    @Test("A CP949 character split across a chunk boundary is carried over", arguments: 4...16)
    func splitCharacter(chunkSize: Int) throws {
        // "abcdef" is six bytes, so with chunkSize 7 the boundary falls inside 홍's two bytes.
        let bytes = cp949("abcdef홍길동,똠방각하\n가,\"나\r\n다\"\n")
        let options = CSVReaderOptions(encoding: .cp949, chunkSize: chunkSize)
        let expected = ["1: abcdef홍길동|똠방각하", "2: 가|나\r\n다"]
        #expect(summary(CSVParser.parse(bytes, options: options)) == expected)
        #expect(summary(try withTemporaryFile(bytes) { try readFile($0, options: options) }) == expected)
        var auto = options
        auto.encoding = .auto
        #expect(summary(try withTemporaryFile(bytes) { try readFile($0, options: auto) }) == expected)
    }

    @Test("A row with bytes invalid in CP949 is one error with its line; the others read normally")
    func invalidCP949Row() {
        // 0xFF is never a CP949 lead byte; 0xB0 followed by a comma is a lead byte without its trail byte.
        let bytes =
            cp949("홍길동,1\n") + [0xFF, 0x2C, 0x32, 0x0A] + cp949("김,") + [0xB0, 0x2C, 0x33, 0x0A] + cp949("이,4\n")
        let results = CSVParser.parse(bytes, options: .init(encoding: .cp949))
        #expect(summary(results) == ["1: 홍길동|1", "2! invalid_encoding", "3! invalid_encoding", "4: 이|4"])
        if case .failure(let error) = results[1] {
            #expect(error.reason.contains("CP949"))
        }
    }

    @Test("A lead byte cut off at the end of the file is an invalid last record")
    func truncatedLeadByte() {
        let bytes = cp949("홍길동,1\n김,") + [0xB1]
        #expect(summary(CSVParser.parse(bytes, options: .init(encoding: .cp949, chunkSize: 4)))
            == ["1: 홍길동|1", "2! invalid_encoding"])
    }

    @Test("EUC-KR text, a subset of CP949, reads the same")
    func eucKR() {
        // 가 (B0 A1) and 힝 (C8 FE) are the first and last Hangul syllables of the KS X 1001 (EUC-KR) table.
        #expect(CSVParser.parse([0xB0, 0xA1, 0x2C, 0xC8, 0xFE, 0x0A], options: .init(encoding: .cp949))
            == [record(1, ["가", "힝"])])
    }
}

@Suite("Encoding detection beyond the first 64 KiB")
struct LateKoreanDetectionTests {
    @Test("A CP949 file whose first 100 KB are ASCII is still read as CP949")
    func lateNonASCII() throws {
        var bytes = Array("id,name\n".utf8)
        for index in 0..<8_000 { bytes += Array("\(index),customer number \(index)\n".utf8) }
        #expect(bytes.count > 100_000)
        bytes += Array("9999,".utf8) + [0xC8, 0xAB, 0xB1, 0xE6, 0xB5, 0xBF] + Array("\n".utf8)  // 홍길동 in CP949
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("late-\(UUID().uuidString).csv").path
        #expect(FileManager.default.createFile(atPath: path, contents: Data(bytes)))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let reader = try CSVFileReader(path: path)
        var last: CSVRecord?
        var errors = 0
        while let result = reader.next() {
            switch result {
            case .success(let record): last = record
            case .failure: errors += 1
            }
        }
        #expect(reader.detectedEncoding == .cp949)
        #expect(errors == 0)
        #expect(last?.fields == ["9999", "홍길동"])
    }
}
