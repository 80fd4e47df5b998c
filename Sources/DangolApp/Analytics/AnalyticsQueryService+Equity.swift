import DangolCore
import DangolStore
import Foundation

extension AnalyticsQueryService {
    /// Customer equity over the latest successful refreshes, newest first, each with how it moved since the refresh
    /// before it. Money in minor units of ``currency``.
    public struct EquityHistory: Codable, Sendable, Hashable {
        /// The currency of the latest refresh; nil before the first.
        public var currency: String?
        /// Newest first.
        public var items: [EquityRun]
    }

    /// Equity at one refresh.
    public struct EquityRun: Codable, Sendable, Hashable {
        /// The refresh.
        public var runId: String
        /// When it started.
        public var at: Timestamp
        /// Customers it scored.
        public var customers: Int
        /// Σ margin CLV; nil when the run could not fit the models.
        public var equity: Double?
        /// The refresh the change is measured against.
        public var previousRunId: String?
        /// Nil for the first refresh or when either refresh had no equity.
        public var change: EquityChange?
    }

    /// `equity − before = acquisition + valueGrowth − retentionLoss` (to rounding).
    public struct EquityChange: Codable, Sendable, Hashable {
        /// Equity of the previous refresh.
        public var before: Double
        /// Equity of this refresh.
        public var after: Double
        /// after − before.
        public var net: Double
        /// CLV of customers scored now but not before (new customers).
        public var acquisition: Double
        /// Σ (CLV now − CLV before) of customers scored both times.
        public var valueGrowth: Double
        /// The earlier CLV of customers no longer scored (lost customers).
        public var retentionLoss: Double
        /// New customers.
        public var acquiredCustomers: Int
        /// Customers scored both times.
        public var retainedCustomers: Int
        /// Customers no longer scored.
        public var lostCustomers: Int
    }

    /// The latest `limit` (1–365) successful refreshes' equity and its decomposition (admins, managers, analysts).
    public func equityHistory(limit: Int, for principal: Principal) async throws(DangolError) -> EquityHistory {
        guard principal.role != .agent else {
            throw DangolError(.forbidden, "The analytics summary is for admins, managers and analysts.")
        }
        try principal.require(scope: "customers:read")
        guard (1...365).contains(limit) else { throw DangolError.invalid(field: "limit", code: "range", "limit is 1–365.") }
        let repository = AnalyticsRepository()
        let (runs, latest) = try await services.read { db in
            // One more than shown: the oldest shown run's predecessor gives its `before`.
            (try await repository.succeededRunsWithoutReports(limit: limit + 1, on: db), try await repository.latestSucceededRun(on: db))
        }
        let currency = latest?.report.flatMap { try? JSONDecoder().decode(AnalyticsReport.self, from: Data($0.utf8)) }?.currency
        var equityByRun: [String: Double] = [:]
        for run in runs { equityByRun[run.id] = run.equityTotal }
        let items = runs.prefix(limit).map { run in
            let change = run.equityChange.flatMap { parts -> EquityChange? in
                guard let after = run.equityTotal else { return nil }
                let before = run.previousRunID.flatMap { equityByRun[$0] } ?? after - (parts.acquisition + parts.growth - parts.loss)
                return EquityChange(before: before, after: after, net: after - before, acquisition: parts.acquisition,
                                    valueGrowth: parts.growth, retentionLoss: parts.loss, acquiredCustomers: parts.acquiredCustomers,
                                    retainedCustomers: parts.retainedCustomers, lostCustomers: parts.lostCustomers)
            }
            return EquityRun(runId: run.id, at: run.startedAt, customers: run.customers, equity: run.equityTotal,
                             previousRunId: run.previousRunID, change: change)
        }
        return EquityHistory(currency: currency, items: Array(items))
    }
}
