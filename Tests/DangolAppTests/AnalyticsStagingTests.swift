import DangolApp
import DangolCore
import DangolStore
import DangolTestSupport
import SQLKit
import Testing

@Suite("Analytics refresh — staging and swap")
struct AnalyticsStagingTests {
    typealias Sample = AnalyticsTestData

    /// The indexes (and on PostgreSQL the constraints) of `customer_scores` with their definitions, and the staging
    /// tables present.
    static func schema(_ database: Database) async throws -> (indexes: [String: String], staging: [String]) {
        try await database.read { db in
            if db.dialect.name == "sqlite" {
                let indexes = try await db.raw("""
                    SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'customer_scores'
                    """).all()
                let staging = try await db.raw("""
                    SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'customer_scores_staging_%'
                    """).all()
                return (Dictionary(uniqueKeysWithValues: try indexes.map {
                    (try $0.decode(column: "name", as: String.self), try $0.decode(column: "sql", as: String?.self) ?? "primary key")
                }), try staging.map { try $0.decode(column: "name", as: String.self) })
            }
            let indexes = try await db.raw("""
                SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'customer_scores'
                UNION ALL SELECT 'constraint ' || conname, pg_get_constraintdef(oid) FROM pg_constraint
                WHERE conrelid = 'customer_scores'::regclass
                """).all()
            let staging = try await db.raw("""
                SELECT tablename FROM pg_tables WHERE tablename LIKE 'customer_scores_staging_%'
                """).all()
            return (Dictionary(uniqueKeysWithValues: try indexes.map {
                (try $0.decode(column: "indexname", as: String.self), try $0.decode(column: "indexdef", as: String.self))
            }), try staging.map { try $0.decode(column: "tablename", as: String.self) })
        }
    }

    @Test("Refreshes keep every index of customer_scores, leave no staging table and drop a crashed run's leftover",
          arguments: TestEngine.all)
    func swapKeepsTheSchema(engine: TestEngine) async throws {
        try await engine.withServices { services in
            let count = 120
            try await Sample.insertCustomers(Array(0..<count), into: services.database)
            try await Sample.insert(Sample.syntheticSales(customers: count), into: services.database)
            let before = try await Self.schema(services.database)
            #expect(before.indexes.count >= (engine == .sqlite ? 6 : 8), "\(before.indexes.keys.sorted())")

            let first = try await AnalyticsRefreshService(services: services).refresh(trigger: "test")
            let afterFirst = try await Self.schema(services.database)
            #expect(afterFirst.indexes == before.indexes)
            #expect(afterFirst.staging.isEmpty)
            if engine == .sqlite {
                // The swap relaxes secure_delete for its DROP only; the connection keeps overwriting deleted data.
                let secureDelete = try await services.database.read { db in
                    try await db.raw("PRAGMA secure_delete").first()?.decode(column: "secure_delete", as: Int.self)
                }
                #expect(secureDelete == 1)
            }

            // A staging table of a run that is no longer running (the process died mid-refresh) goes with the next run.
            let leftover = AnalyticsRepository.stagingTable(for: "0190f1a2-0000-7000-8000-00000000dead")
            try await services.database.transaction { db in
                try await db.raw("CREATE TABLE \(ident: leftover) (x INTEGER)").run()
            }
            #expect(try await Self.schema(services.database).staging == [leftover])
            try await services.database.transaction { db in
                try await CustomerRepository().softDelete(Sample.customerID(3), reason: "test", at: services.clock.now(), on: db)
            }
            let second = try await AnalyticsRefreshService(services: services).refresh(trigger: "test")
            let afterSecond = try await Self.schema(services.database)
            #expect(afterSecond.indexes == before.indexes)
            #expect(afterSecond.staging.isEmpty)
            #expect(second.report.customers == first.report.customers - 1)

            // The swapped-in table answers through its indexes like the original: filters by segment and CLV order.
            let (rows, segments) = try await services.database.read { db in
                let rows = try await db.raw("SELECT COUNT(*) AS n FROM customer_scores WHERE run_id = \(bind: second.runID)").first()?
                    .decode(column: "n", as: Int64.self)
                let segments = try await db.raw("""
                    SELECT COUNT(DISTINCT rfm_segment) AS n FROM customer_scores WHERE rfm_segment IS NOT NULL
                    """).first()?.decode(column: "n", as: Int64.self)
                return (rows, segments)
            }
            #expect(rows == Int64(second.report.customers))
            #expect((segments ?? 0) >= 2)
            let deleted = try await services.database.read { db in
                try await AnalyticsRepository().scores(of: Sample.customerID(3), on: db)
            }
            #expect(deleted == nil)
        }
    }
}
