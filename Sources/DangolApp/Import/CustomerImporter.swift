import DangolCore
import DangolCSV
import DangolStore
import Logging
import SQLKit

/// Imports customers from CSV files of any size: streamed, in batches that each land entirely or not at all,
/// idempotent, with every bad row written to a reject file and none of the good ones lost.
///
/// ```swift
/// let importer = CustomerImporter(services: services)
/// let summary = try await importer.importFile(path: "customers.csv", by: .system("cli")) { progress in
///     print("\(progress.rowsRead) rows, \(Int(progress.rowsPerSecond))/s")
/// }
/// print(summary.created, summary.matched, summary.unchanged, summary.rejected, summary.rejectFile ?? "-")
/// ```
///
/// How rows become customers:
/// - The header picks the fields (``ImportMapping``); without a `display_name` column the import stops before
///   writing anything.
/// - Each row is checked and normalised with the same rules as the API. A row that cannot be read (a truncated last
///   line, a wrong number of fields, bytes invalid in the encoding) or breaks a rule (an invalid phone or e-mail, an
///   unknown stage or owner…) goes to the reject file as `line,reason,<original fields>`; the reason names the field
///   and the rule, never the value.
/// - Re-importing is safe: each row's lineage (`source_records`: the source name and the `external_id` column, or
///   a SHA-256 of the normalised row) is recorded, and a row seen before is counted unchanged.
/// - A row whose strong identifiers (customer number, e-mail, mobile phone, login id, BRN, CRN) belong to one
///   existing customer attaches to it instead of creating a duplicate; duplicates inside the file do the same. See
///   ``ImportBatchWriter`` for the exact rules.
///
/// Throughput comes from doing per batch what is usually done per row: one lookup of lineage and one of identifier
/// holders per batch, multi-row inserts, validation context loaded once, and reading plus normalising the next batch
/// while the current one is written.
public struct CustomerImporter: Sendable {
    public let services: AppServices

    /// Creates an importer over the given services.
    public init(services: AppServices) { self.services = services }

    /// Imports the CSV file at `path`.
    ///
    /// - Parameters:
    ///   - mapping: which column fills which field; by default headers are field names or common Korean headers.
    ///   - options: source name, batch size, reject file, encoding, delimiter.
    ///   - principal: who imports (needs customer write rights); recorded on consent, lifecycle and audit entries.
    ///   - progress: called after every batch with counts, bytes and elapsed time.
    /// - Throws: `invalidInput` when the file cannot be opened, has no header or no `display_name` column, or the
    ///   mapping does not fit it — all before anything is written; `unavailable` when the database fails, in which
    ///   case the batches before the failing one stay written and importing the file again completes it.
    public func importFile(path: String, mapping: ImportMapping = .automatic, options: ImportOptions = ImportOptions(),
                           by principal: Principal,
                           progress: @Sendable (ImportProgress) -> Void = { _ in }) async throws(DangolError) -> ImportSummary {
        try principal.requireCustomerWrite()
        try options.validate()
        let reader: CSVFileReader
        do {
            reader = try CSVFileReader(path: path, options: CSVReaderOptions(delimiter: options.delimiter, encoding: options.encoding))
        } catch {
            let code: DangolError.Code = error.code == CSVOpenError.Code.fileNotFound ? .notFound : .invalidInput
            throw DangolError(code, "The input file cannot be read: \(error.reason).")
        }
        return try await run(source: reader, mapping: mapping, options: options,
                             rejectPath: options.rejectPath ?? path + ".rejects.csv",
                             replacingStaleRejects: options.rejectPath == nil, by: principal, progress: progress)
    }

    /// Imports the records of any source whose first record is the header. `rejectPath` nil counts rejects without
    /// writing them.
    func run(source: any ImportRecordSource, mapping: ImportMapping, options: ImportOptions, rejectPath: String?,
             replacingStaleRejects: Bool, by principal: Principal,
             progress: @Sendable (ImportProgress) -> Void) async throws(DangolError) -> ImportSummary {
        let started = ContinuousClock.now
        guard let first = source.next() else {
            throw DangolError(.invalidInput, "The input is empty: it needs a header line naming the columns.")
        }
        let header: CSVRecord
        switch first {
        case .success(let record): header = record
        case .failure(let error): throw DangolError(.invalidInput, "The header line cannot be read: \(error.reason).")
        }

        let context = try await loadContext()
        let columns = try mapping.resolve(header: header.fields, definitions: context.definitions)
        let preparer = ImportRowPreparer(
            columns: columns, users: context.users,
            identifierPreparer: IdentifierPreparer(vault: services.vault, rrnCollectionEnabled: context.rrnEnabled),
            options: options, recordedBy: principal.userID)
        let feeder = ImportBatchFeeder(source: source, preparer: preparer, batchSize: options.batchSize, clock: services.clock)
        let totalBytes = source.totalBytes
        let encoding = source.encodingName
        let matcher = options.matchesProbabilistically
            ? ImportCandidateMatcher(configuration: try await CustomerResolver(services: services).loadConfiguration()) : nil
        let writer = ImportBatchWriter(services: services, options: options, principal: principal, matcher: matcher)
        let rejectFile = ImportRejectFile(path: rejectPath, header: header.fields, replacingStale: replacingStaleRejects)

        let previousCache = try? await services.database.raisePageCache(toMegabytes: options.cacheMegabytes)
        // The WAL is copied into the file on a connection of its own while the batches are written.
        let checkpoints = try? await services.database.startBackgroundCheckpoints()
        let outcome: Result<ImportCounts, DangolError>
        do {
            outcome = .success(try await runBatches(feeder: feeder, writer: writer, rejectFile: rejectFile, totalBytes: totalBytes,
                                                    started: started, checkpoints: checkpoints, progress: progress))
        } catch {
            outcome = .failure(error)
        }
        await checkpoints?.finish()
        if let previousCache { try? await services.database.restorePageCache(previousCache) }
        let counts = try outcome.get()
        let rejectPathWritten = try rejectFile.close()
        var summary = ImportSummary(
            rowsRead: counts.rowsRead, created: counts.created, matched: counts.matched, unchanged: counts.unchanged,
            rejected: rejectFile.count,
            rejectFile: rejectPathWritten, ignoredColumns: columns.ignoredHeaders, encoding: encoding,
            elapsedSeconds: Self.seconds(since: started))
        summary.reviews = counts.reviews
        summary.sharedPhones = counts.sharedPhones
        services.logger.info("import finished", metadata: [
            "source": .string(options.source), "rows": .stringConvertible(summary.rowsRead),
            "created": .stringConvertible(summary.created), "matched": .stringConvertible(summary.matched),
            "unchanged": .stringConvertible(summary.unchanged), "rejected": .stringConvertible(summary.rejected),
            "seconds": .stringConvertible((summary.elapsedSeconds * 10).rounded() / 10),
        ])
        return summary
    }

    /// Reads, prepares and writes every batch, preparing the next batch while the current one is written.
    private func runBatches(feeder: ImportBatchFeeder, writer: ImportBatchWriter, rejectFile: ImportRejectFile, totalBytes: Int64,
                            started: ContinuousClock.Instant, checkpoints: BackgroundCheckpointer?,
                            progress: @Sendable (ImportProgress) -> Void) async throws(DangolError) -> ImportCounts {
        var rowsRead = 0
        var created = 0
        var matched = 0
        var unchanged = 0
        var reviews = 0
        var sharedPhones = 0
        var bytesRead: Int64 = 0
        // Preparing runs below the writer's priority: the writer's continuations must not queue behind it.
        var pending = Task(priority: .low) { await feeder.nextBatch() }
        while let batch = await pending.value {
            // Read and normalise the next batch while this one is written.
            pending = Task(priority: .low) { await feeder.nextBatch() }
            do throws(DangolError) {
                if Task.isCancelled {
                    throw DangolError(.unavailable, "The import was cancelled before line \(batch.firstLine); earlier batches stay written.")
                }
                let outcome = try await write(batch, with: writer)
                checkpoints?.batchCommitted()
                rowsRead += batch.recordCount
                bytesRead = batch.bytesRead
                created += outcome.created
                matched += outcome.matched
                unchanged += outcome.unchanged
                reviews += outcome.reviews
                sharedPhones += outcome.sharedPhones
                try rejectFile.write((batch.rejects + outcome.rejects).sorted { $0.line < $1.line })
            } catch {
                pending.cancel()
                _ = await pending.value
                _ = try? rejectFile.close()
                throw error
            }
            progress(ImportProgress(rowsRead: rowsRead, created: created, matched: matched, unchanged: unchanged,
                                    rejected: rejectFile.count, bytesRead: bytesRead, totalBytes: totalBytes,
                                    elapsedSeconds: Self.seconds(since: started)))
        }
        return ImportCounts(rowsRead: rowsRead, created: created, matched: matched, unchanged: unchanged, reviews: reviews,
                            sharedPhones: sharedPhones)
    }

    /// Writes one batch in one transaction. A unique violation means another writer took an identifier between the
    /// lookup and the insert; the batch is then resolved again once, which now sees that writer's customer.
    private func write(_ batch: PreparedImportBatch, with writer: ImportBatchWriter) async throws(DangolError) -> ImportBatchOutcome {
        guard !batch.rows.isEmpty || !batch.rejects.isEmpty else { return ImportBatchOutcome() }
        var attempt = 0
        while true {
            attempt += 1
            do {
                // A bulk load: rows refer only to customers created in the batch or read in its transaction, and to
                // attribute definitions, which are never deleted (see `Database.bulkLoadTransaction`).
                return try await services.database.bulkLoadTransaction { db in try await writer.write(batch, on: db) }
            } catch let error as DangolError {
                throw error
            } catch {
                if attempt == 1 && DatabaseError.isUniqueViolation(error) { continue }
                services.logger.error("import batch failed", metadata: [
                    "first_line": .stringConvertible(batch.firstLine), "error": .string(DatabaseError.describeSafely(error)),
                ])
                throw DangolError(.unavailable, """
                    The database failed while writing the batch starting at line \(batch.firstLine); that batch was rolled \
                    back and earlier batches stay written. Importing the file again skips what was saved.
                    """)
            }
        }
    }

    /// Running totals of an import.
    private struct ImportCounts: Sendable {
        var rowsRead: Int
        var created: Int
        var matched: Int
        var unchanged: Int
        var reviews: Int
        var sharedPhones: Int
    }

    /// What validation needs from the database, loaded once per import.
    private struct Context: Sendable {
        var definitions: [String: AttributeDefinition]
        /// Username or user id → user id.
        var users: [String: String]
        var rrnEnabled: Bool
    }

    private func loadContext() async throws(DangolError) -> Context {
        try await services.read { db in
            let definitions = try await SettingsRepository().attributeDefinitions(on: db)
            var users: [String: String] = [:]
            for user in try await UserRepository().list(on: db) {
                users[user.id] = user.id
                users[user.username] = user.id
            }
            let rrn = try await SettingsRepository().legalBasis(feature: LegalBasisFeature.rrnCollection, on: db)
            return Context(definitions: Dictionary(uniqueKeysWithValues: definitions.map { ($0.key, $0) }), users: users,
                           rrnEnabled: rrn?.enabled ?? false)
        }
    }

    private static func seconds(since start: ContinuousClock.Instant) -> Double {
        let elapsed = ContinuousClock.now - start
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    }
}
