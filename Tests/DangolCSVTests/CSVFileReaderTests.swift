import DangolCSV
import Foundation
import Testing

@Suite("Reading CSV files")
struct CSVFileReaderTests {
    /// Input with every construct that can straddle a chunk boundary: CRLF, doubled quotes, embedded line breaks,
    /// blank lines, multibyte characters, a BOM, a stray quote, invalid bytes and a truncated last record.
    static let tricky: [UInt8] =
        [0xEF, 0xBB, 0xBF]
        + Array("이름,메모,포인트\r\n홍길동,\"VIP, \"\"단골\"\"\r\n고객\",1200\r\n\r\n김철수,,\r\n".utf8)
        + Array("\"\rx\"\"y\",z\n\"a\"b,c\nc,".utf8) + [0xEC, 0x95, 0x28, 0x0A]
        + Array("😀,끝\n\"미완성,\n필드".utf8)

    @Test("A missing file throws file_not_found with the path")
    func missingFile() {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("no-such-\(UUID()).csv").path
        #expect {
            _ = try CSVFileReader(path: path)
        } throws: { error in
            guard let error = error as? CSVOpenError else { return false }
            return error.code == CSVOpenError.Code.fileNotFound && error.path == path && error.reason.contains(path)
        }
    }

    @Test("A directory throws is_directory")
    func directory() {
        #expect {
            _ = try CSVFileReader(path: FileManager.default.temporaryDirectory.path)
        } throws: { error in
            (error as? CSVOpenError)?.code == CSVOpenError.Code.isDirectory
        }
    }

    @Test(
        "The file reader and the in-memory parser agree for every chunk size",
        arguments: [4, 5, 6, 7, 8, 11, 16, 64, 1 << 20])
    func agreesWithParser(chunkSize: Int) throws {
        let options = CSVReaderOptions(encoding: .utf8, chunkSize: chunkSize)
        let expected = CSVParser.parse(Self.tricky, options: CSVReaderOptions(encoding: .utf8))
        let fromFile = try withTemporaryFile(Self.tricky) { try readFile($0, options: options) }
        #expect(fromFile == expected)
        #expect(CSVParser.parse(Self.tricky, options: options) == expected)
    }

    @Test("The tricky input reads as specified")
    func trickyInput() {
        #expect(
            summary(CSVParser.parse(Self.tricky)) == [
                "1: 이름|메모|포인트",
                "2: 홍길동|VIP, \"단골\"\r\n고객|1200",
                "5: 김철수||",
                "6: \rx\"y|z",
                "8! stray_quote",
                "9! invalid_encoding",
                "10: 😀|끝",
                "11! unterminated_quote",
            ])
    }

    @Test("Progress: bytesRead grows to totalBytes by the end")
    func progress() throws {
        let text = String(repeating: "홍길동,010-1234-5678,hong@example.kr\n", count: 2000)
        try withTemporaryFile(Array(text.utf8)) { path in
            let reader = try CSVFileReader(path: path, options: CSVReaderOptions(chunkSize: 4096))
            #expect(reader.totalBytes == Int64(text.utf8.count))
            var previous: Int64 = 0
            var count = 0
            while let result = reader.next() {
                #expect((try? result.get()) != nil)
                #expect(reader.bytesRead >= previous && reader.bytesRead <= reader.totalBytes)
                previous = reader.bytesRead
                count += 1
            }
            #expect(count == 2000)
            #expect(reader.bytesRead == reader.totalBytes)
        }
    }

    @Test("An empty file has no records and full progress")
    func emptyFile() throws {
        try withTemporaryFile([]) { path in
            let reader = try CSVFileReader(path: path)
            #expect(reader.next() == nil)
            #expect(reader.totalBytes == 0 && reader.bytesRead == 0)
            #expect(reader.detectedEncoding == .utf8)
        }
    }

    @Test("A record longer than maxRecordBytes is skipped and reported; the next record is read")
    func recordTooLarge() throws {
        let long = String(repeating: "가나다라마", count: 2000)
        let text = "a,b\n\"\(long)\n\(long)\",x\nc,d\n"
        let options = CSVReaderOptions(chunkSize: 64, maxRecordBytes: 1000)
        let results = try withTemporaryFile(Array(text.utf8)) { try readFile($0, options: options) }
        #expect(results.first == record(1, ["a", "b"]))
        #expect(failures(results).map(\.line) == [2])
        #expect(failures(results).map(\.code) == [CSVReadError.Code.recordTooLarge])
        #expect(results.last == record(4, ["c", "d"]))
    }

    @Test("A quote never closed in a large file is reported at its line without holding the rest in memory")
    func unclosedQuoteInLargeFile() throws {
        let rows = String(repeating: "홍길동,010-1234-5678\n", count: 5000)
        let text = "a,b\nc,\"oops\n" + rows
        let options = CSVReaderOptions(chunkSize: 256, maxRecordBytes: 4096)
        let results = try withTemporaryFile(Array(text.utf8)) { try readFile($0, options: options) }
        #expect(results.count == 2)
        #expect(results.first == record(1, ["a", "b"]))
        #expect(failures(results).map(\.line) == [2])
        #expect(failures(results).map(\.code) == [CSVReadError.Code.unterminatedQuote])
    }

    @Test("next() keeps returning nil after the end")
    func staysAtEnd() throws {
        try withTemporaryFile(Array("a\n\"b".utf8)) { path in
            let reader = try CSVFileReader(path: path)
            #expect(summary(Array(reader)) == ["1: a", "2! unterminated_quote"])
            #expect(reader.next() == nil)
            #expect(reader.next() == nil)
        }
    }

    @Test("A reader works inside an async task, yielding between records")
    func asyncUse() async throws {
        let bytes = Array("a,b\nc,d\n".utf8)
        let lines = try await withTemporaryFileAsync(bytes) { path in
            let reader = try CSVFileReader(path: path)
            var lines: [Int] = []
            while let result = reader.next() {
                lines.append(try result.get().line)
                await Task.yield()
            }
            return lines
        }
        #expect(lines == [1, 2])
    }
}
