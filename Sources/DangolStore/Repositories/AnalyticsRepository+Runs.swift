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

    /// Records how a run ended, with its equity change when it has one.
    public func finishRun(_ run: AnalyticsRunRecord, on db: any SQLDatabase) async throws {
        let change = run.equityChange
        try await db.raw("""
            UPDATE analytics_runs SET finished_at = \(bind: run.finishedAt?.rawValue), status = \(bind: run.status),
            customers = \(bind: Int64(run.customers)), equity_total = \(bind: run.equityTotal), report = \(bind: run.report),
            error = \(bind: run.error), previous_run_id = \(bind: run.previousRunID), equity_acquisition = \(bind: change?.acquisition),
            equity_growth = \(bind: change?.growth), equity_loss = \(bind: change?.loss),
            acquired_customers = \(bind: change.map { Int64($0.acquiredCustomers) }),
            retained_customers = \(bind: change.map { Int64($0.retainedCustomers) }),
            lost_customers = \(bind: change.map { Int64($0.lostCustomers) }) WHERE id = \(bind: run.id)
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

    /// The latest `limit` runs that succeeded, newest first, without their reports (the equity history reads many).
    public func succeededRunsWithoutReports(limit: Int, on db: any SQLDatabase) async throws -> [AnalyticsRunRecord] {
        try await runs(where: "status = 'succeeded'", limit: limit, withReports: false, on: db)
    }

    private func runs(where condition: SQLQueryString, limit: Int, withReports: Bool = true,
                      on db: any SQLDatabase) async throws -> [AnalyticsRunRecord] {
        try await db.raw("""
            SELECT id, started_at, finished_at, status, trigger, customers, equity_total, \(unsafeRaw: withReports ? "report" : "NULL AS report"),
            error, previous_run_id,
            equity_acquisition, equity_growth, equity_loss, acquired_customers, retained_customers, lost_customers FROM analytics_runs
            WHERE \(condition) ORDER BY started_at DESC, id DESC LIMIT \(literal: limit)
            """).all().map { row in
            var change: AnalyticsRunRecord.EquityChange?
            if let acquisition = try row.decode(column: "equity_acquisition", as: Double?.self),
               let growth = try row.decode(column: "equity_growth", as: Double?.self),
               let loss = try row.decode(column: "equity_loss", as: Double?.self) {
                func count(_ column: String) throws -> Int { Int(try row.decode(column: column, as: Int64?.self) ?? 0) }
                change = AnalyticsRunRecord.EquityChange(
                    acquisition: acquisition, growth: growth, loss: loss, acquiredCustomers: try count("acquired_customers"),
                    retainedCustomers: try count("retained_customers"), lostCustomers: try count("lost_customers"))
            }
            return AnalyticsRunRecord(
                id: try row.decode(column: "id", as: String.self),
                startedAt: Timestamp(rawValue: try row.decode(column: "started_at", as: Int64.self)),
                finishedAt: try row.decode(column: "finished_at", as: Int64?.self).map(Timestamp.init(rawValue:)),
                status: try row.decode(column: "status", as: String.self), trigger: try row.decode(column: "trigger", as: String.self),
                customers: Int(try row.decode(column: "customers", as: Int64.self)),
                equityTotal: try row.decode(column: "equity_total", as: Double?.self),
                report: try row.decode(column: "report", as: String?.self), error: try row.decode(column: "error", as: String?.self),
                previousRunID: try row.decode(column: "previous_run_id", as: String?.self), equityChange: change)
        }
    }
}
