@testable import DangolAnalytics
import Testing

@Suite("Churn risk")
struct ChurnRiskTests {
    static func summary(first: Int, last: Int, end: Int, repeats: Int) -> CustomerSummary {
        CustomerSummary(customerID: "c", firstPurchaseDay: first, lastPurchaseDay: last, observationEndDay: end,
                        repeatPurchaseDays: repeats, monetaryValue: 1, revenueToDate: 1, marginToDate: 1)
    }

    @Test("On rhythm and likely alive: low, with no factors")
    func low() throws {
        // Four repeat purchases over 100 days: every 25 days; 30 days since the last is 1.2×.
        let risk = try ChurnRiskRules().assess(Self.summary(first: 0, last: 100, end: 130, repeats: 4), probabilityAlive: 0.9)
        #expect(risk.band == .low && risk.factors.isEmpty)
    }

    @Test("Four intervals overdue is high; the weaker P(alive) signal is listed after it")
    func highWithFactors() throws {
        let risk = try ChurnRiskRules().assess(Self.summary(first: 0, last: 100, end: 200, repeats: 4), probabilityAlive: 0.5)
        #expect(risk.band == .high)
        #expect(risk.factors == [.overdue(daysSinceLastPurchase: 100, usualIntervalDays: 25, ratio: 4),
                                 .lowProbabilityAlive(probability: 0.5)])
    }

    @Test("Low P(alive) alone raises the band", arguments: [(0.2, ChurnRisk.Band.high), (0.45, .medium), (0.6, .low)])
    func probabilityBands(probability: Double, band: ChurnRisk.Band) throws {
        let risk = try ChurnRiskRules().assess(Self.summary(first: 0, last: 100, end: 110, repeats: 4),
                                               probabilityAlive: probability)
        #expect(risk.band == band)
    }

    @Test("One-time buyers are judged against the base's typical interval, or not at all without one")
    func oneTimeBuyers() throws {
        let once = Self.summary(first: 0, last: 0, end: 90, repeats: 0)
        let judged = try ChurnRiskRules().assess(once, probabilityAlive: 1, typicalIntervalDays: 30)
        #expect(judged.band == .high)
        #expect(judged.factors == [.noSecondPurchase(daysSinceFirstPurchase: 90, typicalIntervalDays: 30, ratio: 3)])
        let unjudged = try ChurnRiskRules().assess(once, probabilityAlive: 1)
        #expect(unjudged.band == .low && unjudged.factors.isEmpty)
    }

    @Test("The typical interval is the median of repeat buyers' mean intervals")
    func typicalInterval() {
        let summaries = [Self.summary(first: 0, last: 10, end: 50, repeats: 1), Self.summary(first: 0, last: 40, end: 50, repeats: 2),
                         Self.summary(first: 0, last: 90, end: 99, repeats: 3), Self.summary(first: 0, last: 0, end: 50, repeats: 0)]
        #expect(ChurnRiskRules.typicalInterval(of: summaries) == 20)
        #expect(ChurnRiskRules.typicalInterval(of: [Self.summary(first: 0, last: 0, end: 5, repeats: 0)]) == nil)
    }

    @Test("P(alive) outside [0, 1] is refused")
    func invalid() {
        #expect(throws: AnalyticsError.self) {
            try ChurnRiskRules().assess(Self.summary(first: 0, last: 0, end: 1, repeats: 0), probabilityAlive: .nan)
        }
    }
}

@Suite("Customer equity")
struct CustomerEquityTests {
    @Test("The change decomposes into acquisition + retained growth − retention loss")
    func decomposition() throws {
        let before = try CustomerEquity(values: ["a": 100, "b": 50, "c": 30])
        let after = try CustomerEquity(values: ["a": 120, "b": 40, "d": 70])
        let change = CustomerEquityChange(from: before, to: after)
        #expect(change.before == 180 && change.after == 230)
        #expect(change.acquisition == 70 && change.retainedGrowth == 10 && change.retentionLoss == 30)
        #expect(change.acquiredCount == 1 && change.retainedCount == 2 && change.lostCount == 1)
        #expect(change.acquisition + change.retainedGrowth - change.retentionLoss == change.after - change.before)
    }

    @Test("Empty snapshots give zero equity; non-finite values are refused")
    func edges() throws {
        let empty = try CustomerEquity(values: [:])
        #expect(empty.total == 0)
        #expect(CustomerEquityChange(from: empty, to: empty).after == 0)
        #expect(throws: AnalyticsError.self) { try CustomerEquity(values: ["a": .infinity]) }
    }

    @Test("Compensated summation keeps small values next to large ones")
    func compensated() {
        #expect(CustomerEquity.sum([1e16, 1, -1e16, 1]) == 2)
    }
}
