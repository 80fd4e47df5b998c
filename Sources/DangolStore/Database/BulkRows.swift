import SQLKit

/// Rows for a bulk insert, gathered as one JSON array of arrays and sent as a single bound parameter.
///
/// Multi-row `VALUES` statements bind every value separately: with ~14 columns and thousands of rows the binding and
/// the parsing of a statement with tens of thousands of placeholders cost more than the insert itself. Here the whole
/// chunk is one JSON text that the engine unpacks in C (`jsonb_each` on SQLite, `json_array_elements` on PostgreSQL),
/// and the statement text stays a few hundred bytes whatever the row count. Used by imports.
///
/// ```swift
/// var rows = BulkRows()
/// rows.row { $0.text(id); $0.int(at.rawValue); $0.bool(true) }
/// try await db.bulkInsert(into: "t", columns: [.text("id"), .bigint("at"), .boolean("flag")], rows: rows)
/// ```
public struct BulkRows: Sendable {
    private var bytes: [UInt8]
    /// Rows added so far.
    public private(set) var count = 0
    private var fieldCount = 0

    /// An empty set of rows; `capacity` is a hint in bytes.
    public init(capacity: Int = 1 << 16) {
        bytes = [UInt8(ascii: "[")]
        bytes.reserveCapacity(capacity)
    }

    /// Adds one row; `fields` appends its values in column order.
    public mutating func row(_ fields: (inout BulkRows) -> Void) {
        if count > 0 { bytes.append(UInt8(ascii: ",")) }
        bytes.append(UInt8(ascii: "["))
        fieldCount = 0
        fields(&self)
        bytes.append(UInt8(ascii: "]"))
        count += 1
    }

    /// A text value, or NULL.
    public mutating func text(_ value: String?) {
        separate()
        guard let value else { return appendNull() }
        bytes.append(UInt8(ascii: "\""))
        for byte in value.utf8 {
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

    /// An integer value, or NULL.
    public mutating func int(_ value: Int64?) {
        separate()
        guard let value else { return appendNull() }
        bytes.append(contentsOf: String(value).utf8)
    }

    /// A floating-point value, or NULL; a non-finite value (NaN, ±∞), which JSON cannot carry, is written as NULL.
    public mutating func double(_ value: Double?) {
        separate()
        guard let value, value.isFinite else { return appendNull() }
        bytes.append(contentsOf: value.description.utf8)
    }

    /// A boolean value, or NULL.
    public mutating func bool(_ value: Bool?) {
        separate()
        guard let value else { return appendNull() }
        bytes.append(contentsOf: value ? Self.trueBytes : Self.falseBytes)
    }

    /// The JSON text.
    var json: String {
        var closed = bytes
        closed.append(UInt8(ascii: "]"))
        return String(decoding: closed, as: UTF8.self)
    }

    private mutating func separate() {
        if fieldCount > 0 { bytes.append(UInt8(ascii: ",")) }
        fieldCount += 1
    }

    private mutating func appendNull() { bytes.append(contentsOf: Self.nullBytes) }

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

extension SQLDatabase {
    /// Inserts `rows` into `table` in one statement. Table and column names are trusted identifiers from code.
    ///
    /// The two dialects differ only in how the JSON parameter is unpacked: SQLite's `jsonb_each` with `->>` (which
    /// yields integers as INTEGER and booleans as 1/0), PostgreSQL's `json_array_elements` with `->>` and a cast per
    /// column.
    public func bulkInsert(into table: String, columns: [BulkColumn], rows: BulkRows) async throws {
        guard rows.count > 0 else { return }
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
                FROM json_array_elements(\(bind: rows.json)::json) AS x
                """).run()
        }
    }

    /// Like `bulkInsert`, but rows whose `conflict` columns match an existing row (a unique index) are skipped; returns
    /// the `returning` column of the rows actually inserted. For idempotent ingestion.
    public func bulkInsertNew(into table: String, columns: [BulkColumn], rows: BulkRows, conflict: [String],
                              returning: String) async throws -> [String] {
        guard rows.count > 0 else { return [] }
        let names = columns.map(\.name).joined(separator: ", ")
        let conflictColumns = conflict.joined(separator: ", ")
        let query: SQLQueryString
        if dialect.name == "sqlite" {
            // `WHERE true` tells SQLite's parser that ON CONFLICT belongs to the INSERT, not to a join.
            let values = columns.indices.map { "value->>\($0)" }.joined(separator: ", ")
            query = """
                INSERT INTO \(unsafeRaw: table) (\(unsafeRaw: names)) SELECT \(unsafeRaw: values) FROM jsonb_each(\(bind: rows.json)) WHERE true
                ON CONFLICT (\(unsafeRaw: conflictColumns)) DO NOTHING RETURNING \(unsafeRaw: returning)
                """
        } else {
            let values = columns.enumerated().map { "(x.value->>\($0.offset))::\($0.element.kind.rawValue)" }.joined(separator: ", ")
            query = """
                INSERT INTO \(unsafeRaw: table) (\(unsafeRaw: names)) SELECT \(unsafeRaw: values) \
                FROM json_array_elements(\(bind: rows.json)::json) AS x
                ON CONFLICT (\(unsafeRaw: conflictColumns)) DO NOTHING RETURNING \(unsafeRaw: returning)
                """
        }
        return try await raw(query).all().map { try $0.decode(column: returning, as: String.self) }
    }
}
