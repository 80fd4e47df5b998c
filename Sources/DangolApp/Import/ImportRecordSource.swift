import DangolCSV

/// Where an import's records come from: a CSV file, or generated rows (the demo builder). Used from one task at a
/// time, like `CSVFileReader`.
protocol ImportRecordSource: AnyObject {
    /// The next record, an error for a record that could not be read, or nil at the end.
    func next() -> Result<CSVRecord, CSVReadError>?
    /// Bytes consumed so far (for progress).
    var bytesRead: Int64 { get }
    /// The input's size in bytes, 0 when unknown.
    var totalBytes: Int64 { get }
    /// The encoding the input is read with, for the summary.
    var encodingName: String { get }
}

extension CSVFileReader: ImportRecordSource {
    var encodingName: String { detectedEncoding.rawValue }
}
