import DangolCore
import DangolCSV
import Foundation

/// The reject file of an import: a CSV with `line`, `reason` and then the original columns, one row per rejected
/// record, so that it can be corrected and imported again (the `line` and `reason` columns are ignored then).
///
/// It is written in UTF-8 with a byte order mark (Korean Excel needs it to show Hangul), and without formula
/// neutralisation, so that the original values come back unchanged on re-import. The file is created at the first
/// rejected row only.
final class ImportRejectFile {
    /// Where rejects go; nil counts them without writing (the demo builder).
    let path: String?
    private let header: [String]
    private var output: OutputFile?
    private let writer = CSVWriter(neutralizeFormulas: false)
    /// Rows written so far.
    private(set) var count = 0

    /// - Parameter replacingStale: remove a file already at `path` (a previous run's rejects) so that a clean run does
    ///   not leave an outdated reject file behind.
    init(path: String?, header: [String], replacingStale: Bool) {
        self.path = path
        self.header = header
        if replacingStale, let path, FileManager.default.fileExists(atPath: path) {
            try? FileManager.default.removeItem(atPath: path)
        }
    }

    /// Appends rejected rows, in the order given.
    func write(_ rejects: [ImportReject]) throws(DangolError) {
        guard !rejects.isEmpty else { return }
        count += rejects.count
        guard let path else { return }
        if output == nil {
            let file = try OutputFile.create(path: path)
            try file.write(bytes: [0xEF, 0xBB, 0xBF])
            try file.write(writer.line(["line", "reason"] + header))
            output = file
        }
        for reject in rejects {
            try output?.write(writer.line([String(reject.line), reject.reason] + reject.fields))
        }
    }

    /// Flushes and closes the file; returns its path if any row was written.
    func close() throws(DangolError) -> String? {
        try output?.close()
        return output == nil ? nil : path
    }
}
