import DangolAnalytics
import DangolApp
import DangolCore
import DangolStore
import DangolTestSupport
import Foundation
import SQLKit
import Testing

@Suite("Analytics refresh — customer equity change")
struct AnalyticsEquityChangeTests {
    typealias Sample = AnalyticsTestData

    /// A score row of `customer` written by `run` with margin CLV `clv`.
    static func score(_ customer: Int, run: String, clv: Double?) -> CustomerScoreRecord {
        CustomerScoreRecord(
            customerID: Sample.customerID(customer), runID: run, computedAt: Timestamp(rawValue: 0), modelVersion: "test", currency: "KRW",
            observationEndDay: Sample.today, firstPurchaseDay: Sample.today - 10, lastPurchaseDay: Sample.today, frequency: 1,
            recencyDays: 10, ageDays: 10, monetary: 1, revenueMinor: 1, marginMinor: 1, historicalValue: 1, horizonDays: 365,
            probabilityAlive: clv == nil ? nil : 0.5, expectedPurchases: nil, expectedSpend: nil, clvRevenue: clv, clv: clv, rfmRecency: 3,
            rfmFrequency: 3, rfmMonetary: 3, rfmSegment: "loyal", valueQuadrant: nil, churnBand: "low", churnFactors: "[]")
    }

    /// The previous run scored a 100, b 50, c 30, d (no CLV); this run's staging table holds a 120, b 40, e 70, f 10.
    /// Acquisition e + f = 80 (2), growth (120 − 100) + (40 − 50) = 10 (2), loss c + d = 30 (2); 240 − 180 = 80 + 10 − 30.
    @Test("The SQL decomposition of staging against customer_scores matches the hand computation", arguments: TestEngine.all)
    func handComputed(engine: TestEngine) async throws {
        try await engine.withDatabase { database in
            try await Sample.insertCustomers(Array(0..<6), into: database)
            let (a, b, c, d, e, f) = (0, 1, 2, 3, 4, 5)
            let repository = AnalyticsRepository()
            let staging = AnalyticsRepository.stagingTable(for: "0190a000-0000-7000-8000-0000000000cc")
            try await database.transaction { db in
                try await repository.writeScores([Self.score(a, run: "P", clv: 100), Self.score(b, run: "P", clv: 50),
                                                  Self.score(c, run: "P", clv: 30), Self.score(d, run: "P", clv: nil)], on: db)
                try await repository.createStaging(staging, on: db)
                try await repository.writeScores([Self.score(a, run: "C", clv: 120), Self.score(b, run: "C", clv: 40),
                                                  Self.score(e, run: "C", clv: 70), Self.score(f, run: "C", clv: 10)], into: staging, on: db)
                try await repository.finishStaging(staging, on: db)
            }
            let change = try await database.read { db in try await repository.equityChange(staging: staging, on: db) }
            #expect(change == AnalyticsRunRecord.EquityChange(acquisition: 80, growth: 10, loss: 30, acquiredCustomers: 2,
                                                              retainedCustomers: 2, lostCustomers: 2))
            // The same as the pure decomposition of the two snapshots.
            let pure = CustomerEquityChange(from: try CustomerEquity(values: ["a": 100, "b": 50, "c": 30, "d": 0]),
                                            to: try CustomerEquity(values: ["a": 120, "b": 40, "e": 70, "f": 10]))
            #expect(pure.acquisition == change.acquisition && pure.retainedGrowth == change.growth && pure.retentionLoss == change.loss)
            try await database.transaction { db in try await repository.dropStaging(staging, on: db) }
        }
    }

    /// CLV per customer id as `customer_scores` holds it now.
    static func snapshot(_ database: Database) async throws -> [String: Double] {
        try await database.read { db in
            var values: [String: Double] = [:]
            for row in try await db.raw("SELECT customer_id, clv FROM customer_scores").all() {
                values[try row.decode(column: "customer_id", as: String.self)] = try row.decode(column: "clv", as: Double?.self) ?? 0
            }
            return values
        }
    }

    @Test("Two refreshes with customers added, removed and changed: the stored split is the decomposition of the two snapshots",
          arguments: TestEngine.all)
    func twoRefreshes(engine: TestEngine) async throws {
        try await engine.withServices { services in
            let count = 300
            try await Sample.insertCustomers(Array(0..<(count + 3)), into: services.database)
            try await Sample.insert(Sample.syntheticSales(customers: count), into: services.database)
            let first = try await AnalyticsRefreshService(services: services).refresh(trigger: "test")
            #expect(first.report.equityChange == nil && first.report.equity != nil, "\(first.report.fallbacks)")
            let before = try await Self.snapshot(services.database)
            #expect(before.count == count)

            // Two customers go (deleted, merged), three new buyers come, one customer buys again.
            try await services.database.transaction { db in
                try await CustomerRepository().softDelete(Sample.customerID(3), reason: "test", at: services.clock.now(), on: db)
                try await MergeRepository().setMergedInto(Sample.customerID(4), survivor: Sample.customerID(5), updatedAt: services.clock.now(), on: db)
            }
            let t = Sample.today
            try await Sample.insert([
                Sample.sale("N1", customer: count, at: Sample.at(t - 20), amount: 30_000, cost: 18_000),
                Sample.sale("N2", customer: count, at: Sample.at(t - 2), amount: 20_000, cost: 12_000),
                Sample.sale("N3", customer: count + 1, at: Sample.at(t - 9), amount: 50_000, cost: 30_000),
                Sample.sale("N4", customer: count + 2, at: Sample.at(t - 1), amount: 10_000, cost: 6_000),
                Sample.sale("R1", customer: 7, at: Sample.at(t - 1), amount: 90_000, cost: 50_000),
            ], into: services.database)
            let second = try await AnalyticsRefreshService(services: services).refresh(trigger: "test")
            #expect(second.report.equity != nil, "\(second.report.fallbacks)")
            let after = try await Self.snapshot(services.database)
            let expected = CustomerEquityChange(from: try CustomerEquity(values: before), to: try CustomerEquity(values: after))
            #expect(expected.acquiredCount == 3 && expected.lostCount == 2 && expected.retainedCount == count - 2)

            let change = try #require(second.report.equityChange)
            #expect(change.acquiredCount == 3 && change.lostCount == 2 && change.retainedCount == count - 2)
            let scale = max(1, abs(expected.after))
            #expect(abs(change.acquisition - expected.acquisition) <= 1e-9 * scale)
            #expect(abs(change.retainedGrowth - expected.retainedGrowth) <= 1e-9 * scale)
            #expect(abs(change.retentionLoss - expected.retentionLoss) <= 1e-9 * scale)
            #expect(change.before == first.report.equity && change.after == second.report.equity)
            #expect(abs((change.after - change.before) - (change.acquisition + change.retainedGrowth - change.retentionLoss)) <= 1e-6 * scale)

            let users = try await TestUsers.create(in: services)
            let history = try await AnalyticsQueryService(services: services).equityHistory(limit: 10, for: users.analyst)
            #expect(history.currency == "KRW")
            #expect(history.items.map(\.runId) == [second.runID, first.runID])
            let latest = try #require(history.items.first?.change)
            #expect(history.items.first?.previousRunId == first.runID && history.items.last?.change == nil)
            #expect(latest.before == first.report.equity && latest.acquiredCustomers == 3 && latest.lostCustomers == 2)
            #expect(abs(latest.net - (latest.acquisition + latest.valueGrowth - latest.retentionLoss)) <= 1e-6 * scale)
            // One shown: its `before` still comes from the run before it.
            let one = try await AnalyticsQueryService(services: services).equityHistory(limit: 1, for: users.manager)
            #expect(one.items.count == 1 && one.items[0].change?.before == first.report.equity)
            await #expect(throws: DangolError.self) { try await AnalyticsQueryService(services: services).equityHistory(limit: 10, for: users.agent) }
            await #expect(throws: DangolError.self) { try await AnalyticsQueryService(services: services).equityHistory(limit: 0, for: users.manager) }
        }
    }
}
