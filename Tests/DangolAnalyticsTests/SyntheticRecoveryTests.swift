@testable import DangolAnalytics
import Testing

@Suite("Known parameters are recovered from simulated purchase logs, in days")
struct SyntheticRecoveryTests {
    @Test("Purchase log → summaries → BG/NBD and Gamma–Gamma recover the simulated parameters")
    func recovery() throws {
        var simulation = SyntheticCustomers(seed: 20_261_122)
        let purchases = simulation.purchases(
            customers: 4_000, firstDays: 180, endDay: 545, r: 0.6, alpha: 30, a: 0.8, b: 2.5, p: 6, q: 4, gamma: 12_000)
        let summaries = SummaryBuilder(observationEndDay: 545).summaries(of: purchases)
        #expect(summaries.count == 4_000)
        let fit = try BGNBDFitter().fit(PurchaseHistories(summaries, unit: .days))
        let model = fit.model
        #expect(model.unit == .days)
        // Standard errors at this size are several percent for r and α and larger for a and b; these bounds are about
        // three of them. The mean purchase rate r/α is identified much better.
        #expect(relativeError(model.r, 0.6) < 0.2, "r \(model.r)")
        #expect(relativeError(model.alpha, 30) < 0.25, "α \(model.alpha)")
        #expect(relativeError(model.a, 0.8) < 0.5, "a \(model.a)")
        #expect(relativeError(model.b, 2.5) < 0.6, "b \(model.b)")
        #expect(relativeError(model.r / model.alpha, 0.02) < 0.1, "r/α \(model.r / model.alpha)")
        let truth = try BGNBDModel(r: 0.6, alpha: 30, a: 0.8, b: 2.5, unit: .days)
        let year = TimeSpan(days: 365)
        #expect(relativeError(try model.expectedPurchasesOfNewCustomer(within: year),
                              try truth.expectedPurchasesOfNewCustomer(within: year)) < 0.1)

        let spend = try GammaGammaFitter().fit(summaries).model
        let populationMean = 6.0 * 12_000 / (4 - 1)
        #expect(relativeError(spend.populationMeanSpend, populationMean) < 0.1, "mean \(spend.populationMeanSpend)")
        #expect(relativeError(spend.p, 6) < 0.3, "p \(spend.p)")
    }
}
