import SQLKit

extension SQLDatabase {
    /// Like `bulkInsert`, but a row whose `key` column matches an existing row replaces that row's other columns
    /// (an upsert), so a job can rewrite a table of derived values in batches without deleting first.
    ///
    /// The dialects differ as in `bulkInsert`; SQLite also needs `WHERE true` so that its parser reads ON CONFLICT
    /// as the INSERT's clause rather than a join's.
    public func bulkUpsert(into table: String, columns: [BulkColumn], rows: BulkRows, key: String) async throws {
        guard rows.count > 0 else { return }
        let names = columns.map(\.name).joined(separator: ", ")
        let updates = columns.map(\.name).filter { $0 != key }.map { "\($0) = excluded.\($0)" }.joined(separator: ", ")
        if dialect.name == "sqlite" {
            let values = columns.indices.map { "value->>\($0)" }.joined(separator: ", ")
            try await raw("""
                INSERT INTO \(unsafeRaw: table) (\(unsafeRaw: names)) SELECT \(unsafeRaw: values) FROM jsonb_each(\(bind: rows.json)) WHERE true
                ON CONFLICT (\(unsafeRaw: key)) DO UPDATE SET \(unsafeRaw: updates)
                """).run()
        } else {
            let values = columns.enumerated().map { "(x.value->>\($0.offset))::\($0.element.kind.rawValue)" }.joined(separator: ", ")
            try await raw("""
                INSERT INTO \(unsafeRaw: table) (\(unsafeRaw: names)) SELECT \(unsafeRaw: values) \
                FROM jsonb_array_elements(\(bind: rows.json)::jsonb) AS x
                ON CONFLICT (\(unsafeRaw: key)) DO UPDATE SET \(unsafeRaw: updates)
                """).run()
        }
    }
}
