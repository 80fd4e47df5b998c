import DangolCore
import SQLKit

/// A refresh writes its scores into a staging table and swaps it in for `customer_scores` at the end.
///
/// Upserting a million rows into a table with five secondary indexes costs two index moves per index and row (the
/// old entry out, the new one in) — ~25 s of the refresh on SQLite and over two minutes on PostgreSQL at 1M customers
/// — while appending to an index-free table in key order and building each index once by sorting costs seconds.
/// Readers keep the old table until the swap commits (SQLite WAL: their snapshot; PostgreSQL: the swap transaction
/// only renames, so their wait is milliseconds). The staging table takes its shape from `customer_scores` itself
/// (SQLite: its `CREATE TABLE` text; PostgreSQL: `LIKE`, then its constraints and indexes by their own definitions),
/// so columns and indexes added by later migrations come along and keep their names.
extension AnalyticsRepository {
    /// The staging table of a run (one per run, so two refreshes never share one).
    public static func stagingTable(for runID: String) -> String {
        "customer_scores_staging_" + String(runID.lowercased().filter { $0.isHexDigit })
    }

    /// Creates the empty staging table `table` with the columns of `customer_scores` and, on SQLite, its primary key,
    /// but none of its secondary indexes. Drops staging tables left behind by runs no longer running (a crash).
    public func createStaging(_ table: String, on db: any SQLDatabase) async throws {
        let sqlite = db.dialect.name == "sqlite"
        let leftovers = try await db.raw(sqlite
            ? "SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'customer_scores_staging_%'"
            : "SELECT tablename AS name FROM pg_tables WHERE schemaname = current_schema() AND tablename LIKE 'customer_scores_staging_%'"
        ).all().map { try $0.decode(column: "name", as: String.self) }
        let running = Set(try await db.raw("SELECT id FROM analytics_runs WHERE status = 'running'").all()
            .map { Self.stagingTable(for: try $0.decode(column: "id", as: String.self)) })
        for leftover in leftovers where leftover == table || !running.contains(leftover) {
            try await db.raw("DROP TABLE \(ident: leftover)").run()
        }
        guard sqlite else {
            // NOT NULL and defaults only; keys and indexes are added by finishStaging once the rows are in.
            try await db.raw("CREATE TABLE \(ident: table) (LIKE customer_scores INCLUDING DEFAULTS)").run()
            return
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

    /// PostgreSQL: gives the filled staging table the constraints and indexes of `customer_scores` under temporary
    /// names (before the swap, so the swap itself only renames). SQLite: nothing (it cannot rename an index; the swap
    /// builds them).
    public func finishStaging(_ table: String, on db: any SQLDatabase) async throws {
        guard db.dialect.name != "sqlite" else { return }
        for (index, constraint) in try await constraints(on: db).enumerated() {
            try await db.raw("""
                ALTER TABLE \(ident: table) ADD CONSTRAINT \(ident: "\(table)_c\(index)") \(unsafeRaw: constraint.definition)
                """).run()
        }
        for (index, definition) in try await indexes(on: db).enumerated() {
            guard let on = definition.definition.firstRange(of: " ON ") else { continue }
            // "CREATE [UNIQUE] INDEX name ON [schema.]customer_scores USING …": a new name, the staging table.
            let head = String(definition.definition[..<on.lowerBound]).replacing(definition.name, with: "\(table)_i\(index)")
            var tail = String(definition.definition[on.upperBound...])
            guard let using = tail.firstRange(of: " USING ") else { continue }
            tail.replaceSubrange(tail.startIndex..<using.lowerBound, with: table)
            try await db.raw("\(unsafeRaw: head) ON \(unsafeRaw: tail)").run()
        }
    }

    /// Replaces `customer_scores` with the staging table `table` in the caller's transaction. SQLite: the old table's
    /// indexes are built again, by their own `CREATE INDEX` text, on the new one. PostgreSQL: the indexes and
    /// constraints ``finishStaging(_:on:)`` made take the old names.
    public func swapInStaging(_ table: String, on db: any SQLDatabase) async throws {
        guard db.dialect.name == "sqlite" else {
            let constraints = try await constraints(on: db)
            let indexes = try await indexes(on: db)
            try await db.raw("DROP TABLE customer_scores").run()
            try await db.raw("ALTER TABLE \(ident: table) RENAME TO customer_scores").run()
            for (index, constraint) in constraints.enumerated() {
                try await db.raw("""
                    ALTER TABLE customer_scores RENAME CONSTRAINT \(ident: "\(table)_c\(index)") TO \(ident: constraint.name)
                    """).run()
            }
            for (index, definition) in indexes.enumerated() {
                try await db.raw("ALTER INDEX \(ident: "\(table)_i\(index)") RENAME TO \(ident: definition.name)").run()
            }
            return
        }
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

    /// PostgreSQL: the constraints of `customer_scores` (primary key, foreign key, checks) with their definitions,
    /// in a stable order.
    private func constraints(on db: any SQLDatabase) async throws -> [(name: String, definition: String)] {
        try await db.raw("""
            SELECT conname AS name, pg_get_constraintdef(oid) AS definition FROM pg_constraint
            WHERE conrelid = 'customer_scores'::regclass AND contype IN ('p', 'u', 'f', 'c', 'x') ORDER BY conname
            """).all().map { (try $0.decode(column: "name", as: String.self), try $0.decode(column: "definition", as: String.self)) }
    }

    /// PostgreSQL: the indexes of `customer_scores` that no constraint owns, with their definitions, in a stable order.
    private func indexes(on db: any SQLDatabase) async throws -> [(name: String, definition: String)] {
        try await db.raw("""
            SELECT i.relname AS name, pg_get_indexdef(i.oid) AS definition FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid
            WHERE x.indrelid = 'customer_scores'::regclass
            AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = x.indexrelid AND c.conrelid = x.indrelid)
            ORDER BY i.relname
            """).all().map { (try $0.decode(column: "name", as: String.self), try $0.decode(column: "definition", as: String.self)) }
    }
}
