import SQLKit
import SQLiteNIO

/// Rows for a bulk insert, gathered once and sent in the form each engine takes fastest.
///
/// - SQLite (through ``SQLiteSession``): multi-row `VALUES` statements whose values are bound as `SQLiteData`
///   directly — no `Encodable` boxing per value, no JSON to write and to parse again.
/// - PostgreSQL (and any other `SQLDatabase`): the whole chunk as one JSON array of arrays in a single bound
///   parameter, unpacked in C by `jsonb_array_elements` — as `jsonb`, because each `->>` on a `json` value parses the
///   row again from its start (five times slower at 27 columns). The statement text stays a few hundred bytes whatever
///   the row count (a `VALUES` statement with tens of thousands of `Encodable` binds costs more than the insert).
///
/// ```swift
/// var rows = BulkRows()
/// rows.row { $0.text(id); $0.int(at.rawValue); $0.bool(true) }
/// try await db.bulkInsert(into: "t", columns: [.text("id"), .bigint("at"), .boolean("flag")], rows: rows)
/// ```
public struct BulkRows: Sendable {
    /// One value of a row. Text lives in the rows' byte arena (``BulkRows/textBytes``), so a row of text values costs
    /// no allocation per value, and SQLite binds it in place (`SQLITE_STATIC`) instead of copying every value.
    enum Value: Sendable {
        case null
        /// UTF-8 bytes `start..<start + count` of the arena.
        case text(start: Int, count: Int)
        case int(Int64)
        case double(Double)
        case bool(Bool)
    }

    /// The values of all rows, row after row.
    private(set) var values: [Value] = []
    /// The UTF-8 bytes of every text value, one after another.
    private(set) var textBytes: [UInt8] = []
    /// Rows added so far.
    public private(set) var count = 0
    /// Values per row (every row has as many as the first).
    private(set) var width = 0

    /// An empty set of rows; `capacity` is a hint in bytes (about 8 per value).
    public init(capacity: Int = 1 << 16) {
        values.reserveCapacity(capacity / 8)
        textBytes.reserveCapacity(capacity * 2)
    }

    /// Adds one row; `fields` appends its values in column order.
    public mutating func row(_ fields: (inout BulkRows) -> Void) {
        let before = values.count
        fields(&self)
        if count == 0 { width = values.count - before }
        precondition(values.count - before == width, "every bulk row needs as many values as the first")
        count += 1
    }

    /// A text value, or NULL.
    public mutating func text(_ value: String?) { values.append(store(value)) }

    /// An integer value, or NULL.
    public mutating func int(_ value: Int64?) { values.append(value.map(Value.int) ?? .null) }

    /// A floating-point value, or NULL; a non-finite value (NaN, ±∞), which JSON cannot carry, is stored as NULL on
    /// both engines.
    public mutating func double(_ value: Double?) {
        guard let value, value.isFinite else { return values.append(.null) }
        values.append(.double(value))
    }

    /// A boolean value, or NULL.
    public mutating func bool(_ value: Bool?) { values.append(value.map(Value.bool) ?? .null) }

    /// Replaces the value in column `column` (0-based) of row `row` with a text value, or NULL. (The replaced text's
    /// bytes stay in the arena unused.)
    mutating func setText(_ value: String?, row: Int, column: Int) {
        values[row * width + column] = store(value)
    }

    private mutating func store(_ text: String?) -> Value {
        guard let text else { return .null }
        let start = textBytes.count
        textBytes.append(contentsOf: text.utf8)
        return .text(start: start, count: textBytes.count - start)
    }

    /// The text in column `column` of row `row` (nil for NULL or a value of another kind).
    func text(row: Int, column: Int) -> String? {
        if case .text(let start, let count) = values[row * width + column] {
            return String(decoding: textBytes[start..<start + count], as: UTF8.self)
        }
        return nil
    }

    /// Whether column `column` of row `row` holds a text value (not NULL).
    func isText(row: Int, column: Int) -> Bool {
        if case .text = values[row * width + column] { return true }
        return false
    }

    /// The indices (ascending) of the rows whose text in column `column` is one of `keys`.
    func indices(ofKeys keys: [String], column: Int) -> [Int] {
        guard !keys.isEmpty else { return [] }
        let wanted = Set(keys)
        return (0..<count).filter { row in text(row: row, column: column).map(wanted.contains) ?? false }
    }

    /// The rows for which `keep` (given the row's index) is true, in order (sharing this set's text bytes).
    func filter(_ keep: (Int) -> Bool) -> BulkRows {
        var kept = BulkRows(capacity: 0)
        kept.width = width
        kept.textBytes = textBytes
        for row in 0..<count where keep(row) {
            kept.values.append(contentsOf: values[row * width..<(row + 1) * width])
            kept.count += 1
        }
        return kept
    }

    /// The values of rows `rows`, row after row, in column order (text as ranges of ``textBytes``).
    func values(ofRows rows: Range<Int>) -> ArraySlice<Value> { values[rows.lowerBound * width..<rows.upperBound * width] }

    /// The values of rows `rows` as SQLite binds (booleans as 1 and 0, as SQLite stores them).
    func sqliteBinds(rows: Range<Int>) -> [SQLiteData] {
        values[rows.lowerBound * width..<rows.upperBound * width].map { value in
            switch value {
            case .null: .null
            case .text(let start, let count): .text(String(decoding: textBytes[start..<start + count], as: UTF8.self))
            case .int(let number): .integer(Int(number))
            case .double(let number): .float(number)
            case .bool(let flag): .integer(flag ? 1 : 0)
            }
        }
    }

    /// The JSON text: an array with one array per row.
    var json: String {
        var bytes: [UInt8] = [UInt8(ascii: "[")]
        bytes.reserveCapacity(values.count * 10 + 2)
        for row in 0..<count {
            if row > 0 { bytes.append(UInt8(ascii: ",")) }
            bytes.append(UInt8(ascii: "["))
            for index in row * width..<(row + 1) * width {
                if index > row * width { bytes.append(UInt8(ascii: ",")) }
                appendJSON(values[index], to: &bytes)
            }
            bytes.append(UInt8(ascii: "]"))
        }
        bytes.append(UInt8(ascii: "]"))
        return String(decoding: bytes, as: UTF8.self)
    }

    private func appendJSON(_ value: Value, to bytes: inout [UInt8]) {
        switch value {
        case .null: bytes.append(contentsOf: Self.nullBytes)
        case .int(let number): bytes.append(contentsOf: String(number).utf8)
        case .double(let number): bytes.append(contentsOf: number.description.utf8)
        case .bool(let flag): bytes.append(contentsOf: flag ? Self.trueBytes : Self.falseBytes)
        case .text(let start, let count):
            bytes.append(UInt8(ascii: "\""))
            for byte in textBytes[start..<start + count] {
                switch byte {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"):
                    bytes.append(UInt8(ascii: "\\"))
                    bytes.append(byte)
                case 0..<0x20:
                    bytes.append(contentsOf: Array("\\u00".utf8))
                    bytes.append(Self.hexDigits[Int(byte >> 4)])
                    bytes.append(Self.hexDigits[Int(byte & 0x0F)])
                default:
                    bytes.append(byte)
                }
            }
            bytes.append(UInt8(ascii: "\""))
        }
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)
    private static let trueBytes = Array("true".utf8)
    private static let falseBytes = Array("false".utf8)
    private static let nullBytes = Array("null".utf8)
}

/// A column of a bulk insert: its name and SQL type (PostgreSQL needs the cast; SQLite's column affinity does it).
public struct BulkColumn: Sendable, Hashable {
    public enum Kind: String, Sendable {
        case text, bigint, boolean
        /// Double precision (PostgreSQL's `float8`).
        case double = "float8"
    }

    public var name: String
    public var kind: Kind

    public static func text(_ name: String) -> BulkColumn { BulkColumn(name: name, kind: .text) }
    public static func bigint(_ name: String) -> BulkColumn { BulkColumn(name: name, kind: .bigint) }
    public static func boolean(_ name: String) -> BulkColumn { BulkColumn(name: name, kind: .boolean) }
    public static func double(_ name: String) -> BulkColumn { BulkColumn(name: name, kind: .double) }
}

extension [BulkColumn] {
    /// The position of the column named `name`, which must be one of them (a key column of a bulk insert).
    func position(of name: String) -> Int {
        guard let position = firstIndex(where: { $0.name == name }) else {
            preconditionFailure("the key column \(name) is not among the inserted columns")
        }
        return position
    }
}

extension SQLDatabase {
    /// Inserts `rows` into `table`. Table and column names are trusted identifiers from code.
    ///
    /// On a ``SQLiteSession`` the values are bound directly (multi-row `VALUES`); otherwise the rows travel as one
    /// JSON parameter, unpacked by SQLite's `jsonb_each` with `->>` (integers as INTEGER, booleans as 1/0) or
    /// PostgreSQL's `jsonb_array_elements` with `->>` and a cast per column.
    public func bulkInsert(into table: String, columns: [BulkColumn], rows: BulkRows) async throws {
        guard rows.count > 0 else { return }
        if let session = self as? SQLiteSession {
            _ = try await session.insert(into: table, columns: columns, rows: rows)
            return
        }
        let names = columns.map(\.name).joined(separator: ", ")
        if dialect.name == "sqlite" {
            let values = columns.indices.map { "value->>\($0)" }.joined(separator: ", ")
            try await raw("""
                INSERT INTO \(unsafeRaw: table) (\(unsafeRaw: names)) SELECT \(unsafeRaw: values) FROM jsonb_each(\(bind: rows.json))
                """).run()
        } else {
            let values = columns.enumerated().map { "(x.value->>\($0.offset))::\($0.element.kind.rawValue)" }.joined(separator: ", ")
            try await raw("""
                INSERT INTO \(unsafeRaw: table) (\(unsafeRaw: names)) SELECT \(unsafeRaw: values) \
                FROM jsonb_array_elements(\(bind: rows.json)::jsonb) AS x
                """).run()
        }
    }

    /// Like `bulkInsert`, but rows whose `conflict` columns match an existing row (a unique index) are skipped; returns
    /// the `returning` column of the rows actually inserted. For idempotent ingestion into a rowid table.
    public func bulkInsertNew(into table: String, columns: [BulkColumn], rows: BulkRows, conflict: [String],
                              returning: String) async throws -> [String] {
        let keyColumn = columns.position(of: returning)
        return try await bulkInsertNewRows(into: table, columns: columns, rows: rows, conflict: conflict, key: returning)
            .compactMap { rows.text(row: $0, column: keyColumn) }
    }

    /// Like `bulkInsertNew`, returning the indices (into `rows`, ascending) of the rows actually inserted. `key` names
    /// a column whose text value is unique among `rows` (it identifies the rows PostgreSQL's `RETURNING` reports).
    public func bulkInsertNewRows(into table: String, columns: [BulkColumn], rows: BulkRows, conflict: [String],
                                  key: String) async throws -> [Int] {
        guard rows.count > 0 else { return [] }
        let keyColumn = columns.position(of: key)
        let conflictColumns = conflict.joined(separator: ", ")
        if let session = self as? SQLiteSession {
            return try await session.insertSkippingConflicts(into: table, columns: columns, rows: rows, conflict: conflict, key: key)
        }
        let names = columns.map(\.name).joined(separator: ", ")
        let query: SQLQueryString
        if dialect.name == "sqlite" {
            // `WHERE true` tells SQLite's parser that ON CONFLICT belongs to the INSERT, not to a join.
            let values = columns.indices.map { "value->>\($0)" }.joined(separator: ", ")
            query = """
                INSERT INTO \(unsafeRaw: table) (\(unsafeRaw: names)) SELECT \(unsafeRaw: values) FROM jsonb_each(\(bind: rows.json)) WHERE true
                ON CONFLICT (\(unsafeRaw: conflictColumns)) DO NOTHING RETURNING \(unsafeRaw: key)
                """
        } else {
            let values = columns.enumerated().map { "(x.value->>\($0.offset))::\($0.element.kind.rawValue)" }.joined(separator: ", ")
            query = """
                INSERT INTO \(unsafeRaw: table) (\(unsafeRaw: names)) SELECT \(unsafeRaw: values) \
                FROM jsonb_array_elements(\(bind: rows.json)::jsonb) AS x
                ON CONFLICT (\(unsafeRaw: conflictColumns)) DO NOTHING RETURNING \(unsafeRaw: key)
                """
        }
        let keys = try await raw(query).all().map { try $0.decode(column: key, as: String.self) }
        return rows.indices(ofKeys: keys, column: keyColumn)
    }
}
