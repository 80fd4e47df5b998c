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

    init(connection: SQLiteConnection) {
        self.connection = connection
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
        let names = columns.map(\.name).joined(separator: ", ")
        let tuple = "(" + Array(repeating: "?", count: columns.count).joined(separator: ",") + ")"
        if let handle = connection.rawHandle {
            let rowsPerStatement = max(1, min(Self.rowsPerPreparedStatement, 32_000 / max(1, columns.count)))
            func statement(rows: Int) throws -> SQLitePreparedInsert {
                try SQLitePreparedInsert(sql: "INSERT INTO \(table) (\(names)) VALUES "
                                         + Array(repeating: tuple, count: rows).joined(separator: ",") + suffix,
                                         on: handle, returnsRows: returning != nil)
            }
            var returned: [String] = []
            var full: SQLitePreparedInsert?
            var lower = 0
            while lower < rows.count {
                let upper = min(rows.count, lower + rowsPerStatement)
                if upper - lower == rowsPerStatement {
                    if full == nil { full = try statement(rows: rowsPerStatement) }
                    try full?.run(rows.values(ofRows: lower..<upper), returned: &returned)
                } else {
                    try statement(rows: upper - lower).run(rows.values(ofRows: lower..<upper), returned: &returned)
                }
                lower = upper
            }
            return returned
        }
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
