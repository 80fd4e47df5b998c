@testable import DangolAnalytics
import Testing

@Suite("Gamma–Gamma and CLV on the CDNOW sample")
struct GammaGammaTests {
    static let repeatBuyers = ReferenceVectors.cdnow.filter { $0.history.frequency > 0 }

    static func fit() throws -> GammaGammaFitter.Fit {
        try GammaGammaFitter().fit(frequency: repeatBuyers.map(\.history.frequency),
                                   monetaryValue: repeatBuyers.map(\.monetaryValue))
    }

    static var lifetimesSpend: GammaGammaModel {
        let parameters = ReferenceVectors.parameters
        return try! GammaGammaModel(p: parameters["gamma_gamma.p"]!, q: parameters["gamma_gamma.q"]!,
                                    gamma: parameters["gamma_gamma.v"]!)
    }

    @Test("The fit on the 946 repeat buyers reproduces p 6.25, q 3.74, γ 15.44 (±0.5%) and lifetimes' optimum")
    func publishedParameters() throws {
        let fit = try Self.fit()
        #expect(fit.customerCount == 946)
        for (actual, published) in [(fit.model.p, 6.25), (fit.model.q, 3.74), (fit.model.gamma, 15.44)] {
            #expect(relativeError(actual, published) < 0.005, "\(actual) vs \(published)")
        }
        let reference = Self.lifetimesSpend
        for (actual, expected) in [(fit.model.p, reference.p), (fit.model.q, reference.q), (fit.model.gamma, reference.gamma)] {
            #expect(relativeError(actual, expected) < 1e-5, "\(actual) vs \(expected)")
        }
    }

    @Test("With lifetimes' L2 penalty 0.001 the fit lands on lifetimes' penalised optimum")
    func penalised() throws {
        let fit = try GammaGammaFitter(penalizerCoefficient: 0.001)
            .fit(frequency: Self.repeatBuyers.map(\.history.frequency), monetaryValue: Self.repeatBuyers.map(\.monetaryValue))
        let p = ReferenceVectors.parameters
        for (actual, name) in [(fit.model.p, "p"), (fit.model.q, "q"), (fit.model.gamma, "v")] {
            let expected = p["gamma_gamma_penalizer_0.001.\(name)"]!
            #expect(relativeError(actual, expected) < 1e-4, "\(name): \(actual) vs \(expected)")
        }
    }

    @Test("A penalty strong enough to push q below 1 is refused: the mean spend would be infinite")
    func penaltyBelowOne() {
        #expect(throws: AnalyticsError.self) {
            try GammaGammaFitter(penalizerCoefficient: 0.01)
                .fit(frequency: Self.repeatBuyers.map(\.history.frequency), monetaryValue: Self.repeatBuyers.map(\.monetaryValue))
        }
    }

    @Test("Fitting from summaries skips customers without repeat purchases")
    func fitFromSummariesSkipsOneTimeBuyers() throws {
        let all = try GammaGammaFitter().fit(frequency: ReferenceVectors.cdnow.map(\.history.frequency),
                                             monetaryValue: ReferenceVectors.cdnow.map(\.monetaryValue))
        #expect(all.customerCount == 946)
        #expect(relativeError(all.model.p, try Self.fit().model.p) < 1e-12)
    }

    @Test("With lifetimes' parameters, expected average profit and 12-month CLV agree per customer to 1e-4 relative")
    func perCustomerWithLifetimesParameters() throws {
        let purchases = ReferenceVectors.lifetimesBGNBD, spend = Self.lifetimesSpend
        let clv = CustomerLifetimeValue(months: 12, monthlyDiscountRate: 0.01)
        var worst = 0.0
        for (customer, reference) in zip(ReferenceVectors.cdnow, ReferenceVectors.predictions) {
            let profit = spend.expectedAverageProfit(frequency: customer.history.frequency,
                                                     monetaryValue: customer.monetaryValue)
            let value = try clv.value(of: customer.history, monetaryValue: customer.monetaryValue,
                                      purchases: purchases, spend: spend)
            worst = max(worst, relativeError(profit, reference.expectedProfit),
                        relativeError(value, reference.lifetimeValue12Months))
        }
        #expect(worst < 1e-4)
        #expect(worst < 1e-9, "in practice the formulas agree to rounding: worst \(worst)")
    }

    @Test("With our own fits, CLV agrees with lifetimes per customer to 1e-4 relative")
    func perCustomerWithOwnFits() throws {
        let purchases = try BGNBDFitter().fit(ReferenceVectors.cdnowHistories).model
        let spend = try Self.fit().model
        let values = try CustomerLifetimeValue().values(
            of: ReferenceVectors.cdnowHistories, monetaryValues: ReferenceVectors.cdnow.map(\.monetaryValue),
            purchases: purchases, spend: spend)
        for (value, reference) in zip(values, ReferenceVectors.predictions) {
            #expect(relativeError(value, reference.lifetimeValue12Months) < 1e-4)
        }
    }

    @Test("CLV in days and in weeks differ only through lifetimes' month lengths (30 days against 4.345 weeks)")
    func clvUnitInvariantApartFromMonthLength() throws {
        // lifetimes' month is 4.345 weeks = 30.415 days in weeks but 30 days in days: the values differ slightly,
        // by design of lifetimes' factors, and converge when the horizon is long.
        let weekly = ReferenceVectors.lifetimesBGNBD, daily = weekly.converted(to: .days)
        let customer = ReferenceVectors.cdnow[0]
        let clv = CustomerLifetimeValue(months: 12, monthlyDiscountRate: 0)
        let inWeeks = try clv.value(of: customer.history, monetaryValue: customer.monetaryValue, purchases: weekly,
                                    spend: Self.lifetimesSpend)
        let inDays = try clv.value(of: customer.history, monetaryValue: customer.monetaryValue, purchases: daily,
                                   spend: Self.lifetimesSpend)
        #expect(relativeError(inDays, inWeeks) < 0.02)
        #expect(inDays < inWeeks)
    }

    @Test("Expected average profit shrinks a customer's mean toward the population mean p·γ/(q−1)")
    func shrinkage() throws {
        let spend = try GammaGammaModel(p: 2, q: 3, gamma: 10)
        #expect(spend.populationMeanSpend == 10)
        #expect(spend.expectedAverageProfit(frequency: 0, monetaryValue: 0) == 10)
        // weight = 2·2/(2·2 + 3 − 1) = 2/3
        #expect(abs(spend.expectedAverageProfit(frequency: 2, monetaryValue: 40) - (10.0 / 3 + 80.0 / 3)) < 1e-12)
    }
}
