import Logging
import SQLKit
import SQLiteNIO

/// Copies a bulk load's write-ahead log into the SQLite file on a connection of its own, so the writer never waits
/// for a checkpoint.
///
/// A checkpoint copies the WAL's pages into the database file and flushes both to disk (`fsync`); run by SQLite
/// itself it happens inside the commit that crosses `wal_autocheckpoint`, and the writer waits: 8.3 s of a
/// 10,000,000-sale import's 95 s (2026-12-06, 113 calls). Here the writer's automatic checkpoints are pushed out to a
/// 1 GiB backstop while the load runs, and after each committed batch this connection runs a `PASSIVE` checkpoint,
/// which never blocks the writer (it copies what is committed; the writer keeps appending). When the load ends the
/// usual setting comes back.
///
/// ```swift
/// let checkpoints = try await database.startBackgroundCheckpoints()   // nil on PostgreSQL
/// … each batch: commit, then
/// checkpoints?.batchCommitted()
/// … at the end:
/// await checkpoints?.finish()
/// ```
public actor BackgroundCheckpointer {
    private let connection: SQLiteConnection
    private let database: Database
    private let restoreAutocheckpoint: Int
    private var running: Task<Void, Never>?
    private var requested = false
    private var finished = false
    /// Checkpoints run so far, and the most WAL frames one of them had copied into the file.
    public private(set) var checkpointsRun = 0
    public private(set) var mostFramesCopied = 0

    init(connection: SQLiteConnection, database: Database, restoreAutocheckpoint: Int) {
        self.connection = connection
        self.database = database
        self.restoreAutocheckpoint = restoreAutocheckpoint
    }

    /// Asks for a checkpoint of what has been committed; returns at once. Requests made while one runs are merged
    /// into one more run after it.
    public nonisolated func batchCommitted() {
        Task { await self.request() }
    }

    /// Waits for a running checkpoint, puts the writer's automatic checkpoints back and closes the connection.
    public func finish() async {
        guard !finished else { return }
        finished = true
        requested = false
        await running?.value
        try? await database.setAutocheckpoint(pages: restoreAutocheckpoint)
        try? await connection.close().get()
    }

    private func request() {
        guard !finished else { return }
        requested = true
        guard running == nil else { return }
        running = Task { await self.drain() }
    }

    private func drain() async {
        while requested, !finished {
            requested = false
            await checkpoint()
        }
        running = nil
    }

    private func checkpoint() async {
        // A failed checkpoint loses nothing (the pages stay in the WAL); the writer's backstop or the next one copies them.
        guard let row = try? await connection.query("PRAGMA wal_checkpoint(PASSIVE)").get().first else { return }
        checkpointsRun += 1
        mostFramesCopied = max(mostFramesCopied, Int(row.column("checkpointed")?.integer ?? 0))
    }
}

extension Database {
    /// WAL pages after which the writer checkpoints by itself in ordinary operation (256 MB at 16 KiB pages).
    static let defaultAutocheckpointPages = 16_384
    /// The writer's backstop while a ``BackgroundCheckpointer`` runs: it checkpoints by itself only if the WAL grows
    /// past this many pages (1 GiB at 16 KiB pages) — if the background connection cannot keep up.
    static let bulkLoadAutocheckpointPages = 65_536

    /// Starts a ``BackgroundCheckpointer`` for a bulk load; nil on PostgreSQL and for an in-memory SQLite database.
    public func startBackgroundCheckpoints() async throws -> BackgroundCheckpointer? {
        guard engine == .sqlite, location != ":memory:" else { return nil }
        let connection = try await SQLiteConnection.open(storage: .file(path: location), logger: Logger(label: "dangol.checkpoints")).get()
        do {
            _ = try await connection.query("PRAGMA busy_timeout=10000").get()
            try await setAutocheckpoint(pages: Self.bulkLoadAutocheckpointPages)
        } catch {
            try? await connection.close().get()
            throw error
        }
        return BackgroundCheckpointer(connection: connection, database: self, restoreAutocheckpoint: Self.defaultAutocheckpointPages)
    }

    /// Sets the writer connection's `wal_autocheckpoint` (SQLite only).
    func setAutocheckpoint(pages: Int) async throws {
        guard engine == .sqlite else { return }
        try await read { db in try await db.raw("PRAGMA wal_autocheckpoint=\(unsafeRaw: String(pages))").run() }
    }
}
