import DangolCore
import SQLKit

/// Import runs started from the console: created when the upload is stored, updated as batches land, finished once.
public struct ImportRunRepository: Sendable {
    public init() {}

    public func insert(_ run: ImportRunRecord, on db: any SQLDatabase) async throws {
        try await db.raw("""
            INSERT INTO import_runs (id, kind, file_name, source, status, rows_read, bytes_read, total_bytes, created, unchanged, identified,
            rejected, message, reject_path, started_by, started_at, updated_at, finished_at) VALUES (\(bind: run.id), \(bind: run.kind),
            \(bind: run.fileName), \(bind: run.source), \(bind: run.status.rawValue), \(bind: run.rowsRead), \(bind: run.bytesRead),
            \(bind: run.totalBytes), \(bind: run.created), \(bind: run.unchanged), \(bind: run.identified), \(bind: run.rejected),
            \(bind: run.message), \(bind: run.rejectPath), \(bind: run.startedBy), \(bind: run.startedAt.rawValue), \(bind: run.updatedAt.rawValue),
            \(bind: run.finishedAt?.rawValue))
            """).run()
    }

    /// Stores the counts and status of a run.
    public func update(_ run: ImportRunRecord, on db: any SQLDatabase) async throws {
        try await db.raw("""
            UPDATE import_runs SET status = \(bind: run.status.rawValue), rows_read = \(bind: run.rowsRead), bytes_read = \(bind: run.bytesRead),
            created = \(bind: run.created), unchanged = \(bind: run.unchanged), identified = \(bind: run.identified), rejected = \(bind: run.rejected),
            message = \(bind: run.message), reject_path = \(bind: run.rejectPath), updated_at = \(bind: run.updatedAt.rawValue),
            finished_at = \(bind: run.finishedAt?.rawValue) WHERE id = \(bind: run.id)
            """).run()
    }

    public func find(_ id: String, on db: any SQLDatabase) async throws -> ImportRunRecord? {
        try await load(where: "id = \(bind: id)", limit: 1, on: db).first
    }

    /// The newest runs first.
    public func recent(limit: Int, on db: any SQLDatabase) async throws -> [ImportRunRecord] {
        try await load(where: "1 = 1", limit: limit, on: db)
    }

    private func load(where condition: SQLQueryString, limit: Int, on db: any SQLDatabase) async throws -> [ImportRunRecord] {
        try await db.raw("""
            SELECT id, kind, file_name, source, status, rows_read, bytes_read, total_bytes, created, unchanged, identified, rejected, message,
            reject_path, started_by, started_at, updated_at, finished_at FROM import_runs WHERE \(condition)
            ORDER BY started_at DESC, id DESC LIMIT \(literal: limit)
            """).all().map { row in
            ImportRunRecord(
                id: try row.decode(column: "id", as: String.self), kind: try row.decode(column: "kind", as: String.self),
                fileName: try row.decode(column: "file_name", as: String.self), source: try row.decode(column: "source", as: String.self),
                status: ImportRunRecord.Status(rawValue: try row.decode(column: "status", as: String.self)) ?? .failed,
                rowsRead: try row.decode(column: "rows_read", as: Int64.self), bytesRead: try row.decode(column: "bytes_read", as: Int64.self),
                totalBytes: try row.decode(column: "total_bytes", as: Int64.self), created: try row.decode(column: "created", as: Int64.self),
                unchanged: try row.decode(column: "unchanged", as: Int64.self), identified: try row.decode(column: "identified", as: Int64.self),
                rejected: try row.decode(column: "rejected", as: Int64.self), message: try row.decode(column: "message", as: String?.self),
                rejectPath: try row.decode(column: "reject_path", as: String?.self), startedBy: try row.decode(column: "started_by", as: String.self),
                startedAt: Timestamp(rawValue: try row.decode(column: "started_at", as: Int64.self)),
                updatedAt: Timestamp(rawValue: try row.decode(column: "updated_at", as: Int64.self)),
                finishedAt: try row.decode(column: "finished_at", as: Int64?.self).map(Timestamp.init(rawValue:)))
        }
    }
}
