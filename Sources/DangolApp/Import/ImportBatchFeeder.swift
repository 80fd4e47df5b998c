import DangolCore
import DangolCSV

/// A batch of records read and prepared, ready to be resolved and written in one transaction.
struct PreparedImportBatch: Sendable {
    var rows: [PreparedImportRow]
    /// Records rejected while reading or preparing.
    var rejects: [ImportReject]
    /// Records read for this batch (rows + rejects).
    var recordCount: Int
    /// Input bytes consumed once this batch was read.
    var bytesRead: Int64
    var firstLine: Int
    var lastLine: Int
    /// The time stamped on everything this batch creates.
    var now: Timestamp
}

/// Reads and prepares batches from a record source, so that preparing batch N+1 (CPU) overlaps writing batch N
/// (database).
///
/// `@unchecked Sendable` because the source (a `CSVFileReader`) is not thread-safe: the importer hands the feeder to
/// one task at a time and starts the next task only after the previous one finished, so the source is never used
/// concurrently.
final class ImportBatchFeeder: @unchecked Sendable {
    private let source: any ImportRecordSource
    private let preparer: ImportRowPreparer
    private let batchSize: Int
    private let clock: any DangolClock
    private var finished = false

    init(source: any ImportRecordSource, preparer: ImportRowPreparer, batchSize: Int, clock: any DangolClock) {
        self.source = source
        self.preparer = preparer
        self.batchSize = batchSize
        self.clock = clock
    }

    /// The next batch, or nil when the input is exhausted.
    func nextBatch() -> PreparedImportBatch? {
        guard !finished else { return nil }
        let now = clock.now()
        var rows: [PreparedImportRow] = []
        rows.reserveCapacity(batchSize)
        var rejects: [ImportReject] = []
        var count = 0
        var firstLine = Int.max
        var lastLine = 0
        while count < batchSize {
            guard let result = source.next() else {
                finished = true
                break
            }
            count += 1
            switch result {
            case .success(let record):
                firstLine = min(firstLine, record.line)
                lastLine = max(lastLine, record.line)
                switch preparer.prepare(record, at: now) {
                case .success(let row): rows.append(row)
                case .failure(let reject): rejects.append(reject)
                }
            case .failure(let error):
                firstLine = min(firstLine, error.line)
                lastLine = max(lastLine, error.line)
                rejects.append(preparer.reject(error))
            }
        }
        guard count > 0 else { return nil }
        return PreparedImportBatch(rows: rows, rejects: rejects, recordCount: count, bytesRead: source.bytesRead,
                                   firstLine: firstLine, lastLine: lastLine, now: now)
    }

    var totalBytes: Int64 { source.totalBytes }
    var encodingName: String { source.encodingName }
}
