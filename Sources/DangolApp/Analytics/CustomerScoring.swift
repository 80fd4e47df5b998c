import DangolAnalytics
import DangolCore

/// Scores a customer base with the models of DangolAnalytics — the one scoring path of the nightly refresh and of
/// the standalone analysis, so both give the same numbers on the same purchases.
///
/// 1. Fit BG/NBD on (x, t_x, T) in days, then Gamma–Gamma on the repeat buyers' mean repeat spend.
/// 2. Per customer: P(alive), expected purchases within the horizon, expected spend (× expected spend per
///    purchase), lifetimes' CLV of spend over the horizon's months, and the margin CLV.
/// 3. RFM scores and segments over the whole base; the value matrix (current = margin to date, future = margin CLV);
///    churn risk from P(alive) and the customer's own rhythm; Pareto of revenue and margin; equity = Σ margin CLV.
///
/// Fallbacks, never NaN: when BG/NBD cannot be fitted (too few customers, no repeat buyer, no observation time, no
/// convergence) every model value is nil, the value quadrant is nil, and churn risk uses the rhythm signal only;
/// when only Gamma–Gamma fails, P(alive) and expected purchases remain and spend and CLV are nil. Each fallback is
/// recorded in ``AnalyticsReport/fallbacks``. RFM, historical value and Pareto never depend on the models.
public struct CustomerScoring: Sendable {
    public var settings: AnalyticsSettings

    public init(settings: AnalyticsSettings) { self.settings = settings }

    /// Scores `summaries` (one per customer, all with the same observation end, in days) with their historical values.
    public func score(
        _ summaries: [CustomerSummary], historicalValues: [Double], observationEndDay: Int, timings: inout AnalyticsReport.Timings
    ) throws(DangolError) -> (scores: [CustomerScore], report: AnalyticsReport) {
        guard summaries.count == historicalValues.count else { throw DangolError(.invalidInput, "Summaries and values differ in length.") }
        var fallbacks: [String] = []
        let clock = ContinuousClock()
        let fitStart = clock.now
        var fit: BGNBDFit?
        var spendFit: GammaGammaFitter.Fit?
        let histories: PurchaseHistories
        do throws(AnalyticsError) {
            histories = try PurchaseHistories(summaries, unit: .days)
        } catch {
            throw DangolError(.invalidInput, "The purchase summaries are inconsistent: \(error.message)")
        }
        do throws(AnalyticsError) {
            fit = try BGNBDFitter().fit(histories)
        } catch {
            fallbacks.append("bgnbd: \(error.code) — \(error.message)")
        }
        if fit != nil {
            do throws(AnalyticsError) {
                spendFit = try GammaGammaFitter().fit(summaries)
            } catch {
                fallbacks.append("gamma_gamma: \(error.code) — \(error.message)")
            }
        }
        timings.fitSeconds = (clock.now - fitStart).seconds
        let scoringStart = clock.now
        let predictions = predict(histories, summaries, fit?.model, spendFit?.model, fallbacks: &fallbacks)
        var rfm: [RFMScore]
        do throws(AnalyticsError) {
            rfm = try RFMScorer().scores(of: summaries.map(RFMScorer.Input.init))
        } catch {
            throw DangolError(.invalidInput, "RFM scoring failed: \(error.message)")
        }
        let margins = summaries.map { Double($0.marginToDate) }
        var matrix: ValueMatrix?
        if fit != nil, spendFit != nil, !summaries.isEmpty {
            let rows = summaries.indices.map {
                ValueMatrix.Customer(customerID: summaries[$0].customerID, currentValue: margins[$0],
                                     futureValue: predictions.clv[$0] ?? 0)
            }
            do throws(AnalyticsError) {
                matrix = try ValueMatrix(customers: rows, current: settings.currentValueThreshold, future: settings.futureValueThreshold)
            } catch {
                fallbacks.append("value_matrix: \(error.code) — \(error.message)")
            }
        }
        let typical = ChurnRiskRules.typicalInterval(of: summaries)
        var scores: [CustomerScore] = []
        scores.reserveCapacity(summaries.count)
        for index in summaries.indices {
            let alive = predictions.alive[index]
            let churn: ChurnRisk
            do throws(AnalyticsError) {
                churn = try settings.churnRules.assess(summaries[index], probabilityAlive: alive ?? 1, typicalIntervalDays: typical)
            } catch {
                throw DangolError(.invalidInput, "Churn scoring failed: \(error.message)")
            }
            scores.append(CustomerScore(
                summary: summaries[index], historicalValue: historicalValues[index].isFinite ? historicalValues[index] : 0,
                probabilityAlive: alive, expectedPurchases: predictions.purchases[index], expectedSpend: predictions.spend[index],
                clvRevenue: predictions.clvRevenue[index], clv: predictions.clv[index], rfm: rfm[index],
                valueQuadrant: matrix?.quadrants[index], churn: churn))
        }
        let report = makeReport(scores, fit: fit, spendFit: spendFit, matrix: matrix, observationEndDay: observationEndDay,
                                fallbacks: &fallbacks, timings: timings)
        timings.scoringSeconds = (clock.now - scoringStart).seconds
        var finished = report
        finished.timings = timings
        return (scores, finished)
    }

    /// Per-customer model values; nil where a model is missing or a value is not finite.
    private func predict(
        _ histories: PurchaseHistories, _ summaries: [CustomerSummary], _ model: BGNBDModel?, _ spend: GammaGammaModel?,
        fallbacks: inout [String]
    ) -> (alive: [Double?], purchases: [Double?], spend: [Double?], clvRevenue: [Double?], clv: [Double?]) {
        let count = summaries.count
        let none = [Double?](repeating: nil, count: count)
        guard let model else { return (none, none, none, none, none) }
        let horizon = TimeSpan(days: Double(settings.horizonDays))
        var alive = none, purchases = none, spendValues = none, clvRevenue = none, clv = none
        for index in 0..<count {
            alive[index] = Self.finite(model.probabilityAlive(histories[index]))
            purchases[index] = Self.finite(try? model.expectedPurchases(of: histories[index], within: horizon))
        }
        guard let spend else { return (alive, purchases, none, none, none) }
        let lifetime = CustomerLifetimeValue(months: settings.clvMonths, monthlyDiscountRate: settings.monthlyDiscountRate)
        let monetary = summaries.map(\.monetaryValue)
        var values: [Double?]
        if let all = try? lifetime.values(of: histories, monetaryValues: monetary, purchases: model, spend: spend) {
            values = all.map { Self.finite($0) }
        } else {
            values = (0..<count).map {
                Self.finite(try? lifetime.value(of: histories[$0], monetaryValue: monetary[$0], purchases: model, spend: spend))
            }
        }
        var failed = 0
        for index in 0..<count {
            let profit = spend.expectedAverageProfit(frequency: summaries[index].repeatPurchaseDays, monetaryValue: monetary[index])
            spendValues[index] = purchases[index].flatMap { Self.finite($0 * profit) }
            clvRevenue[index] = values[index]
            let revenue = summaries[index].revenueToDate
            let ratio = revenue > 0 ? min(1, max(0, Double(summaries[index].marginToDate) / Double(revenue))) : 0
            clv[index] = values[index].flatMap { Self.finite($0 * ratio) }
            if values[index] == nil || purchases[index] == nil { failed += 1 }
        }
        if failed > 0 { fallbacks.append("scoring: \(failed) customers without a finite prediction (left empty)") }
        return (alive, purchases, spendValues, clvRevenue, clv)
    }

    private static func finite(_ value: Double?) -> Double? {
        guard let value, value.isFinite else { return nil }
        return value
    }
}
