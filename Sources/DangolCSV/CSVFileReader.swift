// DangolCSV reads and writes the CSV files that customers and transactions are imported from and exported to.
//
// Its job: stream RFC 4180 records out of files of any size with flat memory, tell each record's physical line so a
// reject report can point at it, report progress, and read the CP949 (EUC-KR) files that Korean Excel writes as well
// as UTF-8. It works on bytes and builds strings only for field values, so that it is never the slow part of an
// import. Writing quotes fields as RFC 4180 requires and defuses spreadsheet formulas.
//
// What it must not do: know what the columns mean (mapping headers to customer fields, validating phone numbers or
// e-mail addresses belongs to DangolApp and DangolCore), or quote field values in errors, which may hold personal
// information. It depends on nothing but the C library (for file I/O and iconv).

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Streams the records of a CSV file, one at a time, in flat memory whatever the file's size.
///
/// ```swift
/// let reader = try CSVFileReader(path: "customers.csv")
/// while let result = reader.next() {
///     switch result {
///     case .success(let record): importCustomer(record.fields, line: record.line)
///     case .failure(let error): rejects.append("line \(error.line): \(error.reason)")
///     }
///     progress(reader.bytesRead, of: reader.totalBytes)
/// }
/// ```
///
/// Reading follows RFC 4180: quoted fields may hold delimiters, `""` for a quote, and line breaks (CRLF, LF or a bare
/// CR); a UTF-8 byte order mark is skipped; blank lines are skipped but counted. Some leniency, as in Excel: a quote
/// inside an unquoted field (`12" pipe`) is an ordinary character. Errors are per record: a record with text after
/// a closing quote (`"ab"c`) or with bytes invalid in the encoding is reported and reading goes on; a quoted field
/// still open at the end of the file (a truncated last line) is reported at the line where its record starts.
///
/// A reader is not `Sendable`: use it from one task at a time. It closes the file when it is released.
public final class CSVFileReader {
    /// The file's size in bytes when it was opened (0 for a pipe or another file without a size).
    public let totalBytes: Int64
    /// Bytes read from the file so far, for progress. It runs up to one chunk ahead of the records returned and
    /// equals `totalBytes` once `next()` has returned nil.
    public var bytesRead: Int64 { stream.bytesRead }
    /// The encoding the file is read with: `.utf8` or `.cp949`, never `.auto`.
    public var detectedEncoding: CSVEncoding { stream.encoding }

    private let stream: RecordStream

    /// Opens the file at `path` and reads its first 64 KiB to settle the encoding.
    ///
    /// - Throws: `CSVOpenError` if the file does not exist, is a directory, cannot be read, or is CP949 on a system
    ///   whose iconv lacks CP949.
    public init(path: String, options: CSVReaderOptions = .init()) throws(CSVOpenError) {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw Self.openError(path: path, errorNumber: errno)
        }
        // Closed when the last reference goes, including on every early exit below.
        let file = OpenFile(descriptor: descriptor)
        var status = stat()
        guard fstat(descriptor, &status) == 0 else {
            throw Self.openError(path: path, errorNumber: errno)
        }
        if status.st_mode & S_IFMT == S_IFDIR {
            throw CSVOpenError(path: path, reason: "\(path) is a directory", code: CSVOpenError.Code.isDirectory)
        }
        totalBytes = status.st_mode & S_IFMT == S_IFREG ? Int64(status.st_size) : 0
        var options = options
        if options.encoding == .auto, totalBytes > 0, let sniffed = EncodingSniffer.sniff(descriptor: descriptor, fileSize: totalBytes) {
            options.encoding = sniffed
        }
        do {
            stream = try RecordStream(source: .file(file), options: options)
        } catch {
            switch error {
            case .readFailed(let errorNumber):
                throw Self.openError(path: path, errorNumber: errorNumber)
            case .unsupportedEncoding:
                throw CSVOpenError(
                    path: path, reason: "this system's iconv cannot convert CP949 to UTF-8",
                    code: CSVOpenError.Code.unsupportedEncoding)
            }
        }
    }

    /// Returns the next record, or the error that kept a record from being read, or nil at the end of the file.
    ///
    /// After an error, call again: reading goes on with the next record unless the error said the file ended
    /// (`unterminated_quote`) or could not be read (`read_failed`).
    public func next() -> Result<CSVRecord, CSVReadError>? {
        stream.next()
    }

    private static func openError(path: String, errorNumber: Int32) -> CSVOpenError {
        switch errorNumber {
        case ENOENT, ENOTDIR:
            CSVOpenError(path: path, reason: "no file at \(path)", code: CSVOpenError.Code.fileNotFound)
        case EACCES, EPERM:
            CSVOpenError(path: path, reason: "no permission to read \(path)", code: CSVOpenError.Code.permissionDenied)
        case EISDIR:
            CSVOpenError(path: path, reason: "\(path) is a directory", code: CSVOpenError.Code.isDirectory)
        default:
            CSVOpenError(
                path: path, reason: "cannot read \(path) (errno \(errorNumber))", code: CSVOpenError.Code.unreadable)
        }
    }
}

extension CSVFileReader: Sequence, IteratorProtocol {
    /// Lets a reader be used in a `for` loop: `for result in reader { … }`.
    public typealias Element = Result<CSVRecord, CSVReadError>
}
