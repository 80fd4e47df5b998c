import DangolCore
@testable import DangolStore
import DangolTestSupport
import Foundation
import Logging
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

    @Test("The rows an idempotent insert reports are exactly the new ones, also when a statement inserts only some of its rows",
          arguments: TestEngine.all)
    func insertNewReportsRowIndices(engine: TestEngine) async throws {
        try await engine.withDatabase { database in
            let ids = (0..<1_000).map { "id-\($0)" }
            // Every seventh id exists already: each 64-row statement then skips some of its rows and inserts the others.
            let existing = ids.indices.filter { $0 % 7 == 3 }
            try await database.transaction { db in
                try await db.raw(SQLQueryString(Self.table)).run()
                try await db.bulkInsert(into: "bulk_probe", columns: Self.columns, rows: Self.rows(existing.map { ids[$0] }))
            }
            let inserted = try await database.transaction { db in
                try await db.bulkInsertNewRows(into: "bulk_probe", columns: Self.columns, rows: Self.rows(ids), conflict: ["id"], key: "id")
            }
            #expect(inserted == ids.indices.filter { $0 % 7 != 3 })
            let again = try await database.transaction { db in
                try await db.bulkInsertNewRows(into: "bulk_probe", columns: Self.columns, rows: Self.rows(ids), conflict: ["id"], key: "id")
            }
            #expect(again.isEmpty)
            let count = try await database.read { db in
                try await db.raw("SELECT COUNT(*) AS n FROM bulk_probe").first()?.decode(column: "n", as: Int.self)
            }
            #expect(count == 1_000)
        }
    }

    @Test("A new SQLite file gets 16 KiB pages; an existing file keeps the page size it was written with")
    func sqlitePageSize() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("dangol-pages-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        func pageSize(_ database: Database) async throws -> Int? {
            try await database.read { db in try await db.raw("PRAGMA page_size").first()?.decode(column: "page_size", as: Int.self) }
        }
        let logger = Logger(label: "dangol.test")
        let fresh = try await Database.open(url: directory.appendingPathComponent("new.sqlite").path, logger: logger)
        try await fresh.read { db in try await db.raw("CREATE TABLE probe (id TEXT PRIMARY KEY)").run() }
        #expect(try await pageSize(fresh) == Database.sqlitePageSize)
        await fresh.close()

        let oldPath = directory.appendingPathComponent("old.sqlite").path
        let connection = try await SQLiteConnection.open(storage: .file(path: oldPath), logger: logger).get()
        _ = try await connection.query("PRAGMA page_size=4096").get()
        _ = try await connection.query("CREATE TABLE probe (id TEXT PRIMARY KEY)").get()
        _ = try await connection.query("INSERT INTO probe VALUES ('kept')").get()
        try await connection.close().get()
        let old = try await Database.open(url: oldPath, logger: logger)
        #expect(try await pageSize(old) == 4096)
        let kept = try await old.read { db in try await db.raw("SELECT id FROM probe").all().map { try $0.decode(column: "id", as: String.self) } }
        #expect(kept == ["kept"])
        await old.close()
    }

    @Test("A bulk-load transaction lands entirely or not at all, and foreign keys are checked again after it, whether it committed or failed",
          arguments: TestEngine.all)
    func bulkLoadTransaction(engine: TestEngine) async throws {
        try await engine.withDatabase { database in
            try await database.transaction { db in
                try await db.raw(SQLQueryString(Self.table)).run()
                try await db.raw("CREATE TABLE bulk_child (id TEXT PRIMARY KEY, parent TEXT NOT NULL REFERENCES bulk_probe (id))").run()
                try await db.bulkInsert(into: "bulk_probe", columns: Self.columns, rows: Self.rows(["a", "b"]))
            }
            try await database.bulkLoadTransaction { db in
                try await db.bulkInsert(into: "bulk_probe", columns: Self.columns, rows: Self.rows((0..<200).map { "n\($0)" }))
            }
            // A duplicate in the middle of a multi-row statement: the rows before it in that statement and in earlier
            // statements are undone with the rest.
            var caught: (any Error)?
            do {
                try await database.bulkLoadTransaction { db in
                    try await db.bulkInsert(into: "bulk_probe", columns: Self.columns, rows: Self.rows((0..<100).map { "m\($0)" } + ["a"] + ["z"]))
                }
            } catch {
                caught = error
            }
            #expect(caught.map(DatabaseError.isUniqueViolation) == true)
            let count = try await database.read { db in
                try await db.raw("SELECT COUNT(*) AS n FROM bulk_probe").first()?.decode(column: "n", as: Int.self)
            }
            #expect(count == 202)
            // Ordinary transactions check foreign keys again.
            var orphan: (any Error)?
            do {
                try await database.transaction { db in try await db.raw("INSERT INTO bulk_child (id, parent) VALUES ('c', 'nobody')").run() }
            } catch {
                orphan = error
            }
            #expect(orphan != nil)
        }
    }

    @Test("Background checkpoints copy committed batches into the file while the writer goes on, and the writer's own setting comes back")
    func backgroundCheckpoints() async throws {
        try await TestEngine.sqlite.withDatabase { database in
            func autocheckpoint() async throws -> Int? {
                try await database.read { db in try await db.raw("PRAGMA wal_autocheckpoint").first()?.decode(column: "wal_autocheckpoint", as: Int.self) }
            }
            let before = try await autocheckpoint()
            try await database.transaction { db in try await db.raw(SQLQueryString(Self.table)).run() }
            let checkpoints = try #require(try await database.startBackgroundCheckpoints())
            #expect(try await autocheckpoint() == Database.bulkLoadAutocheckpointPages)
            for batch in 0..<5 {
                try await database.bulkLoadTransaction { db in
                    try await db.bulkInsert(into: "bulk_probe", columns: Self.columns, rows: Self.rows((0..<500).map { "b\(batch)-\($0)" }))
                }
                checkpoints.batchCommitted()
            }
            await checkpoints.finish()
            #expect(await checkpoints.checkpointsRun >= 1)
            #expect(await checkpoints.mostFramesCopied > 0)
            #expect(try await autocheckpoint() == before)
            #expect(before == Database.defaultAutocheckpointPages)
            let count = try await database.read { db in try await db.raw("SELECT COUNT(*) AS n FROM bulk_probe").first()?.decode(column: "n", as: Int.self) }
            #expect(count == 2_500)
        }
    }
}
