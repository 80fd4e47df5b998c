import DangolAnalytics
import DangolCore

extension CustomerScoring {
    /// The business-level report of scored customers.
    func makeReport(
        _ scores: [CustomerScore], fit: BGNBDFit?, spendFit: GammaGammaFitter.Fit?, matrix: ValueMatrix?, observationEndDay: Int,
        fallbacks: inout [String], timings: AnalyticsReport.Timings
    ) -> AnalyticsReport {
        func pareto(_ name: String, _ values: [Double]) -> ParetoAnalysis? {
            guard !values.isEmpty else { return nil }
            do throws(AnalyticsError) {
                return try ParetoAnalysis(values: values, lorenzPointCount: 21)
            } catch {
                fallbacks.append("pareto_\(name): \(error.code) — \(error.message)")
                return nil
            }
        }
        var segments: [String: Int] = [:], bands: [String: Int] = [:]
        for score in scores {
            segments[score.rfm.segment.rawValue, default: 0] += 1
            bands[Self.bandName(score.churn.band), default: 0] += 1
        }
        var equity: Double?
        if spendFit != nil {
            // Neumaier's compensated sum, so that a million terms add up to the last cent whatever their order.
            var sum = 0.0, compensation = 0.0
            for value in scores.compactMap(\.clv) {
                let next = sum + value
                compensation += abs(sum) >= abs(value) ? (sum - next) + value : (value - next) + sum
                sum = next
            }
            equity = sum + compensation
        }
        let matrixCounts = matrix.map { matrix in
            AnalyticsReport.ValueMatrixCounts(
                currentThreshold: matrix.currentThreshold, futureThreshold: matrix.futureThreshold,
                counts: Dictionary(uniqueKeysWithValues: matrix.counts.map { ($0.key.rawValue, $0.value) }))
        }
        return AnalyticsReport(
            observationEnd: CivilDate(daysSinceEpoch: observationEndDay).iso8601, currency: settings.currency, timeUnit: "days",
            horizonDays: settings.horizonDays, clvMonths: settings.clvMonths, annualDiscountRate: settings.annualDiscountRate,
            monthlyDiscountRate: settings.monthlyDiscountRate, modelVersion: AnalyticsSettings.modelVersion,
            customers: scores.count, repeatBuyers: scores.filter { $0.summary.repeatPurchaseDays > 0 }.count,
            bgnbd: fit, gammaGamma: spendFit,
            paretoRevenue: pareto("revenue", scores.map { Double($0.summary.revenueToDate) }),
            paretoMargin: pareto("margin", scores.map { Double($0.summary.marginToDate) }), valueMatrix: matrixCounts,
            rfmSegments: segments, churnBands: bands, equity: equity, previousEquity: nil, fallbacks: fallbacks, timings: timings)
    }

    /// `low`, `medium` or `high`.
    static func bandName(_ band: ChurnRisk.Band) -> String {
        switch band {
        case .low: "low"
        case .medium: "medium"
        case .high: "high"
        }
    }
}
