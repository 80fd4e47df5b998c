/// A record that could not be read. Reading goes on with the next record where the file allows it.
///
/// The reason is plain English for reject reports and logs; it never quotes the data, which may be personal
/// information.
///
/// ```swift
/// if case .failure(let error) = result {
///     print("line \(error.line): \(error.reason)") // line 1234: the record has bytes that are not valid UTF-8
/// }
/// ```
public struct CSVReadError: Error, Sendable, Hashable {
    /// The stable, machine-readable codes in `code`.
    public enum Code {
        /// Input ended inside a quoted field — usually a truncated last line. No record follows.
        public static let unterminatedQuote = "unterminated_quote"
        /// A closing quote is followed by other text (`"ab"c`). The record is skipped; the next one is read.
        public static let strayQuote = "stray_quote"
        /// The record has bytes that are not valid in the file's encoding.
        public static let invalidEncoding = "invalid_encoding"
        /// The record is longer than `CSVReaderOptions.maxRecordBytes` and was skipped.
        public static let recordTooLarge = "record_too_large"
        /// The operating system failed to read the file. No record follows.
        public static let readFailed = "read_failed"
        /// The system's iconv cannot convert CP949 (only from `CSVParser`; the file reader throws instead).
        public static let unsupportedEncoding = "unsupported_encoding"
    }

    /// The 1-based physical line where the failing record starts.
    public let line: Int
    /// What is wrong, in English, without quoting the data.
    public let reason: String
    /// One of the `Code` constants.
    public let code: String

    /// Creates an error; readers make these, tests compare against them.
    public init(line: Int, reason: String, code: String) {
        self.line = line
        self.reason = reason
        self.code = code
    }

    static func unterminatedQuote(line: Int) -> CSVReadError {
        CSVReadError(
            line: line, reason: "a quoted field is never closed (the file may be truncated)",
            code: Code.unterminatedQuote)
    }

    static func strayQuote(line: Int) -> CSVReadError {
        CSVReadError(
            line: line, reason: "a closing quote is followed by other characters instead of a delimiter or line end",
            code: Code.strayQuote)
    }

    static func invalidEncoding(line: Int, encoding: CSVEncoding) -> CSVReadError {
        let name = encoding == .cp949 ? "CP949" : "UTF-8"
        return CSVReadError(
            line: line, reason: "the record has bytes that are not valid \(name)", code: Code.invalidEncoding)
    }

    static func recordTooLarge(line: Int, limit: Int) -> CSVReadError {
        CSVReadError(
            line: line, reason: "the record is longer than \(limit) bytes (a quote may never be closed)",
            code: Code.recordTooLarge)
    }

    static func readFailed(line: Int, errorNumber: Int32) -> CSVReadError {
        CSVReadError(
            line: line, reason: "reading the file failed (errno \(errorNumber))", code: Code.readFailed)
    }

    static func unsupportedEncoding(line: Int) -> CSVReadError {
        CSVReadError(
            line: line, reason: "this system's iconv cannot convert CP949 to UTF-8", code: Code.unsupportedEncoding)
    }
}
