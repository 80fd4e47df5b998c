import DangolCore
import SQLKit

extension AnalyticsRepository {
    /// The staging table a refresh writes its scores into on SQLite (one per run, so two refreshes of the same file
    /// never share one).
    public static func stagingTable(for runID: String) -> String {
        "customer_scores_staging_" + String(runID.lowercased().filter { $0.isHexDigit })
    }

    /// Whether a refresh on this engine writes into a staging table and swaps it in (SQLite), or upserts into
    /// `customer_scores` in place (PostgreSQL).
    ///
    /// On SQLite, upserting a million rows into a table with five secondary indexes costs two index moves per index
    /// and row (the old entry out, the new one in) under a statement journal — ~25 s of the refresh at 1M customers —
    /// while appending to an index-free table in key order and building the indexes once by sorting costs a few
    /// seconds. Readers are not held up: in WAL mode they keep reading the old table until the swap commits. On
    /// PostgreSQL, dropping the table would lock readers out for the length of the index builds and lose the
    /// table's constraints (`LIKE … INCLUDING ALL` copies no foreign key), so it upserts.
    public func usesStaging(_ db: any SQLDatabase) -> Bool { db.dialect.name == "sqlite" }

    /// Creates the empty staging table `table` with the columns and keys of `customer_scores` (its own `CREATE TABLE`
    /// text, so columns added by later migrations come along) but none of its secondary indexes. Drops staging
    /// tables left behind by runs no longer running (a crash).
    public func createStaging(_ table: String, on db: any SQLDatabase) async throws {
        let leftovers = try await db.raw("""
            SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'customer_scores_staging_%'
            """).all().map { try $0.decode(column: "name", as: String.self) }
        let running = Set(try await db.raw("SELECT id FROM analytics_runs WHERE status = 'running'").all()
            .map { Self.stagingTable(for: try $0.decode(column: "id", as: String.self)) })
        for leftover in leftovers where leftover == table || !running.contains(leftover) {
            try await db.raw("DROP TABLE \(ident: leftover)").run()
        }
        guard let create = try await db.raw("""
            SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'customer_scores'
            """).first()?.decode(column: "sql", as: String.self),
            let name = create.firstRange(of: "customer_scores")
        else { throw DangolError(.unavailable, "The customer_scores table is missing: run the migrations.") }
        var staging = create
        staging.replaceSubrange(name, with: table)
        try await db.raw("\(unsafeRaw: staging)").run()
    }

    /// Replaces `customer_scores` with the staging table `table` in the caller's transaction: the indexes of the old
    /// table are rebuilt, by their own `CREATE INDEX` text, on the new one.
    public func swapInStaging(_ table: String, on db: any SQLDatabase) async throws {
        let indexes = try await db.raw("""
            SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'customer_scores' AND sql IS NOT NULL
            """).all().map { try $0.decode(column: "sql", as: String.self) }
        // The file is built with SQLITE_SECURE_DELETE: dropping would read and zero every page of the old table
        // (scores, no personal data). FAST zeroes only where that costs no extra I/O; the setting is put back after.
        let secureDelete = try await db.raw("PRAGMA secure_delete").first()?.decode(column: "secure_delete", as: Int.self) ?? 1
        try await db.raw("PRAGMA secure_delete = FAST").run()
        try await db.raw("DROP TABLE customer_scores").run()
        try await db.raw("PRAGMA secure_delete = \(literal: secureDelete)").run()
        try await db.raw("ALTER TABLE \(ident: table) RENAME TO customer_scores").run()
        for index in indexes { try await db.raw("\(unsafeRaw: index)").run() }
    }

    /// Drops a staging table (a failed run), if it exists.
    public func dropStaging(_ table: String, on db: any SQLDatabase) async throws {
        try await db.raw("DROP TABLE IF EXISTS \(ident: table)").run()
    }
}
