import DangolCore
@testable import DangolStore
import DangolTestSupport
import Logging
import SQLKit
import Testing

@Suite("Schema and storage invariants")
struct SchemaTests {
    @Test("Migrations apply once; running them again changes nothing", arguments: TestEngine.all)
    func migrationsAreIdempotent(engine: TestEngine) async throws {
        try await engine.withDatabase { database in
            let migrator = Migrator(database: database, logger: Logger(label: "test"))
            let appliedNow = try await migrator.migrate()
            let applied = try await migrator.appliedMigrations()
            #expect(appliedNow.isEmpty)
            #expect(applied == Schema.migrations.map(\.name))
        }
    }

    @Test("Migration 0011 rewrites categories saved as typed into the written path form", arguments: TestEngine.all)
    func categoryPathMigration(engine: TestEngine) async throws {
        try await engine.withDatabase { database in
            let typed = ["식품>음료", "식품 >음료> 커피", "식품 > 음료", "의류/잡화", "50%_할인>머그"]
            try await database.transaction { db in
                for (index, category) in typed.enumerated() {
                    try await db.raw("""
                        INSERT INTO products (sku, name, category, currency, created_at, updated_at)
                        VALUES (\(bind: "P\(index)"), 'x', \(bind: category), 'KRW', 0, 0)
                        """).run()
                }
                try await db.raw("INSERT INTO products (sku, name, currency, created_at, updated_at) VALUES ('NONE', 'x', 'KRW', 0, 0)").run()
                for statement in Schema.categoryPaths.statements(database.engine) { try await db.raw(SQLQueryString(statement)).run() }
            }
            let stored = try await database.read { db in
                try await db.raw("SELECT sku, category FROM products ORDER BY sku").all().map {
                    (try $0.decode(column: "sku", as: String.self), try $0.decode(column: "category", as: String?.self))
                }
            }
            #expect(stored.map(\.1) == [nil, "식품 > 음료", "식품 > 음료 > 커피", "식품 > 음료", "의류/잡화", "50%_할인 > 머그"])
            #expect(stored.map(\.1).allSatisfy { $0 == nil || ProductCategory.canonicalPath($0!) == $0! })
        }
    }

    @Test("The database itself refuses a second live holder of a strong identifier", arguments: TestEngine.all)
    func uniqueStrongIdentifierIndex(engine: TestEngine) async throws {
        try await engine.withDatabase { database in
            let now = Timestamp(rawValue: 1_800_000_000_000)
            let customers = (0..<3).map {
                Customer(id: CustomerID("0190a000-0000-7000-8000-00000000000\($0)"), kind: .person, displayName: "고객\($0)",
                         lifecycleStage: .prospect, ownerID: nil, createdAt: now, updatedAt: now)
            }
            func phone(_ id: String, _ customer: Customer, strong: Bool = true) -> IdentifierRecord {
                IdentifierRecord(id: id, customerID: customer.id, type: .mobilePhone, raw: "010-1234-5678", normalized: "+821012345678",
                                 matchKey: "+821012345678", masked: "010-****-5678", tail: "5678", source: "test", verified: false,
                                 isStrong: strong, firstSeen: now, lastSeen: now)
            }
            try await database.transaction { db in
                try await CustomerRepository().insert(customers, on: db)
                try await IdentifierRepository().insert([phone("i0", customers[0])], on: db)
            }
            await #expect(throws: (any Error).self) {
                try await database.transaction { db in try await IdentifierRepository().insert([phone("i1", customers[1])], on: db) }
            }
            // The failed transaction left nothing behind; after deleting the holder the identifier is free.
            try await database.transaction { db in
                try await CustomerRepository().softDelete(customers[0].id, reason: "test", at: now, on: db)
                try await IdentifierRepository().insert([phone("i2", customers[2])], on: db)
            }
            let holders = try await database.read { db in
                try await IdentifierRepository().holders(of: [IdentifierKey(type: .mobilePhone, matchKey: "+821012345678")], on: db)
            }
            #expect(holders.values.map(\.self) == [customers[2].id])
        }
    }

    @Test("A failed unit of work is rolled back entirely", arguments: TestEngine.all)
    func transactionsAreAtomic(engine: TestEngine) async throws {
        try await engine.withDatabase { database in
            let now = Timestamp(rawValue: 1_800_000_000_000)
            let customer = Customer(id: CustomerID("0190a000-0000-7000-8000-000000000001"), kind: .person, displayName: "원자성",
                                    lifecycleStage: .prospect, ownerID: nil, tags: ["a"], createdAt: now, updatedAt: now)
            struct Boom: Error {}
            await #expect(throws: Boom.self) {
                try await database.transaction { db in
                    try await CustomerRepository().insert([customer], on: db)
                    throw Boom()
                }
            }
            let count = try await database.read { db in try await CustomerRepository().countLive(on: db) }
            #expect(count == 0)
        }
    }
}

@Suite("Compact ledger reads")
struct LedgerAggregateTests {
    @Test("Arrays of integer rows parse with nulls, negatives and white space; anything else is refused", arguments: [
        ("[]", [[Int64?]]()), ("[[1,0,500,1700000000000,null]]", [[1, 0, 500, 1_700_000_000_000, nil]]),
        ("[[1, 2, -300, 4, 5], \n [6,1,7,8,null]]", [[1, 2, -300, 4, 5], [6, 1, 7, 8, nil]]), (" [ [ ] ] ", [[]]),
        ("[[9223372036854775807,-9223372036854775807,0]]", [[Int64.max, -Int64.max, 0]]), ("\t[\r\n]\n", [[Int64?]]()),
    ])
    func parses(text: String, expected: [[Int64?]]) {
        #expect(PointRepository.integerRows(text) == expected)
    }

    @Test("Malformed aggregates are refused", arguments: ["", "[", "[[1,2]", "[[1,\"a\"]]", "[[1.5]]", "[[99999999999999999999]]", "[[1]] x", "[[-]]",
                                                   "[] x", "[[nul]]", "[[1,]]", "[[1],]", "[[1] [2]]"])
    func refuses(text: String) {
        #expect(PointRepository.integerRows(text) == nil)
    }
}
