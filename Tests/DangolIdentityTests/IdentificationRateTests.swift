import DangolCore
import DangolIdentity
import Testing

@Suite("Identification rate")
struct IdentificationRateTests {
    static func day(_ y: Int, _ m: Int, _ d: Int, _ channel: String, sales: Int, known: Int, revenue: Int64, knownRevenue: Int64,
                    currency: String = "KRW") -> IdentificationRate.Day {
        IdentificationRate.Day(date: CivilDate(year: y, month: m, day: d)!, channel: channel, currency: currency, transactions: sales,
                               identifiedTransactions: known, revenueMinor: revenue, identifiedRevenueMinor: knownRevenue)
    }

    @Test("Monthly rates per channel and across channels, currencies kept apart")
    func monthly() {
        let rows = IdentificationRate.summarise([
            Self.day(2026, 11, 1, "store", sales: 10, known: 4, revenue: 100_000, knownRevenue: 60_000),
            Self.day(2026, 11, 30, "store", sales: 10, known: 6, revenue: 100_000, knownRevenue: 20_000),
            Self.day(2026, 11, 15, "online", sales: 5, known: 5, revenue: 50_000, knownRevenue: 50_000),
            Self.day(2026, 12, 1, "store", sales: 2, known: 0, revenue: 30_000, knownRevenue: 0),
            Self.day(2026, 11, 2, "online", sales: 1, known: 1, revenue: 1_000, knownRevenue: 1_000, currency: "USD"),
        ], period: .month)
        #expect(rows.map { "\($0.period) \($0.channel) \($0.currency)" } == [
            "2026-11 * KRW", "2026-11 * USD", "2026-11 online KRW", "2026-11 online USD", "2026-11 store KRW", "2026-12 * KRW", "2026-12 store KRW",
        ])
        let all = rows[0]
        #expect(all.revenueMinor == 250_000)
        #expect(all.identifiedRevenueMinor == 130_000)
        #expect(all.revenueRate == 130_000.0 / 250_000.0)
        #expect(all.transactionRate == 15.0 / 25.0)
        #expect(rows[4].revenueRate == 0.4)
        #expect(rows[5].revenueRate == 0)
    }

    @Test("Period labels: ISO weeks across the year boundary, quarters", arguments: [
        (2026, 12, 31, IdentificationRate.Period.week, "2026-W53"),
        (2027, 1, 3, .week, "2026-W53"),
        (2027, 1, 4, .week, "2027-W01"),
        (2024, 12, 30, .week, "2025-W01"),
        (2026, 11, 22, .week, "2026-W47"),
        (2026, 11, 22, .quarter, "2026-Q4"),
        (2026, 3, 31, .quarter, "2026-Q1"),
        (2026, 11, 2, .day, "2026-11-02"),
    ])
    func labels(year: Int, month: Int, day: Int, period: IdentificationRate.Period, label: String) {
        #expect(IdentificationRate.label(of: CivilDate(year: year, month: month, day: day)!, period: period) == label)
    }

    @Test("No revenue means no rate, not zero")
    func empty() {
        let rows = IdentificationRate.summarise([Self.day(2026, 1, 1, "store", sales: 1, known: 0, revenue: 0, knownRevenue: 0)], period: .year)
        #expect(rows.first?.revenueRate == nil)
        #expect(rows.first?.transactionRate == 0)
    }
}
