@testable import DangolAnalytics
import Testing

@Suite("Degenerate inputs give typed errors or documented fallbacks, never NaN")
struct DegenerateInputTests {
    static func histories(_ rows: [(Int, Double, Double)]) throws -> PurchaseHistories {
        try PurchaseHistories(frequency: rows.map(\.0), recency: rows.map(\.1), age: rows.map(\.2), unit: .days)
    }

    /// The code of the AnalyticsError `body` throws, nil when it throws nothing, "other" for any other error.
    static func code(_ body: () throws -> Void) -> String? {
        do {
            try body()
            return nil
        } catch let error as AnalyticsError {
            return error.code
        } catch {
            return "other"
        }
    }

    @Test("BG/NBD: one customer, no repeat buyers, or no observed time are refused with their codes")
    func bgnbdRefusals() throws {
        let one = try Self.histories([(2, 10, 20)])
        #expect(Self.code { _ = try BGNBDFitter().fit(one) } == "fit.too_few_customers")
        let noRepeats = try Self.histories([(0, 0, 10), (0, 0, 20), (0, 0, 30), (0, 0, 40)])
        #expect(Self.code { _ = try BGNBDFitter().fit(noRepeats) } == "fit.no_repeat_buyers")
        let sameDay = try Self.histories([(1, 0, 0), (0, 0, 0), (0, 0, 0), (0, 0, 0)])
        #expect(Self.code { _ = try BGNBDFitter().fit(sameDay) } == "fit.no_observation_time")
        #expect(Self.code { _ = try BGNBDFitter().fit(Self.histories([])) } == "fit.too_few_customers")
    }

    @Test("All purchases on one day: summaries have x = 0 and T = 0, and the fit says why it cannot run")
    func allOnOneDay() throws {
        let purchases = (0..<10).map { Purchase(customerID: "c\($0)", day: 100, amount: 1_000) }
        let summaries = SummaryBuilder(observationEndDay: 100).summaries(of: purchases)
        #expect(summaries.allSatisfy { $0.repeatPurchaseDays == 0 && $0.ageDays == 0 && $0.monetaryValue == 0 })
        let histories = try PurchaseHistories(summaries, unit: .days)
        #expect(Self.code { _ = try BGNBDFitter().fit(histories) } == "fit.no_repeat_buyers")
        #expect(Self.code { _ = try GammaGammaFitter().fit(summaries) } == "fit.no_repeat_buyers")
    }

    @Test("Gamma–Gamma: zero amounts are skipped, so only zero spenders leaves nothing to fit")
    func zeroAmounts() {
        #expect(Self.code { _ = try GammaGammaFitter().fit(frequency: [1, 2, 3], monetaryValue: [0, 0, 0]) }
            == "fit.no_repeat_buyers")
        #expect(Self.code { _ = try GammaGammaFitter().fit(frequency: [1, 2], monetaryValue: [1]) }
            == "input.length_mismatch")
    }

    @Test("Gamma–Gamma: identical spend everywhere cannot identify the model and is refused")
    func identicalSpend() {
        let code = Self.code {
            _ = try GammaGammaFitter().fit(frequency: [1, 2, 3, 4, 5, 6], monetaryValue: [50, 50, 50, 50, 50, 50])
        }
        #expect(code == "fit.not_converged" || code == "fit.infinite_mean_spend")
    }

    @Test("A model refuses non-positive parameters, and Gamma–Gamma q ≤ 1 (infinite mean spend)")
    func modelValidation() {
        #expect(Self.code { _ = try BGNBDModel(r: 0, alpha: 1, a: 1, b: 1, unit: .days) } == "input.invalid")
        #expect(Self.code { _ = try BGNBDModel(r: .nan, alpha: 1, a: 1, b: 1, unit: .days) } == "input.invalid")
        #expect(Self.code { _ = try GammaGammaModel(p: 1, q: 0.9, gamma: 1) } == "fit.infinite_mean_spend")
    }

    @Test("Predictions stay finite for heavy buyers, long horizons, zero spend and a = 1")
    func finitePredictions() throws {
        let model = ReferenceVectors.lifetimesBGNBD
        let spend = try GammaGammaModel(p: 6.25, q: 3.74, gamma: 15.44)
        let cases = [
            try PurchaseHistory(frequency: 500, recency: 38, age: 39, unit: .weeks),
            try PurchaseHistory(frequency: 500, recency: 1, age: 39, unit: .weeks),
            try PurchaseHistory(frequency: 0, recency: 0, age: 0, unit: .weeks),
            try PurchaseHistory(frequency: 3, recency: 0.5, age: 0.5, unit: .weeks),
        ]
        for history in cases {
            for horizon in [0.0, 1, 52, 5_000] {
                let expected = try model.expectedPurchases(of: history, within: TimeSpan(weeks: horizon))
                #expect(expected.isFinite && expected >= 0, "\(history) within \(horizon)")
            }
            let alive = model.probabilityAlive(history)
            #expect(alive.isFinite && alive >= 0 && alive <= 1)
            let value = try CustomerLifetimeValue().value(of: history, monetaryValue: 0, purchases: model, spend: spend)
            #expect(value.isFinite && value >= 0)
        }
        let unitA = try BGNBDModel(r: 0.5, alpha: 5, a: 1, b: 2, unit: .weeks)
        let nearA = try BGNBDModel(r: 0.5, alpha: 5, a: 1.001, b: 2, unit: .weeks)
        let history = cases[3]
        let atOne = try unitA.expectedPurchases(of: history, within: TimeSpan(weeks: 10))
        #expect(atOne.isFinite)
        #expect(relativeError(atOne, try nearA.expectedPurchases(of: history, within: TimeSpan(weeks: 10))) < 1e-2)
    }

    @Test("A negative horizon or a discount rate of −100% is refused")
    func invalidParameters() throws {
        let model = ReferenceVectors.lifetimesBGNBD
        let history = try PurchaseHistory(frequency: 1, recency: 1, age: 2, unit: .weeks)
        #expect(Self.code { _ = try model.expectedPurchases(of: history, within: TimeSpan(weeks: -1)) } == "input.invalid")
        #expect(Self.code { _ = try HistoricalValue(margins: [], valuationDay: 0, annualDiscountRate: -1) } == "input.invalid")
    }

    @Test("Historical value: margin to date, compounded to the valuation day; later margins ignored")
    func historicalValue() throws {
        let margins = [HistoricalValue.DatedMargin(day: 0, margin: 1_000), .init(day: 365, margin: 500),
                       .init(day: 800, margin: 999)]
        let value = try HistoricalValue(margins: margins, valuationDay: 730, annualDiscountRate: 0.1)
        #expect(value.marginToDate == 1_500)
        #expect(abs(value.presentValue - (1_000 * 1.21 + 500 * 1.1)) < 1e-9)
        let flat = try HistoricalValue(margins: margins, valuationDay: 730, annualDiscountRate: 0)
        #expect(flat.presentValue == 1_500)
    }

    @Test("A lone customer: RFM scores 333 (neutral, so loyal), Pareto 50:50 with Gini 0, value matrix low/low")
    func loneCustomer() throws {
        let score = try RFMScorer().scores(of: [.init(customerID: "a", daysSinceLastPurchase: 5, purchaseCount: 3,
                                                      monetary: 9_000)])
        #expect(score.map(\.code) == ["333"] && score[0].segment == .loyal)
        let pareto = try ParetoAnalysis(values: [9_000])
        #expect(pareto.gini == 0 && pareto.businessType == .fiftyFifty && pareto.topShares.allSatisfy { $0.valueShare.isFinite })
        let matrix = try ValueMatrix(customers: [.init(customerID: "a", currentValue: 9_000, futureValue: 4_000)])
        #expect(matrix.quadrants == [.belowCost])  // each value equals its own median, and equal counts as low
        #expect(try RFMScorer().scores(of: []).isEmpty)
    }
}
