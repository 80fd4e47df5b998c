import DangolCore
import DangolCSV
import DangolIdentity
import Dispatch
import Foundation

/// Runs the identity-resolution engine on a standalone CSV file (`dangol dedupe --input`): reads and normalises the
/// records with the DangolCore normalisers, resolves them, writes `record_id,cluster_id` (the cluster is named by
/// the id of its first record) and, when asked, the review pairs and an evaluation against a truth column.
///
/// ```swift
/// let summary = try StandaloneDedupe().run(input: "customers.csv", mapping: .automatic, output: "clusters.csv",
///                                          truthColumn: "entity_id")
/// summary.score?.f1  // 0.99…
/// ```
public struct StandaloneDedupe: Sendable {
    /// The engine's settings.
    public var configuration: ResolutionConfiguration

    /// Creates a run with the engine's settings.
    public init(configuration: ResolutionConfiguration = ResolutionConfiguration()) {
        self.configuration = configuration
    }

    /// Reads `input`, resolves, writes `output` (and `reviewOutput`), and scores against `truthColumn` if given.
    public func run(
        input: String, mapping: DedupeMapping, output: String, truthColumn: String? = nil, reviewOutput: String? = nil,
        encoding: CSVEncoding = .auto
    ) throws(DangolError) -> DedupeSummary {
        let clock = ContinuousClock()
        let start = clock.now
        var summary = DedupeSummary()

        let (raw, truth, rejected) = try read(input, mapping: mapping, truthColumn: truthColumn, encoding: encoding)
        summary.rowsRejected = rejected
        let afterRead = clock.now
        let (records, dropped) = Self.normalise(raw, parallelism: configuration.parallelism)
        summary.valuesDropped = dropped
        let afterNormalise = clock.now

        let resolution = IdentityResolver(configuration: configuration).resolve(records)
        summary.statistics = resolution.statistics
        summary.models = resolution.models
        let afterResolve = clock.now

        try write(clusters: resolution.clusterOfRecord, records: records, to: output)
        if let reviewOutput { try write(review: resolution.reviewPairs, records: records, to: reviewOutput) }
        if let truth { summary.score = PairwiseScore(predicted: resolution.clusterOfRecord, truth: truth) }
        let end = clock.now

        summary.records = records.count
        summary.readSeconds = (afterRead - start).seconds
        summary.normaliseSeconds = (afterNormalise - afterRead).seconds
        summary.resolveSeconds = (afterResolve - afterNormalise).seconds
        summary.writeSeconds = (end - afterResolve).seconds
        return summary
    }

    private func read(
        _ path: String, mapping: DedupeMapping, truthColumn: String?, encoding: CSVEncoding
    ) throws(DangolError) -> ([RawIdentityRecord], [String]?, Int) {
        let reader: CSVFileReader
        do {
            reader = try CSVFileReader(path: path, options: CSVReaderOptions(encoding: encoding))
        } catch {
            throw DangolError(.notFound, "Cannot read the input: \(error.reason).")
        }
        guard case .success(let headerRecord)? = reader.next() else {
            throw DangolError(.invalidInput, "The input file \(path) has no header line.")
        }
        let header = headerRecord.fields.map { $0.trimmingCharacters(in: .whitespaces) }
        var truthIndex: Int?
        if let truthColumn {
            guard let index = header.firstIndex(of: truthColumn) else {
                throw DangolError(.invalidInput, "The file has no truth column '\(truthColumn.prefix(60))'.")
            }
            truthIndex = index
        }
        let columns = try mapping.resolve(header: header, excluding: truthColumn.map { [$0] } ?? [])
        var records: [RawIdentityRecord] = []
        var truth: [String] = []
        var rejected = 0
        var row = 0
        while let result = reader.next() {
            guard case .success(let record) = result else {
                rejected += 1
                continue
            }
            row += 1
            records.append(columns.record(record.fields, rowNumber: row))
            if let truthIndex { truth.append(truthIndex < record.fields.count ? record.fields[truthIndex] : "") }
        }
        return (records, truthIndex == nil ? nil : truth, rejected)
    }

    /// Normalises on `parallelism` threads; returns the records and the number of values dropped.
    static func normalise(_ raw: [RawIdentityRecord], parallelism: Int) -> ([IdentityRecord], Int) {
        let count = raw.count
        let chunks = max(1, min(parallelism, count / 1000 + 1))
        let dropped = DroppedCounter(chunks: chunks)
        let records = [IdentityRecord](unsafeUninitializedCapacity: count) { buffer, initialized in
            let output = OutputPointer(base: buffer.baseAddress)
            DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
                var droppedHere = 0
                for index in (count * chunk / chunks)..<(count * (chunk + 1) / chunks) {
                    let (record, droppedValues) = raw[index].normalized()
                    (output.base! + index).initialize(to: record)
                    droppedHere += droppedValues
                }
                dropped.set(chunk, droppedHere)
            }
            initialized = count
        }
        return (records, dropped.total)
    }

    private func write(clusters: [Int], records: [IdentityRecord], to path: String) throws(DangolError) {
        let writer = CSVWriter(neutralizeFormulas: false)
        let file = try OutputFile.create(path: path, permissions: 0o644)
        try file.write(writer.line(["record_id", "cluster_id"]))
        for (index, record) in records.enumerated() {
            try file.write(writer.line([record.id, records[clusters[index]].id]))
        }
        try file.close()
    }

    private func write(review: [ReviewPair], records: [IdentityRecord], to path: String) throws(DangolError) {
        let writer = CSVWriter(neutralizeFormulas: false)
        let file = try OutputFile.create(path: path, permissions: 0o644)
        try file.write(writer.line(["left_record_id", "right_record_id", "probability", "weight"]))
        for pair in review {
            try file.write(writer.line([records[pair.left].id, records[pair.right].id,
                                        String(format: "%.6f", pair.probability), String(format: "%.3f", pair.weight)]))
        }
        try file.close()
    }
}

/// What a standalone dedupe run did, with its timings.
public struct DedupeSummary: Sendable {
    /// Records read and resolved.
    public var records = 0
    /// Rows the CSV reader could not read.
    public var rowsRejected = 0
    /// Non-empty values that did not normalise (an unparseable phone…) and were ignored.
    public var valuesDropped = 0
    /// The engine's figures.
    public var statistics = ResolutionStatistics()
    /// The models used.
    public var models = MatchModels.starting
    /// Pairwise precision, recall and F1 against the truth column, when one was given.
    public var score: PairwiseScore?
    /// Seconds reading the CSV.
    public var readSeconds = 0.0
    /// Seconds normalising.
    public var normaliseSeconds = 0.0
    /// Seconds in the engine.
    public var resolveSeconds = 0.0
    /// Seconds writing the output (and scoring).
    public var writeSeconds = 0.0

    /// Creates an empty summary.
    public init() {}

    /// Wall-clock seconds end to end.
    public var totalSeconds: Double { readSeconds + normaliseSeconds + resolveSeconds + writeSeconds }
    /// Records per second end to end.
    public var recordsPerSecond: Double { totalSeconds > 0 ? Double(records) / totalSeconds : 0 }
}

extension Duration {
    /// The duration in seconds.
    var seconds: Double { Double(components.seconds) + Double(components.attoseconds) / 1e18 }
}

/// The output buffer handed to the normalising threads; each writes a disjoint slice.
private struct OutputPointer: @unchecked Sendable {
    let base: UnsafeMutablePointer<IdentityRecord>?
}

/// Per-thread counts of dropped values, each thread writing its own slot.
private final class DroppedCounter: @unchecked Sendable {
    private var counts: [Int]
    private let lock = NSLock()
    init(chunks: Int) { counts = [Int](repeating: 0, count: chunks) }
    func set(_ chunk: Int, _ value: Int) {
        lock.lock()
        counts[chunk] = value
        lock.unlock()
    }
    var total: Int {
        lock.lock()
        defer { lock.unlock() }
        return counts.reduce(0, +)
    }
}
