import DangolCore
import DangolStore
import SQLKit

/// Runs the nightly refresh when it is due, once across every server sharing the database: on PostgreSQL under an
/// advisory lock, checking again under the lock that no other server has run it since the due moment.
///
/// The server calls ``runIfDue()`` every minute (`AnalyticsRefreshLoop`); tests call it with a test clock.
public struct AnalyticsScheduler: Sendable {
    public let refresh: AnalyticsRefreshService
    public let schedule: AnalyticsSchedule
    /// When this server started (a fresh server waits for the next scheduled moment).
    public let serverStart: Timestamp

    public init(refresh: AnalyticsRefreshService, schedule: AnalyticsSchedule, serverStart: Timestamp) {
        self.refresh = refresh
        self.schedule = schedule
        self.serverStart = serverStart
    }

    /// Runs the refresh if due; nil if it was not due or another server holds the lock.
    public func runIfDue() async throws(DangolError) -> AnalyticsRefreshService.Outcome? {
        let services = refresh.services
        let repository = AnalyticsRepository()
        let now = services.clock.now()
        let lastStart = try await services.read { db in try await repository.latestRunStart(on: db) }
        guard schedule.isDue(now: now, lastRunStart: lastStart, serverStart: serverStart) else { return nil }
        guard services.database.engine == .postgres else { return try await refresh.refresh(trigger: "schedule") }
        // PostgreSQL: a session lock held on one pooled connection for the whole run; the refresh itself works on
        // other connections. The connection's end (a crash) releases the lock.
        let schedule = self.schedule, serverStart = self.serverStart, refresh = self.refresh
        return try await services.read { db -> AnalyticsRefreshService.Outcome? in
            guard try await repository.tryLock(on: db) else { return nil }
            do {
                let latest = try await repository.latestRunStart(on: db)
                guard schedule.isDue(now: now, lastRunStart: latest, serverStart: serverStart) else {
                    try await repository.unlock(on: db)
                    return nil
                }
                let outcome = try await refresh.refresh(trigger: "schedule")
                try await repository.unlock(on: db)
                return outcome
            } catch {
                try? await repository.unlock(on: db)
                throw error
            }
        }
    }
}
