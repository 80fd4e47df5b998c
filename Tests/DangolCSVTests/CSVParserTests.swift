import DangolCSV
import Foundation
import Testing

/// One RFC 4180 situation: input text and the records it must give.
struct ParseCase: Sendable, CustomTestStringConvertible {
    let testDescription: String
    let input: String
    let expected: [CSVRecord]
}

@Suite("Parsing CSV in memory")
struct CSVParserTests {
    static let cases: [ParseCase] = [
        ParseCase(
            testDescription: "simple rows become records numbered by line",
            input: "name,phone\n홍길동,010-1234-5678\n김영희,010-9876-5432\n",
            expected: [
                CSVRecord(line: 1, fields: ["name", "phone"]),
                CSVRecord(line: 2, fields: ["홍길동", "010-1234-5678"]),
                CSVRecord(line: 3, fields: ["김영희", "010-9876-5432"]),
            ]),
        ParseCase(
            testDescription: "a quoted field keeps its delimiters",
            input: "\"서울, 강남구\",b\n",
            expected: [CSVRecord(line: 1, fields: ["서울, 강남구", "b"])]),
        ParseCase(
            testDescription: "doubled quotes in a quoted field stand for one quote",
            input: "\"He said \"\"hi\"\"\",\"\"\"\"\n",
            expected: [CSVRecord(line: 1, fields: ["He said \"hi\"", "\""])]),
        ParseCase(
            testDescription: "an embedded LF moves the next record's line down",
            input: "a,\"line one\nline two\"\nb,c\n",
            expected: [
                CSVRecord(line: 1, fields: ["a", "line one\nline two"]),
                CSVRecord(line: 3, fields: ["b", "c"]),
            ]),
        ParseCase(
            testDescription: "an embedded CRLF counts as one line",
            input: "a,\"one\r\ntwo\r\nthree\"\r\nb,c\r\n",
            expected: [
                CSVRecord(line: 1, fields: ["a", "one\r\ntwo\r\nthree"]),
                CSVRecord(line: 4, fields: ["b", "c"]),
            ]),
        ParseCase(
            testDescription: "CRLF line ends",
            input: "a,b\r\nc,d\r\n",
            expected: [CSVRecord(line: 1, fields: ["a", "b"]), CSVRecord(line: 2, fields: ["c", "d"])]),
        ParseCase(
            testDescription: "bare CR line ends (old Mac exports)",
            input: "a,b\rc,d\r\"x\ry\"\re\r",
            expected: [
                CSVRecord(line: 1, fields: ["a", "b"]), CSVRecord(line: 2, fields: ["c", "d"]),
                CSVRecord(line: 3, fields: ["x\ry"]), CSVRecord(line: 5, fields: ["e"]),
            ]),
        ParseCase(
            testDescription: "empty fields, and a trailing empty field",
            input: "a,,c,\n,\n",
            expected: [CSVRecord(line: 1, fields: ["a", "", "c", ""]), CSVRecord(line: 2, fields: ["", ""])]),
        ParseCase(
            testDescription: "a quoted empty field is a record of one empty field, not a blank line",
            input: "\"\"\nx\n",
            expected: [CSVRecord(line: 1, fields: [""]), CSVRecord(line: 2, fields: ["x"])]),
        ParseCase(
            testDescription: "blank lines are skipped but counted",
            input: "\na,b\n\n\r\n\rc,d\n\n",
            expected: [CSVRecord(line: 2, fields: ["a", "b"]), CSVRecord(line: 6, fields: ["c", "d"])]),
        ParseCase(
            testDescription: "a UTF-8 byte order mark is stripped",
            input: "\u{FEFF}이름,전화\n",
            expected: [CSVRecord(line: 1, fields: ["이름", "전화"])]),
        ParseCase(
            testDescription: "the last line needs no line end",
            input: "a,b\nc,d",
            expected: [CSVRecord(line: 1, fields: ["a", "b"]), CSVRecord(line: 2, fields: ["c", "d"])]),
        ParseCase(
            testDescription: "a trailing empty field at the very end of input",
            input: "a,",
            expected: [CSVRecord(line: 1, fields: ["a", ""])]),
        ParseCase(
            testDescription: "a quote inside an unquoted field is an ordinary character",
            input: "12\" pipe,5'11\"\n",
            expected: [CSVRecord(line: 1, fields: ["12\" pipe", "5'11\""])]),
        ParseCase(
            testDescription: "spaces around fields are kept",
            input: " a , b \n",
            expected: [CSVRecord(line: 1, fields: [" a ", " b "])]),
        ParseCase(
            testDescription: "a closed quote at the very end of input",
            input: "a,\"b\"",
            expected: [CSVRecord(line: 1, fields: ["a", "b"])]),
        ParseCase(testDescription: "empty input has no records", input: "", expected: []),
        ParseCase(testDescription: "only blank lines have no records", input: "\n\r\n\n", expected: []),
    ]

    @Test("Reads RFC 4180 constructs", arguments: cases)
    func readsRFC4180(_ example: ParseCase) {
        #expect(parse(example.input) == example.expected.map { .success($0) })
    }

    @Test("A semicolon delimiter splits on semicolons and leaves commas alone")
    func semicolonDelimiter() {
        let options = CSVReaderOptions(delimiter: UInt8(ascii: ";"))
        #expect(parse("a;b,c;\"d;e\"\n", options: options) == [record(1, ["a", "b,c", "d;e"])])
    }

    @Test("A truncated last line: exactly that record errors, at the line it starts, after all previous records")
    func truncatedLastLine() {
        let results = parse("id,memo\n1,ok\n2,\"first line\nsecond line, cut off")
        #expect(results.count == 3)
        #expect(Array(results.prefix(2)) == [record(1, ["id", "memo"]), record(2, ["1", "ok"])])
        #expect(failures(results).map(\.line) == [3])
        #expect(failures(results).map(\.code) == [CSVReadError.Code.unterminatedQuote])
    }

    @Test("Text after a closing quote rejects only that record; the next record is read")
    func strayQuote() {
        let results = parse("a,\"b\"c,d\ne,f\n")
        #expect(failures(results).map(\.line) == [1])
        #expect(failures(results).map(\.code) == [CSVReadError.Code.strayQuote])
        #expect(results.last == record(2, ["e", "f"]))
    }

    @Test("A row with invalid UTF-8 gives one error with its line; the other rows read normally")
    func invalidUTF8Row() {
        var bytes = Array("a,b\n".utf8)
        bytes += [UInt8(ascii: "c"), UInt8(ascii: ","), 0xC3, 0x28, UInt8(ascii: "\n")]  // 0xC3 needs a continuation
        bytes += Array("\"x\ny\",홍길동\n".utf8)
        let results = CSVParser.parse(bytes, options: CSVReaderOptions(encoding: .utf8))
        #expect(results.count == 3)
        #expect(results[0] == record(1, ["a", "b"]))
        #expect(failures(results).map(\.line) == [2])
        #expect(failures(results).map(\.code) == [CSVReadError.Code.invalidEncoding])
        #expect(results[2] == record(3, ["x\ny", "홍길동"]))
    }

    @Test(
        "Overlong forms, surrogates and code points beyond U+10FFFF are invalid UTF-8",
        arguments: [
            [0xC0, 0xAF], [0xE0, 0x80, 0xAF], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xFF], [0xE3, 0x81],
        ] as [[UInt8]])
    func malformedUTF8(_ sequence: [UInt8]) {
        let bytes = Array("ok\n".utf8) + sequence + [0x0A]
        let results = CSVParser.parse(bytes, options: CSVReaderOptions(encoding: .utf8))
        #expect(failures(results).map(\.code) == [CSVReadError.Code.invalidEncoding])
    }

    @Test("Error reasons never quote the data")
    func reasonsDoNotQuoteData() {
        let secret = "010-1234-5678"
        var bytes = Array("\(secret)\"x\",\(secret)\n".utf8)  // stray quote is literal here; next line invalid
        bytes += Array("\"\(secret)\"tail\n".utf8) + Array(secret.utf8) + [0xFF, 0x0A] + Array("\"\(secret)".utf8)
        let reasons = CSVParser.parse(bytes, options: CSVReaderOptions(encoding: .utf8)).compactMap { result in
            if case .failure(let error) = result { return error.reason }
            return nil
        }
        #expect(reasons.count == 3)
        #expect(reasons.allSatisfy { !$0.contains(secret) && !$0.isEmpty })
    }

    @Test("Data and byte arrays parse the same")
    func dataOverload() {
        let text = "a,\"b\nc\"\n홍,길동\n"
        #expect(CSVParser.parse(Data(text.utf8)) == parse(text))
    }
}
