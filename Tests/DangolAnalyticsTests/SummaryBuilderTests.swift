@testable import DangolAnalytics
import DangolCore
import Testing

@Suite("Purchase summaries")
struct SummaryBuilderTests {
    @Test("The first 400 CDNOW customers summarise exactly as lifetimes' summary_data_from_transaction_data (freq D)")
    func matchesLifetimes() throws {
        let purchases = ReferenceVectors.rows("cdnow_transactions").map { row -> Purchase in
            let date = CivilDate(iso8601: String(row["date"]!.prefix(4)) + "-" + row["date"]!.dropFirst(4).prefix(2)
                                 + "-" + row["date"]!.suffix(2))!
            return Purchase(customerID: row["id"]!, date: date, amount: Int64(row["cents"]!)!)
        }
        let end = CivilDate(year: 1998, month: 6, day: 30)!.daysSinceEpoch
        let summaries = Dictionary(uniqueKeysWithValues: SummaryBuilder(observationEndDay: end)
            .summaries(of: purchases).map { ($0.customerID, $0) })
        let expected = ReferenceVectors.rows("cdnow_transactions_summary")
        #expect(summaries.count == expected.count)
        for row in expected {
            let summary = try #require(summaries[row["id"]!])
            #expect(summary.repeatPurchaseDays == Int(Double(row["frequency"]!)!))
            #expect(summary.recencyDays == Int(Double(row["recency"]!)!))
            #expect(summary.ageDays == Int(Double(row["T"]!)!))
            #expect(relativeError(summary.monetaryValue, Double(row["monetary_value"]!)!, floor: 1) < 1e-12)
        }
    }

    @Test("Purchases on one day count once with their amounts summed; later purchases are ignored")
    func handComputed() {
        let purchases = [
            Purchase(customerID: "a", day: 10, amount: 1_000, cost: 600),
            Purchase(customerID: "a", day: 10, amount: 500, cost: 300),
            Purchase(customerID: "a", day: 14, amount: 2_000, cost: 1_500),
            Purchase(customerID: "a", day: 14, amount: 1_000),
            Purchase(customerID: "a", day: 20, amount: 4_000, cost: 3_000),
            Purchase(customerID: "a", day: 31, amount: 9_999, cost: 0),
            Purchase(customerID: "b", day: 25, amount: 700, cost: 100),
        ]
        let summaries = SummaryBuilder(observationEndDay: 30).summaries(of: purchases)
        #expect(summaries.map(\.customerID) == ["a", "b"])
        let a = summaries[0]
        #expect(a.repeatPurchaseDays == 2)
        #expect(a.recencyDays == 10)
        #expect(a.ageDays == 20)
        #expect(a.daysSinceLastPurchase == 10)
        #expect(a.monetaryValue == 3_500)  // (3,000 on day 14 + 4,000 on day 20) / 2
        #expect(a.revenueToDate == 8_500)
        #expect(a.marginToDate == 8_500 - 600 - 300 - 1_500 - 3_000)
        #expect(a.purchasesWithoutCost == 1)
        let b = summaries[1]
        #expect(b.repeatPurchaseDays == 0 && b.recencyDays == 0 && b.ageDays == 5 && b.monetaryValue == 0)
    }

    @Test("Histories state their unit: 14 days are 2 weeks")
    func units() {
        let summary = CustomerSummary(customerID: "a", firstPurchaseDay: 0, lastPurchaseDay: 14, observationEndDay: 28,
                                      repeatPurchaseDays: 1, monetaryValue: 1, revenueToDate: 2, marginToDate: 2)
        #expect(summary.history(in: .weeks) == (try? PurchaseHistory(frequency: 1, recency: 2, age: 4, unit: .weeks)))
        #expect(summary.history(in: .days).age == 28)
        #expect(TimeSpan(weeks: 2).value(in: .days) == 14)
    }

    @Test("Invalid histories are refused with a typed error")
    func invalidHistories() {
        #expect(throws: AnalyticsError.self) { try PurchaseHistory(frequency: 1, recency: 5, age: 4, unit: .days) }
        #expect(throws: AnalyticsError.self) { try PurchaseHistory(frequency: 0, recency: 1, age: 4, unit: .days) }
        #expect(throws: AnalyticsError.lengthMismatch) {
            try PurchaseHistories(frequency: [1], recency: [], age: [1], unit: .days)
        }
    }
}
