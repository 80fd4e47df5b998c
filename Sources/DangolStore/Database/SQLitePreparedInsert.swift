import SQLiteNIO
import VaporCSQLite

/// One `INSERT` statement prepared once on a connection's `sqlite3` handle and run again and again: bind, step,
/// reset. SQLiteNIO prepares (parses and compiles) every statement it runs; for a bulk insert of millions of rows the
/// parse of a multi-row `VALUES` statement cost about a microsecond per row, more than a third of the SQLite time of a
/// sales import, and each `RETURNING` row cost an event-loop hop. Here a statement of a few dozen rows is compiled
/// once per bulk insert (running one statement per row instead costs a statement's set-up — cursors opened on every
/// index — per row).
///
/// Used only inside a unit of work that SQLiteNIO is not running anything else on (``SQLiteSession`` awaits every
/// query), and SQLiteNIO opens connections in serialized mode (`SQLITE_OPEN_FULLMUTEX`), so calls from this thread
/// are safe.
final class SQLitePreparedInsert {
    private let handle: OpaquePointer
    private let statement: OpaquePointer
    private let returnsRows: Bool

    /// Prepares `sql` (one statement) on `handle`; `returnsRows` when it has a `RETURNING` clause.
    init(sql: String, on handle: OpaquePointer, returnsRows: Bool) throws(SQLiteStatementError) {
        self.handle = handle
        self.returnsRows = returnsRows
        var prepared: OpaquePointer?
        let code = sql.withCString { sqlite_nio_sqlite3_prepare_v3(handle, $0, -1, 0, &prepared, nil) }
        guard code == SQLITE_OK, let prepared else { throw SQLiteStatementError(code: code, on: handle) }
        statement = prepared
    }

    deinit { sqlite_nio_sqlite3_finalize(statement) }

    /// Binds `values` to the statement's parameters 1…n (the statement's rows one after another; text values are
    /// ranges of `textBytes`), runs it, and appends the text of the first column of each row it returns (with
    /// `RETURNING`) to `returned`. Returns the number of rows the statement inserted (`sqlite3_changes`).
    ///
    /// Text is bound in place (`SQLITE_STATIC`): the bytes stay valid for the whole call, and the bindings are cleared
    /// before it returns.
    @discardableResult
    func run(_ values: ArraySlice<BulkRows.Value>, textBytes: UnsafeBufferPointer<UInt8>,
             returned: inout [String]) throws(SQLiteStatementError) -> Int {
        defer {
            sqlite_nio_sqlite3_reset(statement)
            sqlite_nio_sqlite3_clear_bindings(statement)
        }
        var index: Int32 = 1
        for value in values {
            let code: Int32
            switch value {
            case .null: code = sqlite_nio_sqlite3_bind_null(statement, index)
            case .int(let number): code = sqlite_nio_sqlite3_bind_int64(statement, index, number)
            case .double(let number): code = sqlite_nio_sqlite3_bind_double(statement, index, number)
            case .bool(let flag): code = sqlite_nio_sqlite3_bind_int64(statement, index, flag ? 1 : 0)
            case .text(let start, let count):
                if count > 0, let base = textBytes.baseAddress {
                    code = UnsafeRawPointer(base + start).withMemoryRebound(to: CChar.self, capacity: count) { chars in
                        // No destructor (SQLITE_STATIC): SQLite reads the bytes where they are until the binding is cleared.
                        sqlite_nio_sqlite3_bind_text(statement, index, chars, Int32(count), nil)
                    }
                } else {
                    // A NULL pointer would bind NULL: an empty text needs a real (static) address.
                    code = sqlite_nio_sqlite3_bind_text(statement, index, "", 0, Self.transient)
                }
            }
            guard code == SQLITE_OK else { throw SQLiteStatementError(code: code, on: handle) }
            index += 1
        }
        while true {
            let code = sqlite_nio_sqlite3_step(statement)
            if code == SQLITE_DONE { return Int(sqlite_nio_sqlite3_changes(handle)) }
            guard code == SQLITE_ROW else { throw SQLiteStatementError(code: code, on: handle) }
            if returnsRows, let text = sqlite_nio_sqlite3_column_text(statement, 0) {
                returned.append(String(cString: text))
            }
        }
    }

    /// `SQLITE_TRANSIENT`: SQLite copies the bound bytes before `bind` returns (a C macro Swift does not import).
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
}

extension SQLiteConnection {
    /// The connection's `sqlite3` handle, read from SQLiteNIO's stored `handle.raw` (sqlite-nio 1.x does not expose
    /// it); nil if that layout ever changes, and callers then fall back to statements run through SQLiteNIO
    /// (`SQLitePreparedInsertTests` fails loudly in that case, so the fallback is never silent in CI).
    var rawHandle: OpaquePointer? {
        Mirror(reflecting: self).descendant("handle", "raw") as? OpaquePointer
    }
}

/// An SQLite error from a statement run on the raw handle: the extended result code and SQLite's message (which names
/// a violated constraint's columns but never contains bound values).
struct SQLiteStatementError: Error, Sendable, CustomStringConvertible {
    let code: Int32
    let message: String

    init(code: Int32, on handle: OpaquePointer) {
        self.code = code
        message = sqlite_nio_sqlite3_errmsg(handle).map { String(cString: $0) } ?? "SQLite error \(code)"
    }

    /// `SQLITE_CONSTRAINT_UNIQUE` or `SQLITE_CONSTRAINT_PRIMARYKEY`.
    var isUniqueViolation: Bool { code == 2067 || code == 1555 }

    var description: String { "SQLite \(code): \(message)" }
}
