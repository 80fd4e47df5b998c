import DangolCSV
import Testing

@Suite("Writing CSV")
struct CSVWriterTests {
    @Test(
        "Quotes a field only when it holds a delimiter, quote, CR or LF, and doubles its quotes",
        arguments: [
            ("plain", "plain"), ("홍길동", "홍길동"), ("a,b", "\"a,b\""), ("say \"hi\"", "\"say \"\"hi\"\"\""),
            ("a\nb", "\"a\nb\""), ("a\r\nb", "\"a\r\nb\""), ("a\rb", "\"a\rb\""), (" spaced ", " spaced "),
            ("12\" pipe", "\"12\"\" pipe\""),
        ])
    func quoting(field: String, written: String) {
        let writer = CSVWriter(neutralizeFormulas: false)
        #expect(writer.line([field, "x"]) == written + ",x\n")
    }

    @Test("Empty fields stay empty, but a lone empty field is quoted so it is not read as a blank line")
    func emptyFields() {
        let writer = CSVWriter()
        #expect(writer.line(["", "", ""]) == ",,\n")
        #expect(writer.line(["a", ""]) == "a,\n")
        #expect(writer.line([""]) == "\"\"\n")
        #expect(parse(writer.line([""])) == [record(1, [""])])
    }

    @Test(
        "Neutralises a field that a spreadsheet would run as a formula with a leading quote",
        arguments: [
            ("=HYPERLINK(\"http://x\")", "\"'=HYPERLINK(\"\"http://x\"\")\""), ("+82", "'+82"), ("-5", "'-5"),
            ("@SUM(A1)", "'@SUM(A1)"), ("\tcmd", "'\tcmd"), ("\r=1", "\"'\r=1\""), ("a=b", "a=b"),
            ("010-1234", "010-1234"), ("", ""),
        ])
    func formulaNeutralisation(field: String, written: String) {
        #expect(CSVWriter().line(["x", field]) == "x," + written + "\n")
    }

    @Test("Formula neutralisation can be turned off for files meant for programs")
    func neutralisationOff() {
        #expect(CSVWriter(neutralizeFormulas: false).line(["=1+2", "-5"]) == "=1+2,-5\n")
    }

    @Test("CRLF line ends and another delimiter on request")
    func options() {
        let writer = CSVWriter(delimiter: UInt8(ascii: ";"), usesCRLF: true)
        #expect(writer.line(["a;b", "c,d"]) == "\"a;b\";c,d\r\n")
        #expect(writer.document(header: ["h"], rows: [["1"], ["2"]]) == "h\r\n1\r\n2\r\n")
    }

    @Test("Neutralised fields read back with their leading quote")
    func neutralisedReadBack() {
        #expect(parse(CSVWriter().line(["=1+2", "ok"])) == [record(1, ["'=1+2", "ok"])])
    }
}
