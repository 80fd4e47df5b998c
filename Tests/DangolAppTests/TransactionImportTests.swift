import DangolApp
import DangolCore
import DangolStore
import DangolTestSupport
import Foundation
import SQLKit
import Testing

@Suite("Importing transactions from CSV")
struct TransactionImportTests {
    @Test("Lines group into transactions across batch boundaries; buyers by identifier; bad rows rejected; re-import records nothing",
          arguments: TestEngine.all)
    func importFile(engine: TestEngine) async throws {
        try await engine.withServices { services in
            let users = try await TestUsers.create(in: services)
            let buyer = try await CustomerService(services: services).create(CustomerInput(
                kind: .person, displayName: "윤서아", identifiers: [IdentifierInput(type: "mobile_phone", value: "010-2323-4545")]), by: users.admin)
            let csv = """
                external_id,occurred_at,channel,store,mobile_phone,sku,quantity,unit_price,unit_cost
                R1,2026-11-20 10:05,store,강남점,010-2323-4545,COFFEE,2,4500,1200
                R1,2026-11-20 10:05,store,강남점,010-2323-4545,CAKE,1,6000,2500
                R1,2026-11-20 10:05,store,강남점,010-2323-4545,BAG,1,500,100
                R2,2026-11-20T02:00:00Z,web,,,TEA,3,3000,
                R3,yesterday,store,,,X,1,100,
                R4,2026-11-21 09:00,fax,,,X,1,100,
                R5,2026-11-21 09:30,app,,010-9999-0000,Y,1,700,

                """
            let path = FileManager.default.temporaryDirectory.appendingPathComponent("tx-\(UUID().uuidString).csv").path
            try csv.write(toFile: path, atomically: true, encoding: .utf8)
            defer { try? FileManager.default.removeItem(atPath: path); try? FileManager.default.removeItem(atPath: path + ".rejects.csv") }
            let importer = TransactionImporter(services: services)
            let summary = try await importer.importFile(path: path, source: "pos", batchSize: 2, by: users.admin)
            #expect(summary.rowsRead == 7)
            #expect(summary.created == 3)          // R1 (three lines), R2, R5
            #expect(summary.identified == 1)       // R1 by phone; R5's phone is nobody's
            #expect(summary.rejected == 2)
            let rejects = try String(contentsOfFile: path + ".rejects.csv", encoding: .utf8)
            #expect(rejects.contains("line 6: occurred_at") && rejects.contains("line 7: channel"))

            let r1 = try #require(try await services.read { db in try await TransactionRepository().find(source: "pos", externalID: "R1", on: db) })
            #expect(r1.lines.count == 3)
            #expect(r1.amountMinor == 15_500)
            #expect(r1.costMinor == 5_000)
            #expect(r1.customerID == buyer.id)
            #expect(r1.resolvedVia != nil)
            // 10:05 in Seoul is 01:05 UTC.
            #expect(r1.occurredAt == Timestamp(iso8601: "2026-11-20T01:05:00Z"))

            let again = try await importer.importFile(path: path, source: "pos", batchSize: 3, by: users.admin)
            #expect(again.created == 0 && again.unchanged == 3)
            let count = try await services.read { db in try await db.raw("SELECT COUNT(*) AS n FROM transaction_lines").first()?.decode(column: "n", as: Int.self) }
            #expect(count == 5)
        }
    }

    @Test("A file mixing known and new sales records only the new ones, with their buyers and lines; the rows written satisfy every foreign key",
          arguments: TestEngine.all)
    func partialReimportKeepsReferences(engine: TestEngine) async throws {
        try await engine.withServices { services in
            let users = try await TestUsers.create(in: services)
            let buyer = try await CustomerService(services: services).create(CustomerInput(
                kind: .person, displayName: "한지민", identifiers: [IdentifierInput(type: "email", value: "jimin@example.com")]), by: users.admin)
            func write(_ name: String, _ rows: [String]) throws -> String {
                let path = FileManager.default.temporaryDirectory.appendingPathComponent("\(name)-\(UUID().uuidString).csv").path
                try (["external_id,occurred_at,channel,customer_id,email,sku,quantity,unit_price"] + rows + [""])
                    .joined(separator: "\n").write(toFile: path, atomically: true, encoding: .utf8)
                return path
            }
            let first = try write("first", (0..<150).filter { $0 % 3 == 0 }.map { "K\($0),2026-11-20 10:00,store,,,A,1,1000" })
            let second = try write("second", (0..<150).map { index in
                index % 5 == 0 ? "K\(index),2026-11-21 11:00,web,\(buyer.id.rawValue),,B,2,500"
                    : "K\(index),2026-11-21 11:00,web,,jimin@example.com,B,2,500"
            } + ["K999,2026-11-21 11:00,web,01890000-0000-7000-8000-000000000000,,B,1,500"])
            defer {
                for path in [first, second] {
                    try? FileManager.default.removeItem(atPath: path)
                    try? FileManager.default.removeItem(atPath: path + ".rejects.csv")
                }
            }
            let importer = TransactionImporter(services: services)
            let before = try await importer.importFile(path: first, source: "pos", by: users.admin)
            #expect(before.created == 50)
            // Batches of 40 rows: statements of 64 sales never fill, and known sales sit between new ones in every batch.
            let after = try await importer.importFile(path: second, source: "pos", batchSize: 40, by: users.admin)
            #expect(after.created == 100)
            #expect(after.unchanged == 50)
            #expect(after.identified == 100)
            #expect(after.rejected == 1)           // K999 names a customer id nobody has
            let counts = try await services.read { db in
                try await db.raw("""
                    SELECT (SELECT COUNT(*) FROM transactions) AS sales, (SELECT COUNT(*) FROM transaction_lines) AS lines,
                    (SELECT COUNT(*) FROM transactions WHERE customer_id = \(bind: buyer.id.rawValue)) AS bought
                    """).first()
            }
            #expect(try counts?.decode(column: "sales", as: Int.self) == 150)
            #expect(try counts?.decode(column: "lines", as: Int.self) == 150)
            #expect(try counts?.decode(column: "bought", as: Int.self) == 100)
            // The known sales kept their first version (store, no buyer).
            let known = try #require(try await services.read { db in try await TransactionRepository().find(source: "pos", externalID: "K3", on: db) })
            #expect(known.channel == "store" && known.customerID == nil)
            if engine == .sqlite {
                let violations = try await services.read { db in try await db.raw("PRAGMA foreign_key_check").all().count }
                #expect(violations == 0)
            }
        }
    }
}
