import DangolCore
@testable import DangolStore
import DangolTestSupport
import SQLKit
import SQLiteNIO
import Testing

@Suite("Bulk inserts")
struct BulkInsertTests {
    private static let columns: [BulkColumn] = [.text("id"), .text("name"), .bigint("n"), .double("x"), .boolean("flag")]
    private static let table = "CREATE TABLE bulk_probe (id TEXT PRIMARY KEY, name TEXT, n BIGINT, x DOUBLE PRECISION, flag BOOLEAN)"

    private static func rows(_ ids: [String]) -> BulkRows {
        var rows = BulkRows()
        for (index, id) in ids.enumerated() {
            rows.row {
                $0.text(id)
                // Empty text stays empty (not NULL); Korean text and quotes arrive byte for byte.
                $0.text(index == 0 ? "" : index == 1 ? nil : "홍길동 \"\(index)\" 'x'")
                $0.int(index == 2 ? nil : Int64(index) * 1_000_000_007)
                $0.double(index == 3 ? .nan : Double(index) / 4)
                $0.bool(index % 2 == 0)
            }
        }
        return rows
    }

    @Test("SQLite bulk writes reach the connection's own handle (so the prepared-statement path is the one tested)")
    func sqliteHandleIsReachable() async throws {
        try await TestEngine.sqlite.withDatabase { database in
            let reachable = try await database.read { db -> Bool in
                guard let session = db as? SQLiteSession else { return false }
                return session.connection.rawHandle != nil
            }
            #expect(reachable)
        }
    }

    @Test("Rows arrive exactly as given; conflicting rows are skipped and only new ids returned", arguments: TestEngine.all)
    func insertAndInsertNew(engine: TestEngine) async throws {
        try await engine.withDatabase { database in
            let ids = (0..<2_500).map { "id-\($0)" }
            try await database.transaction { db in
                try await db.raw(SQLQueryString(Self.table)).run()
                try await db.bulkInsert(into: "bulk_probe", columns: Self.columns, rows: Self.rows(Array(ids.prefix(1_000))))
            }
            let returned = try await database.transaction { db in
                try await db.bulkInsertNew(into: "bulk_probe", columns: Self.columns, rows: Self.rows(ids), conflict: ["id"], returning: "id")
            }
            #expect(Set(returned) == Set(ids.dropFirst(1_000)))
            #expect(returned.count == 1_500)
            let stored = try await database.read { db in
                try await db.raw("SELECT id, name, n, x, flag FROM bulk_probe WHERE id IN ('id-0', 'id-1', 'id-2', 'id-3', 'id-1004') ORDER BY id").all()
            }
            #expect(stored.count == 5)
            let byID = Dictionary(uniqueKeysWithValues: try stored.map { (try $0.decode(column: "id", as: String.self), $0) })
            #expect(try byID["id-0"]?.decode(column: "name", as: String?.self) == "")
            #expect(try byID["id-1"]?.decode(column: "name", as: String?.self) == nil)
            #expect(try byID["id-2"]?.decode(column: "n", as: Int64?.self) == nil)
            #expect(try byID["id-3"]?.decode(column: "x", as: Double?.self) == nil)
            #expect(try byID["id-1004"]?.decode(column: "name", as: String?.self) == "홍길동 \"1004\" 'x'")
            #expect(try byID["id-1004"]?.decode(column: "n", as: Int64?.self) == 1_004_000_007_028)
            #expect(try byID["id-1004"]?.decode(column: "x", as: Double?.self) == 251.0)
            #expect(try byID["id-1004"]?.decode(column: "flag", as: Bool?.self) == true)
            let count = try await database.read { db in
                try await db.raw("SELECT COUNT(*) AS n FROM bulk_probe").first()?.decode(column: "n", as: Int.self)
            }
            #expect(count == 2_500)
        }
    }

    @Test("A unique violation in a bulk insert is reported as one and rolls the whole unit of work back", arguments: TestEngine.all)
    func uniqueViolation(engine: TestEngine) async throws {
        try await engine.withDatabase { database in
            try await database.transaction { db in
                try await db.raw(SQLQueryString(Self.table)).run()
                try await db.bulkInsert(into: "bulk_probe", columns: Self.columns, rows: Self.rows(["a", "b"]))
            }
            var caught: (any Error)?
            do {
                try await database.transaction { db in
                    try await db.bulkInsert(into: "bulk_probe", columns: Self.columns, rows: Self.rows(["c", "d", "b"]))
                }
            } catch {
                caught = error
            }
            let error = try #require(caught)
            #expect(DatabaseError.isUniqueViolation(error))
            let ids = try await database.read { db in
                try await db.raw("SELECT id FROM bulk_probe ORDER BY id").all().map { try $0.decode(column: "id", as: String.self) }
            }
            #expect(ids == ["a", "b"])
        }
    }
}
