import DangolCore
import DangolStore
import Foundation

/// Runs a sales import uploaded through the console in the background, recording its progress in `import_runs` after
/// every batch so that the progress page (on any server process) can follow it. The uploaded file is deleted when the
/// run ends (it holds buyers' phone numbers); the rejected rows stay in a CSV beside it for the report.
public struct TransactionImportRunner: Sendable {
    public let services: AppServices

    public init(services: AppServices) { self.services = services }

    /// Where uploads and reject files are kept: `DANGOL_UPLOAD_DIR`, or `dangol-uploads` in the system's temporary directory.
    public static var uploadDirectory: String {
        if let configured = ProcessInfo.processInfo.environment["DANGOL_UPLOAD_DIR"], !configured.isEmpty { return configured }
        return FileManager.default.temporaryDirectory.appendingPathComponent("dangol-uploads").path
    }

    /// A new, unique path for an upload.
    public func uploadPath() throws(DangolError) -> (id: String, path: String) {
        let directory = Self.uploadDirectory
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } catch {
            throw DangolError(.unavailable, "The upload directory cannot be created.")
        }
        let id = services.ids.next()
        return (id, directory + "/" + id + ".csv")
    }

    /// Records the run and starts the import of an uploaded file in the background; returns at once.
    /// - Throws: `forbidden` for roles that may not write customers; `invalidInput` for a bad source name.
    public func start(runID: String, path: String, fileName: String, source: String, by principal: Principal) async throws(DangolError) -> ImportRunRecord {
        try principal.requireCustomerWrite()
        let trimmedSource = source.trimmingWhitespace()
        guard !trimmedSource.isEmpty, trimmedSource.count <= 60 else {
            try? FileManager.default.removeItem(atPath: path)
            throw DangolError.invalid(field: "source", code: "length", "The source has 1–60 characters.")
        }
        let size = ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber)?.int64Value ?? 0
        let now = services.clock.now()
        let run = ImportRunRecord(id: runID, kind: "transactions", fileName: String(fileName.prefix(200)), source: trimmedSource, totalBytes: size,
                                  startedBy: principal.userID, startedAt: now, updatedAt: now)
        try await services.transaction { db in try await ImportRunRepository().insert(run, on: db) }
        let services = self.services
        Task.detached {
            await Self.run(run, path: path, services: services, principal: principal)
        }
        return run
    }

    /// The run with this id.
    public func run(_ id: String, for principal: Principal) async throws(DangolError) -> ImportRunRecord {
        try principal.require(scope: "customers:read")
        guard let run = try await services.read({ db in try await ImportRunRepository().find(id, on: db) }) else {
            throw DangolError.notFound("The import")
        }
        return run
    }

    /// The newest runs.
    public func recent(limit: Int = 20, for principal: Principal) async throws(DangolError) -> [ImportRunRecord] {
        try principal.require(scope: "customers:read")
        return try await services.read { db in try await ImportRunRepository().recent(limit: limit, on: db) }
    }

    private static func run(_ started: ImportRunRecord, path: String, services: AppServices, principal: Principal) async {
        var run = started
        let rejectPath = path + ".rejects.csv"
        do throws(DangolError) {
            let summary = try await TransactionImporter(services: services).importFile(
                path: path, source: run.source, batchSize: 5_000, rejectPath: rejectPath, by: principal,
                batchLanded: { summary, bytesRead, _ in
                    var progress = started
                    progress.apply(summary)
                    progress.bytesRead = bytesRead
                    progress.updatedAt = services.clock.now()
                    let update = progress
                    try? await services.transaction { db in try await ImportRunRepository().update(update, on: db) }
                })
            run.apply(summary)
            run.bytesRead = run.totalBytes
            run.status = .done
            run.rejectPath = summary.rejected > 0 ? rejectPath : nil
        } catch {
            run.status = .failed
            run.message = error.message
            run.rejectPath = FileManager.default.fileExists(atPath: rejectPath) ? rejectPath : nil
        }
        try? FileManager.default.removeItem(atPath: path)
        run.updatedAt = services.clock.now()
        run.finishedAt = run.updatedAt
        let finished = run
        try? await services.transaction { db in try await ImportRunRepository().update(finished, on: db) }
    }
}

extension ImportRunRecord {
    mutating func apply(_ summary: TransactionImporter.Summary) {
        rowsRead = Int64(summary.rowsRead)
        created = Int64(summary.created)
        unchanged = Int64(summary.unchanged)
        identified = Int64(summary.identified)
        rejected = Int64(summary.rejected)
    }
}
