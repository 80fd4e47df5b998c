import DangolAnalytics
import DangolApp
import DangolCore
import DangolStore
import DangolTestSupport
import Foundation
import Testing

@Suite("Purchase totals in SQL")
struct AnalyticsSummaryTests {
    typealias Sample = AnalyticsTestData

    @Test("SQL totals equal the pure rules (SummaryBuilder on purchase days) on a log with same-day buys, refunds and a midnight",
          arguments: TestEngine.all)
    func sqlMatchesSummaryBuilder(engine: TestEngine) async throws {
        try await engine.withDatabase { database in
            let t = Sample.today
            try await Sample.insertCustomers([1, 2, 3, 4, 5], into: database)
            let sales = [
                Sample.sale("P1", customer: 1, at: Sample.at(t - 100, hour: 9), amount: 10_000, cost: 6_000),
                Sample.sale("P2", customer: 1, at: Sample.at(t - 100, hour: 15), amount: 5_000),
                Sample.sale("P3", customer: 1, at: Sample.at(t - 60), amount: 20_000, cost: 12_000),
                Sample.sale("R1", customer: 1, at: Sample.at(t - 30), amount: -20_000, cost: -12_000, refundOf: "P3"),
                Sample.sale("P4", customer: 1, at: Sample.at(t - 20), amount: 8_000, cost: 4_000),
                Sample.sale("R2", customer: 1, at: Sample.at(t - 10), amount: -1_000),
                // 23:30 and 00:30 KST: two business days, although the same UTC day.
                Sample.sale("P5", customer: 1, at: Sample.at(t - 5, hour: 23, minute: 30), amount: 3_000),
                Sample.sale("P6", customer: 1, at: Sample.at(t - 4, hour: 0, minute: 30), amount: 2_000),
                Sample.sale("P7", customer: 2, at: Sample.at(t - 50), amount: 7_000, cost: 3_000),
                Sample.sale("P8", customer: 2, at: Sample.at(t + 1), amount: 9_000),          // after today: ignored
                Sample.sale("R3", customer: 3, at: Sample.at(t - 3), amount: -500),           // refunds only: no purchase day
                Sample.sale("P9", customer: 4, at: Sample.at(t - 3), amount: 900, currency: "USD"),
                Sample.sale("P10", customer: 5, at: Sample.at(t - 3), amount: 4_000),
            ]
            try await Sample.insert(sales, into: database)
            try await database.transaction { db in
                try await CustomerRepository().softDelete(Sample.customerID(5), reason: "test", at: Sample.at(t), on: db)
            }
            let settings = AnalyticsSettings()
            let end = Sample.at(t + 1, hour: 0)
            let totals = try await database.read { db in
                try await AnalyticsRepository().purchaseTotals(
                    after: nil, through: nil, end: end, endDay: t, utcOffsetSeconds: 9 * 3_600, currency: "KRW",
                    dailyGrowth: settings.dailyGrowth, on: db)
            }
            #expect(totals.map(\.customerID) == [Sample.customerID(1).rawValue, Sample.customerID(2).rawValue])

            // The same log for the pure rules: the linked refund on its sale's day, the others as they are.
            let purchases = [
                Purchase(customerID: "1", day: t - 100, amount: 10_000, cost: 6_000), Purchase(customerID: "1", day: t - 100, amount: 5_000),
                Purchase(customerID: "1", day: t - 60, amount: 20_000, cost: 12_000),
                Purchase(customerID: "1", day: t - 60, amount: -20_000, cost: -12_000),
                Purchase(customerID: "1", day: t - 20, amount: 8_000, cost: 4_000), Purchase(customerID: "1", day: t - 10, amount: -1_000),
                Purchase(customerID: "1", day: t - 5, amount: 3_000), Purchase(customerID: "1", day: t - 4, amount: 2_000),
                Purchase(customerID: "2", day: t - 50, amount: 7_000, cost: 3_000),
            ]
            let pure = try PurchaseDays.summaries(of: purchases, observationEndDay: t, annualDiscountRate: settings.annualDiscountRate)
            #expect(pure.summaries.count == 2)
            for (sql, (summary, value)) in zip(totals, zip(pure.summaries, pure.historicalValues)) {
                #expect(sql.firstPurchaseDay == summary.firstPurchaseDay)
                #expect(sql.lastPurchaseDay == summary.lastPurchaseDay)
                #expect(sql.repeatPurchaseDays == summary.repeatPurchaseDays)
                #expect(Double(sql.repeatAmountMinor) == summary.monetaryValue * Double(summary.repeatPurchaseDays))
                #expect(sql.revenueMinor == summary.revenueToDate)
                #expect(sql.marginMinor == summary.marginToDate)
                #expect(abs(sql.marginPresentValue - value) <= 1e-6 * max(1, abs(value)))
            }
            // And by hand: purchase days t−100, t−20, t−5, t−4 (t−60 refunded in full, t−10 a refund only).
            let first = try #require(totals.first)
            #expect(first.firstPurchaseDay == t - 100 && first.lastPurchaseDay == t - 4 && first.repeatPurchaseDays == 3)
            #expect(first.repeatAmountMinor == 13_000 && first.revenueMinor == 27_000 && first.marginMinor == 17_000)
            #expect(first.transactionsWithoutCost == 4)
            #expect(first.marginPresentValue > 17_000)
        }
    }

    @Test("Keyset batches cover every customer once, whatever the batch size", arguments: TestEngine.all)
    func batches(engine: TestEngine) async throws {
        try await engine.withDatabase { database in
            try await Sample.insertCustomers(Array(0..<7), into: database)
            try await Sample.insert((0..<7).map { Sample.sale("B\($0)", customer: $0, at: Sample.at(Sample.today - 10), amount: 1_000) }, into: database)
            var seen: [String] = []
            var after: String?
            repeat {
                let cursor = after
                let (through, totals) = try await database.read { db in
                    let through = try await AnalyticsRepository().batchEnd(after: cursor, size: 3, on: db)
                    return (through, try await AnalyticsRepository().purchaseTotals(
                        after: cursor, through: through, end: Sample.at(Sample.today + 1, hour: 0), endDay: Sample.today,
                        utcOffsetSeconds: 9 * 3_600, currency: "KRW", dailyGrowth: 1, on: db))
                }
                seen += totals.map(\.customerID)
                after = through
            } while after != nil
            #expect(seen == (0..<7).map { Sample.customerID($0).rawValue })
        }
    }
}
