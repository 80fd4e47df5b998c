/// A CSV file that could not be opened at all.
///
/// ```swift
/// do {
///     let reader = try CSVFileReader(path: path)
/// } catch {
///     print(error.code, error.reason) // file_not_found  no file at /tmp/missing.csv
/// }
/// ```
public struct CSVOpenError: Error, Sendable, Hashable {
    /// The stable, machine-readable codes in `code`.
    public enum Code {
        /// Nothing exists at the path.
        public static let fileNotFound = "file_not_found"
        /// The file exists but this process may not read it.
        public static let permissionDenied = "permission_denied"
        /// The path names a directory.
        public static let isDirectory = "is_directory"
        /// Any other failure to open or read the start of the file.
        public static let unreadable = "unreadable"
        /// The system's iconv cannot convert CP949 to UTF-8.
        public static let unsupportedEncoding = "unsupported_encoding"
    }

    /// The path that was given.
    public let path: String
    /// What went wrong, in English.
    public let reason: String
    /// One of the `Code` constants.
    public let code: String

    /// Creates an error; the reader makes these, tests compare against them.
    public init(path: String, reason: String, code: String) {
        self.path = path
        self.reason = reason
        self.code = code
    }
}
