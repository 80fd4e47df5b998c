import DangolCore
import SQLKit

extension AnalyticsRepository {
    /// Records the start of a refresh run.
    public func insertRun(_ run: AnalyticsRunRecord, on db: any SQLDatabase) async throws {
        try await db.raw("""
            INSERT INTO analytics_runs (id, started_at, finished_at, status, trigger, customers, equity_total, report, error)
            VALUES (\(bind: run.id), \(bind: run.startedAt.rawValue), \(bind: run.finishedAt?.rawValue), \(bind: run.status),
            \(bind: run.trigger), \(bind: Int64(run.customers)), \(bind: run.equityTotal), \(bind: run.report), \(bind: run.error))
            """).run()
    }

    /// Records how a run ended.
    public func finishRun(_ run: AnalyticsRunRecord, on db: any SQLDatabase) async throws {
        try await db.raw("""
            UPDATE analytics_runs SET finished_at = \(bind: run.finishedAt?.rawValue), status = \(bind: run.status),
            customers = \(bind: Int64(run.customers)), equity_total = \(bind: run.equityTotal), report = \(bind: run.report),
            error = \(bind: run.error) WHERE id = \(bind: run.id)
            """).run()
    }

    /// The latest run that succeeded, or nil.
    public func latestSucceededRun(on db: any SQLDatabase) async throws -> AnalyticsRunRecord? {
        try await runs(where: "status = 'succeeded'", limit: 1, on: db).first
    }

    /// The start time of the latest run of any status (the schedule's memory), or nil.
    public func latestRunStart(on db: any SQLDatabase) async throws -> Timestamp? {
        try await db.raw("SELECT MAX(started_at) AS at FROM analytics_runs").first()?
            .decode(column: "at", as: Int64?.self).map(Timestamp.init(rawValue:))
    }

    /// The latest `limit` runs that succeeded, newest first (equity over time).
    public func succeededRuns(limit: Int, on db: any SQLDatabase) async throws -> [AnalyticsRunRecord] {
        try await runs(where: "status = 'succeeded'", limit: limit, on: db)
    }

    private func runs(where condition: SQLQueryString, limit: Int, on db: any SQLDatabase) async throws -> [AnalyticsRunRecord] {
        try await db.raw("""
            SELECT id, started_at, finished_at, status, trigger, customers, equity_total, report, error FROM analytics_runs
            WHERE \(condition) ORDER BY started_at DESC, id DESC LIMIT \(literal: limit)
            """).all().map { row in
            AnalyticsRunRecord(
                id: try row.decode(column: "id", as: String.self),
                startedAt: Timestamp(rawValue: try row.decode(column: "started_at", as: Int64.self)),
                finishedAt: try row.decode(column: "finished_at", as: Int64?.self).map(Timestamp.init(rawValue:)),
                status: try row.decode(column: "status", as: String.self), trigger: try row.decode(column: "trigger", as: String.self),
                customers: Int(try row.decode(column: "customers", as: Int64.self)),
                equityTotal: try row.decode(column: "equity_total", as: Double?.self),
                report: try row.decode(column: "report", as: String?.self), error: try row.decode(column: "error", as: String?.self))
        }
    }
}
