/// The character encoding of a CSV file.
///
/// Korean spreadsheets saved as "CSV" by Excel are usually CP949 (Microsoft's superset of EUC-KR, with all 11,172
/// Hangul syllables); newer exports and most web tools write UTF-8. `.auto` tells them apart by looking at the start of
/// the file:
///
/// ```swift
/// let reader = try CSVFileReader(path: "customers.csv", options: .init(encoding: .auto))
/// print(reader.detectedEncoding) // .utf8 or .cp949
/// ```
public enum CSVEncoding: String, Sendable, CaseIterable {
    /// UTF-8, with or without a byte order mark.
    case utf8 = "utf-8"
    /// CP949 (Unified Hangul Code, 통합형 한글 코드); also reads EUC-KR, which it extends.
    case cp949 = "cp949"
    /// UTF-8 if the first 64 KiB are valid UTF-8 (or start with a UTF-8 byte order mark), otherwise CP949.
    case auto
}
