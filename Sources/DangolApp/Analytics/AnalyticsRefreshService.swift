import DangolAnalytics
import DangolCore
import DangolStore
import Foundation
import SQLKit

/// The analytics refresh (분석 갱신): purchase totals per customer from SQL in keyset batches → BG/NBD and
/// Gamma–Gamma fitted in days → every customer scored (``CustomerScoring``) → `customer_scores` rewritten in
/// batches into a staging table → the next-best-product model (association rules over customer baskets, in SQL) →
/// the change of equity since the previous successful run split into acquisition, growth and loss (in SQL, staging
/// table against `customer_scores`) → the staging table swapped in → the run recorded in `analytics_runs` with its
/// report and the customer equity.
///
/// The observation end is today in the business time zone; transactions in other currencies than
/// ``AnalyticsSettings/currency`` are left out. Scores of customers no longer scored (deleted, merged, refunded in
/// full) are removed at the end. A failure records the run as failed and leaves the previous scores as they were.
public struct AnalyticsRefreshService: Sendable {
    public let services: AppServices
    public var settings: AnalyticsSettings

    public init(services: AppServices, settings: AnalyticsSettings = AnalyticsSettings()) {
        self.services = services
        self.settings = settings
    }

    /// Progress of a refresh, for a progress line.
    public struct Progress: Sendable {
        /// `summaries`, `scoring`, `writing`, `associations` or `equity`.
        public var phase: String
        public var customers: Int
        public var elapsedSeconds: Double
    }

    /// What a refresh did.
    public struct Outcome: Sendable {
        public var runID: String
        public var report: AnalyticsReport
        public var totalSeconds: Double
    }

    /// Runs the refresh (no lock: see ``AnalyticsScheduler`` for the cluster-safe nightly run).
    public func refresh(trigger: String, progress: @Sendable (Progress) -> Void = { _ in }) async throws(DangolError) -> Outcome {
        if let problem = settings.validate() { throw DangolError(.invalidInput, problem) }
        let clock = ContinuousClock()
        let start = clock.now
        let repository = AnalyticsRepository()
        let now = services.clock.now()
        let runID = services.ids.next()
        let stagingTable = AnalyticsRepository.stagingTable(for: runID)
        var run = AnalyticsRunRecord(id: runID, startedAt: now, status: "running", trigger: trigger)
        try await services.transaction { db in try await repository.insertRun(run, on: db) }
        do throws(DangolError) {
            let dayMillis: Int64 = 86_400_000
            let offset = Int64(settings.utcOffsetSeconds) * 1_000
            let endDay = Int((now.rawValue + offset) / dayMillis)
            var timings = AnalyticsReport.Timings()
            let (summaries, values) = try await loadSummaries(endDay: endDay, progress: { customers in
                progress(Progress(phase: "summaries", customers: customers, elapsedSeconds: (clock.now - start).seconds))
            })
            timings.summarySeconds = (clock.now - start).seconds
            progress(Progress(phase: "scoring", customers: summaries.count, elapsedSeconds: (clock.now - start).seconds))
            var (scores, report) = try CustomerScoring(settings: settings)
                .score(summaries, historicalValues: values, observationEndDay: endDay, timings: &timings)
            let writeStart = clock.now
            let computedAt = services.clock.now()
            // Scores go to a staging table swapped in at the end (see AnalyticsRepository+Staging).
            try await services.transaction { db in try await repository.createStaging(stagingTable, on: db) }
            // Batch k + 1 is turned into rows on another thread while batch k is written.
            let batches = stride(from: 0, to: scores.count, by: settings.batchSize).map {
                $0..<min($0 + settings.batchSize, scores.count)
            }
            let allScores = scores
            scores.removeAll()
            let encode: @Sendable (Range<Int>) -> AnalyticsRepository.EncodedScores = { [self] range in
                AnalyticsRepository.encodeScores(allScores[range].map {
                    record(of: $0, runID: runID, computedAt: computedAt, endDay: endDay)
                })
            }
            var written = 0
            var next = batches.first.map { range in Task(priority: .low) { encode(range) } }
            for index in batches.indices {
                guard let current = next else { break }
                let rows = await current.value
                next = index + 1 < batches.count ? Task(priority: .low) { [range = batches[index + 1]] in encode(range) } : nil
                try await services.transaction { db in
                    try await repository.writeScores(rows, into: stagingTable, on: db)
                }
                written += rows.count
                progress(Progress(phase: "writing", customers: written, elapsedSeconds: (clock.now - start).seconds))
            }
            report.timings.writingSeconds = (clock.now - writeStart).seconds
            progress(Progress(phase: "associations", customers: written, elapsedSeconds: (clock.now - start).seconds))
            let associationStart = clock.now
            report.associations = try await writeAssociations(runID: runID, buyers: summaries.map(\.customerID), endDay: endDay)
            report.timings.associationSeconds = (clock.now - associationStart).seconds
            let previous = try await services.read { db in try await repository.latestSucceededRun(on: db) }
            report.previousEquity = previous?.equityTotal
            run.status = "succeeded"
            run.customers = report.customers
            run.equityTotal = report.equity
            try await services.transaction { db in try await repository.finishStaging(stagingTable, on: db) }
            // `customer_scores` still holds the previous successful run's scores: compare before the swap.
            progress(Progress(phase: "equity", customers: written, elapsedSeconds: (clock.now - start).seconds))
            if let previous, let before = previous.equityTotal, let after = report.equity {
                let equityStart = clock.now
                let change = try await services.read { db in try await repository.equityChange(staging: stagingTable, on: db) }
                report.timings.equitySeconds = (clock.now - equityStart).seconds
                run.previousRunID = previous.id
                run.equityChange = change
                report.equityChange = CustomerEquityChange(
                    before: before, after: after, acquisition: change.acquisition, retainedGrowth: change.growth,
                    retentionLoss: change.loss, acquiredCount: change.acquiredCustomers, retainedCount: change.retainedCustomers,
                    lostCount: change.lostCustomers)
            }
            run.finishedAt = services.clock.now()
            run.report = try Self.json(report)
            let finished = run
            try await services.transaction { db in
                try await repository.swapInStaging(stagingTable, on: db)
                try await repository.deleteAssociations(notFrom: runID, on: db)
                try await repository.finishRun(finished, on: db)
            }
            return Outcome(runID: runID, report: report, totalSeconds: (clock.now - start).seconds)
        } catch {
            try? await services.transaction { db in
                try await repository.dropStaging(stagingTable, on: db)
                try await repository.deleteAssociations(of: runID, on: db)
            }
            run.status = "failed"
            run.finishedAt = services.clock.now()
            run.error = "\(error.code): \(error.message)"
            let failed = run
            try? await services.transaction { db in try await repository.finishRun(failed, on: db) }
            throw error
        }
    }

    /// Purchase totals of every live customer, one SQL batch of ``AnalyticsSettings/batchSize`` customers at a time.
    func loadSummaries(endDay: Int, progress: (Int) -> Void) async throws(DangolError) -> ([CustomerSummary], [Double]) {
        let repository = AnalyticsRepository()
        let dayMillis: Int64 = 86_400_000
        let offset = Int64(settings.utcOffsetSeconds) * 1_000
        let end = Timestamp(rawValue: Int64(endDay + 1) * dayMillis - offset)
        var summaries: [CustomerSummary] = [], values: [Double] = []
        var after: String?
        while true {
            let settings = self.settings, cursor = after
            let (through, totals) = try await services.read { db in
                let through = try await repository.batchEnd(after: cursor, size: settings.batchSize, on: db)
                let totals = try await repository.purchaseTotals(
                    after: cursor, through: through, end: end, endDay: endDay, utcOffsetSeconds: settings.utcOffsetSeconds,
                    currency: settings.currency, dailyGrowth: settings.dailyGrowth, on: db)
                return (through, totals)
            }
            for total in totals {
                summaries.append(CustomerSummary(
                    customerID: total.customerID, firstPurchaseDay: total.firstPurchaseDay, lastPurchaseDay: total.lastPurchaseDay,
                    observationEndDay: endDay, repeatPurchaseDays: total.repeatPurchaseDays,
                    monetaryValue: total.repeatPurchaseDays > 0 ? Double(total.repeatAmountMinor) / Double(total.repeatPurchaseDays) : 0,
                    revenueToDate: total.revenueMinor, marginToDate: total.marginMinor,
                    purchasesWithoutCost: total.transactionsWithoutCost))
                values.append(total.marginPresentValue)
            }
            progress(summaries.count)
            guard let through else { break }
            after = through
        }
        return (summaries, values)
    }

    private func record(of score: CustomerScore, runID: String, computedAt: Timestamp, endDay: Int) -> CustomerScoreRecord {
        let summary = score.summary
        return CustomerScoreRecord(
            customerID: CustomerID(summary.customerID), runID: runID, computedAt: computedAt,
            modelVersion: AnalyticsSettings.modelVersion, currency: settings.currency, observationEndDay: endDay,
            firstPurchaseDay: summary.firstPurchaseDay, lastPurchaseDay: summary.lastPurchaseDay,
            frequency: summary.repeatPurchaseDays, recencyDays: summary.recencyDays, ageDays: summary.ageDays,
            monetary: summary.monetaryValue, revenueMinor: summary.revenueToDate, marginMinor: summary.marginToDate,
            historicalValue: score.historicalValue, horizonDays: settings.horizonDays, probabilityAlive: score.probabilityAlive,
            expectedPurchases: score.expectedPurchases, expectedSpend: score.expectedSpend, clvRevenue: score.clvRevenue,
            clv: score.clv, rfmRecency: score.rfm.recency, rfmFrequency: score.rfm.frequency, rfmMonetary: score.rfm.monetary,
            rfmSegment: score.rfm.segment.rawValue, valueQuadrant: score.valueQuadrant?.rawValue,
            churnBand: CustomerScoring.bandName(score.churn.band), churnFactors: score.churnFactorsJSON)
    }

    /// The report as JSON with sorted keys (the scoring never produces a non-finite number; encoding would fail).
    static func json(_ report: AnalyticsReport) throws(DangolError) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        do {
            return String(decoding: try encoder.encode(report), as: UTF8.self)
        } catch {
            throw DangolError(.unavailable, "The analytics report could not be encoded.")
        }
    }
}
