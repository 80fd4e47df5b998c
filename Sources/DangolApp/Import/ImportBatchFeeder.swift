import DangolCore
import DangolCSV
import Foundation

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

    /// The next batch, or nil when the input is exhausted. Records are read in order, then normalised on every
    /// core (normalising costs more than reading, and a re-import is bound by it).
    func nextBatch() async -> PreparedImportBatch? {
        guard !finished else { return nil }
        let now = clock.now()
        var records: [CSVRecord] = []
        records.reserveCapacity(batchSize)
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
                records.append(record)
            case .failure(let error):
                firstLine = min(firstLine, error.line)
                lastLine = max(lastLine, error.line)
                rejects.append(preparer.reject(error))
            }
        }
        guard count > 0 else { return nil }
        let bytesRead = source.bytesRead
        var rows: [PreparedImportRow] = []
        rows.reserveCapacity(records.count)
        for result in await prepare(records, at: now) {
            switch result {
            case .success(let row): rows.append(row)
            case .failure(let reject): rejects.append(reject)
            }
        }
        return PreparedImportBatch(rows: rows, rejects: rejects, recordCount: count, bytesRead: bytesRead,
                                   firstLine: firstLine, lastLine: lastLine, now: now)
    }

    /// Prepares records in parallel slices, keeping their order.
    private func prepare(_ records: [CSVRecord], at now: Timestamp) async -> [Result<PreparedImportRow, ImportReject>] {
        let preparer = self.preparer
        let slices = records.count < 512 ? 1 : Self.parallelism
        guard slices > 1 else { return records.map { preparer.prepare($0, at: now) } }
        let size = (records.count + slices - 1) / slices
        return await withTaskGroup(of: (Int, [Result<PreparedImportRow, ImportReject>]).self) { group in
            for slice in 0..<slices {
                let part = Array(records[min(records.count, slice * size)..<min(records.count, (slice + 1) * size)])
                group.addTask { (slice, part.map { preparer.prepare($0, at: now) }) }
            }
            var parts = [[Result<PreparedImportRow, ImportReject>]](repeating: [], count: slices)
            for await (slice, results) in group { parts[slice] = results }
            return parts.flatMap { $0 }
        }
    }

    private static let parallelism = max(1, min(8, ProcessInfo.processInfo.activeProcessorCount))

    var totalBytes: Int64 { source.totalBytes }
    var encodingName: String { source.encodingName }
}
