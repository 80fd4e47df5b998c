@testable import DangolAnalytics
import Foundation
import Testing

@Suite("BG/NBD on the CDNOW sample")
struct BGNBDTests {
    @Test("The fit reproduces Fader, Hardie & Lee (2005): r 0.243, α 4.414, a 0.793, b 2.426, LL −9582.4")
    func publishedParameters() throws {
        let fit = try BGNBDFitter().fit(ReferenceVectors.cdnowHistories)
        let published = [(fit.model.r, 0.243), (fit.model.alpha, 4.414), (fit.model.a, 0.793), (fit.model.b, 2.426)]
        for (actual, expected) in published {
            #expect(relativeError(actual, expected) < 0.005, "\(actual) vs \(expected)")
        }
        #expect(abs(fit.logLikelihood - -9582.4) < 0.1)
        #expect(fit.model.unit == .weeks)
        #expect(!fit.usedFallback)
    }

    @Test("The fit lands on lifetimes' optimum to 1e-5 relative")
    func sameOptimumAsLifetimes() throws {
        let fit = try BGNBDFitter().fit(ReferenceVectors.cdnowHistories)
        let reference = ReferenceVectors.lifetimesBGNBD
        for (actual, expected) in [(fit.model.r, reference.r), (fit.model.alpha, reference.alpha),
                                   (fit.model.a, reference.a), (fit.model.b, reference.b)] {
            #expect(relativeError(actual, expected) < 1e-5, "\(actual) vs \(expected)")
        }
        #expect(abs(fit.logLikelihood - ReferenceVectors.parameters["bgnbd.log_likelihood"]!) < 1e-6)
    }

    @Test("With lifetimes' L2 penalty 0.1 (α in rescaled time) the fit lands on lifetimes' penalised optimum")
    func penalised() throws {
        let fit = try BGNBDFitter(penalizerCoefficient: 0.1).fit(ReferenceVectors.cdnowHistories)
        let p = ReferenceVectors.parameters
        for (actual, name) in [(fit.model.r, "r"), (fit.model.alpha, "alpha"), (fit.model.a, "a"), (fit.model.b, "b")] {
            let expected = p["bgnbd_penalizer_0.1.\(name)"]!
            #expect(relativeError(actual, expected) < 1e-4, "\(name): \(actual) vs \(expected)")
        }
    }

    @Test("With lifetimes' parameters, expected purchases and P(alive) agree per customer to 1e-4 relative")
    func perCustomerWithLifetimesParameters() throws {
        let model = ReferenceVectors.lifetimesBGNBD
        var worst = 0.0
        for (customer, reference) in zip(ReferenceVectors.cdnow, ReferenceVectors.predictions) {
            let expected39 = try model.expectedPurchases(of: customer.history, within: TimeSpan(weeks: 39))
            let expected52 = try model.expectedPurchases(of: customer.history, within: TimeSpan(weeks: 52))
            let alive = model.probabilityAlive(customer.history)
            worst = max(worst, relativeError(expected39, reference.expected39), relativeError(expected52, reference.expected52),
                        relativeError(alive, reference.probabilityAlive))
        }
        #expect(worst < 1e-4)
        #expect(worst < 1e-9, "in practice the formulas agree to rounding: worst \(worst)")
    }

    @Test("With our own fitted parameters, per-customer predictions agree with lifetimes to 1e-4 relative")
    func perCustomerWithOwnFit() throws {
        let model = try BGNBDFitter().fit(ReferenceVectors.cdnowHistories).model
        for (customer, reference) in zip(ReferenceVectors.cdnow, ReferenceVectors.predictions) {
            let expected = try model.expectedPurchases(of: customer.history, within: TimeSpan(weeks: 39))
            #expect(relativeError(expected, reference.expected39) < 1e-4)
            #expect(relativeError(model.probabilityAlive(customer.history), reference.probabilityAlive) < 1e-4)
        }
    }

    @Test("Several horizons through one shared series equal one horizon at a time")
    func sharedSeries() throws {
        let model = ReferenceVectors.lifetimesBGNBD
        let horizons = [0.0, 4.345, 13, 52, 520]
        var values = [Double](repeating: 0, count: horizons.count)
        var scratch = BGNBDModel.Scratch(count: horizons.count)
        for (x, tx, age) in [(0.0, 0.0, 0.0), (0, 0, 38.86), (2, 30.43, 38.86), (40, 1, 39), (400, 38, 39)] {
            try model.expectedPurchases(frequency: x, recency: tx, age: age, horizons: horizons, into: &values,
                                        scratch: &scratch)
            for (k, t) in horizons.enumerated() {
                let single = try model.expectedPurchases(frequency: x, recency: tx, age: age, t: t)
                #expect(abs(values[k] - single) <= 1e-12 * max(1, abs(single)), "x \(x) t \(t)")
            }
        }
    }

    @Test("Bulk scoring over columns equals scoring one customer at a time")
    func bulkScoring() throws {
        let model = ReferenceVectors.lifetimesBGNBD, histories = ReferenceVectors.cdnowHistories
        let expected = try model.expectedPurchases(of: histories, within: TimeSpan(weeks: 39))
        let alive = model.probabilityAlive(of: histories)
        for (i, reference) in ReferenceVectors.predictions.enumerated() {
            #expect(relativeError(expected[i], reference.expected39) < 1e-9)
            #expect(relativeError(alive[i], reference.probabilityAlive) < 1e-9)
        }
    }

    @Test("Expected purchases of a new customer match lifetimes' expected_number_of_purchases_up_to_time")
    func newCustomer() throws {
        let model = ReferenceVectors.lifetimesBGNBD
        for row in ReferenceVectors.rows("lifetimes_new_customer") {
            let t = Double(row["t"]!)!, expected = Double(row["expected"]!)!
            #expect(relativeError(try model.expectedPurchasesOfNewCustomer(within: TimeSpan(weeks: t)), expected) < 1e-9)
        }
    }

    @Test("A model converted from weeks to days predicts the same for the same history")
    func unitConversion() throws {
        let weekly = ReferenceVectors.lifetimesBGNBD, daily = weekly.converted(to: .days)
        #expect(abs(daily.alpha - weekly.alpha * 7) < 1e-12)
        let history = ReferenceVectors.cdnow[0].history
        let inDays = try PurchaseHistory(frequency: history.frequency, recency: history.recency * 7,
                                         age: history.age * 7, unit: .days)
        let a = try weekly.expectedPurchases(of: history, within: TimeSpan(days: 90))
        let b = try daily.expectedPurchases(of: inDays, within: TimeSpan(days: 90))
        #expect(relativeError(a, b) < 1e-12)
        #expect(relativeError(weekly.probabilityAlive(inDays), daily.probabilityAlive(history)) < 1e-12)
    }

    @Test("Fits on several tasks at once give the same model (values are Sendable, ln Γ is reentrant)")
    func concurrentFits() async throws {
        let histories = ReferenceVectors.cdnowHistories
        let models = try await withThrowingTaskGroup(of: BGNBDModel.self) { group in
            for _ in 0..<4 { group.addTask { try BGNBDFitter().fit(histories).model } }
            var result: [BGNBDModel] = []
            for try await model in group { result.append(model) }
            return result
        }
        #expect(models.count == 4 && Set(models).count == 1)
    }

    @Test("Identical histories are grouped: CDNOW's 2,357 customers need fewer likelihood rows")
    func grouping() {
        let likelihood = BGNBDLikelihood(ReferenceVectors.cdnowHistories)
        #expect(likelihood.rowCount < 2357)
        #expect(likelihood.totalWeight == 2357)
    }

    @Test("The analytic gradient matches finite differences")
    func gradient() {
        let likelihood = BGNBDLikelihood(ReferenceVectors.cdnowHistories)
        let objective = likelihood.objective(penalizer: 0.01)
        let point = [-1.2, 0.3, -0.4, 0.8]
        var gradient = [Double](repeating: 0, count: 4), unused = gradient
        _ = objective(point, &gradient)
        for j in 0..<4 {
            var up = point, down = point
            up[j] += 1e-6
            down[j] -= 1e-6
            let numeric = (objective(up, &unused) - objective(down, &unused)) / 2e-6
            #expect(abs(numeric - gradient[j]) < 1e-6 * max(1, abs(numeric)), "component \(j)")
        }
    }
}
