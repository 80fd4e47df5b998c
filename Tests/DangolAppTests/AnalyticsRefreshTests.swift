import DangolAnalytics
import DangolApp
import DangolCore
import DangolStore
import DangolTestSupport
import Foundation
import Testing

@Suite("Analytics refresh")
struct AnalyticsRefreshTests {
    typealias Sample = AnalyticsTestData

    static func allScores(_ count: Int, _ database: Database) async throws -> [CustomerScoreRecord] {
        try await database.read { db in
            var rows: [CustomerScoreRecord] = []
            for index in 0..<count {
                if let row = try await AnalyticsRepository().scores(of: Sample.customerID(index), on: db) { rows.append(row) }
            }
            return rows
        }
    }

    static func isFinite(_ row: CustomerScoreRecord) -> Bool {
        let values = [row.monetary, row.historicalValue] + [row.probabilityAlive, row.expectedPurchases, row.expectedSpend,
                                                            row.clvRevenue, row.clv].compactMap { $0 }
        return values.allSatisfy(\.isFinite)
    }

    @Test("A refresh scores every buyer once with finite values, records the run, and a second run drops the deleted",
          arguments: TestEngine.all)
    func refreshScoresEveryCustomer(engine: TestEngine) async throws {
        try await engine.withServices { services in
            let count = 300
            try await Sample.insertCustomers(Array(0..<count), into: services.database)
            try await Sample.insert(Sample.syntheticSales(customers: count), into: services.database)
            let outcome = try await AnalyticsRefreshService(services: services).refresh(trigger: "test")
            let report = outcome.report
            #expect(report.customers == count)
            #expect(report.fallbacks.isEmpty, "\(report.fallbacks)")
            #expect(report.timeUnit == "days" && report.clvMonths == 12)
            let fit = try #require(report.bgnbd)
            #expect(fit.model.unit == .days)
            #expect(report.gammaGamma != nil)
            #expect(report.paretoRevenue != nil && report.paretoMargin != nil)
            #expect(report.valueMatrix?.counts.values.reduce(0, +) == count)
            #expect(report.rfmSegments.values.reduce(0, +) == count)

            let rows = try await Self.allScores(count, services.database)
            #expect(rows.count == count)
            #expect(rows.allSatisfy(Self.isFinite))
            #expect(rows.allSatisfy { $0.probabilityAlive != nil && $0.clv != nil && $0.valueQuadrant != nil })
            #expect(rows.allSatisfy { ($0.probabilityAlive ?? -1) >= 0 && ($0.probabilityAlive ?? 2) <= 1 })
            let equity = rows.compactMap(\.clv).reduce(0, +)
            #expect(abs((report.equity ?? 0) - equity) <= 1e-6 * equity)

            try await services.database.transaction { db in
                try await CustomerRepository().softDelete(Sample.customerID(0), reason: "test", at: services.clock.now(), on: db)
            }
            let second = try await AnalyticsRefreshService(services: services).refresh(trigger: "test")
            #expect(second.report.customers == count - 1)
            #expect(second.report.previousEquity == report.equity)
            let remaining = try await services.database.read { db in try await AnalyticsRepository().scoreCount(on: db) }
            #expect(remaining == count - 1)
            let runs = try await services.database.read { db in try await AnalyticsRepository().succeededRuns(limit: 5, on: db) }
            #expect(runs.map(\.id) == [second.runID, outcome.runID])
        }
    }

    @Test("Degenerate bases fall back without NaN: no sales, one buyer, no repeat buyer, everyone on one day",
          arguments: TestEngine.all)
    func degenerateBases(engine: TestEngine) async throws {
        let t = Sample.today
        let cases: [(String, [TransactionRecord], String?)] = [
            ("empty", [], "bgnbd: fit.too_few_customers"),
            ("one buyer", [Sample.sale("A", customer: 0, at: Sample.at(t - 30), amount: 1_000),
                           Sample.sale("B", customer: 0, at: Sample.at(t - 3), amount: 2_000)], "bgnbd: fit.too_few_customers"),
            ("no repeat buyer", (0..<6).map { Sample.sale("N\($0)", customer: $0, at: Sample.at(t - 10 * $0), amount: 1_000) },
             "bgnbd: fit.no_repeat_buyers"),
            ("one day", (0..<6).map { Sample.sale("D\($0)", customer: $0, at: Sample.at(t, hour: 8), amount: 1_000 * Int64($0 + 1)) },
             "bgnbd: fit.no_repeat_buyers"),
        ]
        for (name, sales, fallback) in cases {
            try await engine.withServices { services in
                try await Sample.insertCustomers(Array(0..<6), into: services.database)
                try await Sample.insert(sales, into: services.database)
                let outcome = try await AnalyticsRefreshService(services: services).refresh(trigger: "test")
                let buyers = Set(sales.compactMap(\.customerID)).count
                #expect(outcome.report.customers == buyers, "\(name)")
                if let fallback {
                    #expect(outcome.report.fallbacks.contains { $0.hasPrefix(fallback) }, "\(name): \(outcome.report.fallbacks)")
                }
                #expect(outcome.report.equity == nil && outcome.report.bgnbd == nil)
                let rows = try await Self.allScores(6, services.database)
                #expect(rows.count == buyers)
                #expect(rows.allSatisfy { $0.probabilityAlive == nil && $0.clv == nil && $0.valueQuadrant == nil && Self.isFinite($0) })
                #expect(rows.allSatisfy { (1...5).contains($0.rfmRecency) && !$0.rfmSegment.isEmpty })
                let run = try await services.database.read { db in try await AnalyticsRepository().latestSucceededRun(on: db) }
                #expect(run?.status == "succeeded" && run?.report?.contains("fallbacks") == true)
            }
        }
    }
}
