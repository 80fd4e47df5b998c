import Logging
import NIOCore
import SQLKit
import SQLiteKit
import SQLiteNIO

/// The `SQLDatabase` handed to units of work on SQLite: SQLiteKit's, plus the connection underneath so bulk writes can
/// bind `SQLiteData` values directly (``BulkRows``) instead of going through `Encodable` binds or JSON.
struct SQLiteSession: SQLDatabase {
    let base: any SQLDatabase
    let connection: SQLiteConnection
    /// Inside `Database.bulkLoadTransaction`: foreign keys are off and bulk inserts run as `INSERT OR FAIL`.
    let bulkLoad: Bool

    init(connection: SQLiteConnection, bulkLoad: Bool = false) {
        self.connection = connection
        self.bulkLoad = bulkLoad
        base = connection.sql(queryLogLevel: nil)
    }

    var logger: Logger { base.logger }
    var eventLoop: any EventLoop { base.eventLoop }
    var version: (any SQLDatabaseReportedVersion)? { base.version }
    var dialect: any SQLDialect { base.dialect }
    var queryLogLevel: Logger.Level? { base.queryLogLevel }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> Void) -> EventLoopFuture<Void> {
        base.execute(sql: query, onRow)
    }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> Void) async throws {
        try await base.execute(sql: query, onRow)
    }

    func withSession<R>(_ closure: @escaping @Sendable (any SQLDatabase) async throws -> R) async throws -> R {
        try await closure(self)
    }

    /// Runs `sql` with positional `binds` on the connection; returns the text of column `returning` of each result row.
    func run(_ sql: String, binds: [SQLiteData], returning: String? = nil) async throws -> [String] {
        guard let returning else {
            try await connection.query(sql, binds) { _ in }
            return []
        }
        let collected = ReturnedValues()
        try await connection.query(sql, binds) { row in
            if let value = row.column(returning)?.string { collected.values.append(value) }
        }
        return collected.values
    }
}

/// Values of a `RETURNING` column. SQLiteNIO calls `onRow` one row after another on the connection's thread and
/// returns only after the last, so the box is never touched by two threads at once.
private final class ReturnedValues: @unchecked Sendable {
    var values: [String] = []
}

extension SQLiteSession {
    /// Rows per prepared multi-row `INSERT`: enough to spread a statement's set-up (cursors on the table and each
    /// index) over many rows, few enough that compiling it is cheap.
    static let rowsPerPreparedStatement = 64

    /// Inserts `rows`, `suffix` (ON CONFLICT …, RETURNING …) appended to the statement; returns the `returning` column
    /// of the rows it reports.
    ///
    /// Statements of ``rowsPerPreparedStatement`` rows prepared once and run again and again on the connection's handle
    /// (``SQLitePreparedInsert``); if the handle cannot be had, multi-row `VALUES` statements of at most ~32,000 bound
    /// values each through SQLiteNIO.
    func insert(into table: String, columns: [BulkColumn], rows: BulkRows, suffix: String = "",
                returning: String? = nil) async throws -> [String] {
        var returned: [String] = []
        let prepared = try runPrepared(into: table, columns: columns, rows: rows, suffix: suffix, returnsRows: returning != nil,
                                       returned: &returned) { _, _ in }
        if prepared { return returned }
        return try await insertThroughSQLiteNIO(into: table, columns: columns, rows: rows, suffix: suffix, returning: returning)
    }

    /// Like ``insert(into:columns:rows:suffix:returning:)`` with `ON CONFLICT (conflict) DO NOTHING`; returns the
    /// indices (into `rows`, ascending) of the rows inserted. `key` is a column whose text value is unique among
    /// `rows`; `table` must be a rowid table (not `WITHOUT ROWID`).
    ///
    /// Without `RETURNING` (which makes SQLite copy every row into a temporary table and read it back, about 15 % of a
    /// sales import's insert time): each statement's count of inserted rows is compared with its row count; only for a
    /// statement that inserted some of its rows but not all are the keys looked up — among the rows with a rowid
    /// above the table's largest before the insert, which are the rows it added. Indices rather than key strings: an
    /// import of millions of rows then builds no string and no set per row.
    func insertSkippingConflicts(into table: String, columns: [BulkColumn], rows: BulkRows, conflict: [String],
                                 key: String) async throws -> [Int] {
        let keyColumn = columns.position(of: key)
        let suffix = " ON CONFLICT (\(conflict.joined(separator: ", "))) DO NOTHING"
        let rowidBefore = try await base.raw("SELECT COALESCE(MAX(rowid), 0) AS m FROM \(unsafeRaw: table)").first()?
            .decode(column: "m", as: Int64.self) ?? 0
        var inserted: [Int] = []
        inserted.reserveCapacity(rows.count)
        var partial: [Range<Int>] = []
        var unused: [String] = []
        let prepared = try runPrepared(into: table, columns: columns, rows: rows, suffix: suffix, returnsRows: false,
                                       returned: &unused) { range, changes in
            guard changes > 0 else { return }
            if changes == range.count { inserted.append(contentsOf: range) } else { partial.append(range) }
        }
        guard prepared else {
            let keys = try await insertThroughSQLiteNIO(into: table, columns: columns, rows: rows,
                                                        suffix: suffix + " RETURNING \(key)", returning: key)
            return rows.indices(ofKeys: keys, column: keyColumn)
        }
        guard !partial.isEmpty else { return inserted }
        // Statements that inserted only some of their rows: which of their keys are among the rows this insert added.
        let candidates = partial.flatMap { $0 }
        let keys = candidates.compactMap { rows.text(row: $0, column: keyColumn) }
        var added: Set<String> = []
        var start = 0
        while start < keys.count {
            let chunk = keys[start..<min(keys.count, start + 500)]
            let placeholders = Array(repeating: "?", count: chunk.count).joined(separator: ",")
            added.formUnion(try await run("SELECT \(key) FROM \(table) WHERE rowid > ? AND \(key) IN (\(placeholders))",
                                          binds: [SQLiteData.integer(Int(rowidBefore))] + chunk.map { SQLiteData.text($0) }, returning: key))
            start += chunk.count
        }
        inserted += candidates.filter { row in rows.text(row: row, column: keyColumn).map(added.contains) ?? false }
        return inserted.sorted()
    }

    /// Runs the insert as statements of ``rowsPerPreparedStatement`` rows prepared once on the connection's handle,
    /// calling `ran` with each statement's rows and the number it inserted; false (nothing run) when the handle cannot
    /// be had.
    private func runPrepared(into table: String, columns: [BulkColumn], rows: BulkRows, suffix: String, returnsRows: Bool,
                             returned: inout [String], ran: (Range<Int>, Int) -> Void) throws -> Bool {
        guard let handle = connection.rawHandle else { return false }
        let names = columns.map(\.name).joined(separator: ", ")
        let tuple = "(" + Array(repeating: "?", count: columns.count).joined(separator: ",") + ")"
        let rowsPerStatement = max(1, min(Self.rowsPerPreparedStatement, 32_000 / max(1, columns.count)))
        func statement(rows: Int) throws -> SQLitePreparedInsert {
            try SQLitePreparedInsert(sql: (bulkLoad ? "INSERT OR FAIL INTO " : "INSERT INTO ") + "\(table) (\(names)) VALUES "
                                     + Array(repeating: tuple, count: rows).joined(separator: ",") + suffix,
                                     on: handle, returnsRows: returnsRows)
        }
        try rows.textBytes.withUnsafeBufferPointer { textBytes in
            var full: SQLitePreparedInsert?
            var lower = 0
            while lower < rows.count {
                let upper = min(rows.count, lower + rowsPerStatement)
                let prepared = try upper - lower == rowsPerStatement ? full ?? statement(rows: rowsPerStatement) : statement(rows: upper - lower)
                if upper - lower == rowsPerStatement { full = prepared }
                let changes = try prepared.run(rows.values(ofRows: lower..<upper), textBytes: textBytes, returned: &returned)
                ran(lower..<upper, changes)
                lower = upper
            }
        }
        return true
    }

    /// Multi-row `VALUES` statements of at most ~32,000 bound values each, run through SQLiteNIO.
    private func insertThroughSQLiteNIO(into table: String, columns: [BulkColumn], rows: BulkRows, suffix: String,
                                        returning: String?) async throws -> [String] {
        let names = columns.map(\.name).joined(separator: ", ")
        let tuple = "(" + Array(repeating: "?", count: columns.count).joined(separator: ",") + ")"
        let perStatement = max(1, 32_000 / max(1, columns.count))
        var returned: [String] = []
        var lower = 0
        while lower < rows.count {
            let upper = min(rows.count, lower + perStatement)
            let sql = "INSERT INTO \(table) (\(names)) VALUES "
                + Array(repeating: tuple, count: upper - lower).joined(separator: ",") + suffix
            returned += try await run(sql, binds: rows.sqliteBinds(rows: lower..<upper), returning: returning)
            lower = upper
        }
        return returned
    }
}
