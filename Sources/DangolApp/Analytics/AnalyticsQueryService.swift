import DangolCore
import DangolStore
import Foundation

/// Reading the analytics: one customer's scores (any role that may read customers: scores hold no personal data)
/// and the business-level summary of the latest refresh (admins, managers and analysts, like the points liability).
public struct AnalyticsQueryService: Sendable {
    public let services: AppServices

    public init(services: AppServices) { self.services = services }

    /// The customer's scores; `notFound` for an unknown customer, nil before a refresh has scored them.
    public func scores(of id: CustomerID, for principal: Principal) async throws(DangolError) -> CustomerScoresView? {
        try principal.require(scope: "customers:read")
        let record = try await services.read { db in
            guard try await CustomerRepository().find(id, on: db) != nil else { throw DangolError.notFound("The customer") }
            return try await AnalyticsRepository().scores(of: id, on: db)
        }
        return record.map(CustomerScoresView.init)
    }

    /// The latest successful refresh and the equity of recent runs.
    public struct Summary: Codable, Sendable, Hashable {
        public var runId: String
        public var startedAt: Timestamp
        public var finishedAt: Timestamp?
        public var trigger: String
        public var report: AnalyticsReport
        /// Customer equity of the latest successful runs, newest first.
        public var equityHistory: [EquityPoint]
    }

    /// Equity at one run.
    public struct EquityPoint: Codable, Sendable, Hashable {
        public var at: Timestamp
        public var customers: Int
        public var equity: Double?
    }

    /// The summary; `notFound` before the first successful refresh.
    public func summary(for principal: Principal) async throws(DangolError) -> Summary {
        guard principal.role != .agent else {
            throw DangolError(.forbidden, "The analytics summary is for admins, managers and analysts.")
        }
        try principal.require(scope: "customers:read")
        let runs = try await services.read { db in try await AnalyticsRepository().succeededRuns(limit: 30, on: db) }
        guard let latest = runs.first, let text = latest.report,
              let report = try? JSONDecoder().decode(AnalyticsReport.self, from: Data(text.utf8)) else {
            throw DangolError.notFound("An analytics refresh")
        }
        return Summary(runId: latest.id, startedAt: latest.startedAt, finishedAt: latest.finishedAt, trigger: latest.trigger,
                       report: report,
                       equityHistory: runs.map { EquityPoint(at: $0.startedAt, customers: $0.customers, equity: $0.equityTotal) })
    }
}
