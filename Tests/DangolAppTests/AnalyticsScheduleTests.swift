import DangolApp
import DangolCore
import DangolTestSupport
import Testing

@Suite("Nightly analytics schedule")
struct AnalyticsScheduleTests {
    static func utc(_ text: String) -> Timestamp { Timestamp(iso8601: text)! }

    @Test("02:00 KST is 17:00 UTC of the day before; the latest and next due moments around it")
    func dueTimes() {
        let schedule = AnalyticsSchedule(hour: 2)
        #expect(schedule.latestDueTime(atOrBefore: Self.utc("2026-11-22T00:00:00Z")) == Self.utc("2026-11-21T17:00:00Z"))
        #expect(schedule.latestDueTime(atOrBefore: Self.utc("2026-11-21T17:00:00Z")) == Self.utc("2026-11-21T17:00:00Z"))
        #expect(schedule.latestDueTime(atOrBefore: Self.utc("2026-11-21T16:59:59Z")) == Self.utc("2026-11-20T17:00:00Z"))
        #expect(schedule.nextDueTime(after: Self.utc("2026-11-22T00:00:00Z")) == Self.utc("2026-11-22T17:00:00Z"))
        #expect(AnalyticsSchedule(hour: 23).latestDueTime(atOrBefore: Self.utc("2026-11-22T13:59:00Z")) == Self.utc("2026-11-21T14:00:00Z"))
        #expect(AnalyticsSchedule(hour: 0, utcOffsetSeconds: 0).latestDueTime(atOrBefore: Self.utc("1969-12-31T12:00:00Z"))
                == Self.utc("1969-12-31T00:00:00Z"))
    }

    @Test("Due once per night, never at boot, not again after a run")
    func isDue() {
        let schedule = AnalyticsSchedule(hour: 2)
        let boot = Self.utc("2026-11-22T00:00:00Z")  // 09:00 KST
        #expect(!schedule.isDue(now: boot, lastRunStart: nil, serverStart: boot))
        #expect(!schedule.isDue(now: Self.utc("2026-11-22T16:59:00Z"), lastRunStart: nil, serverStart: boot))
        #expect(schedule.isDue(now: Self.utc("2026-11-22T17:00:00Z"), lastRunStart: nil, serverStart: boot))
        #expect(schedule.isDue(now: Self.utc("2026-11-22T17:00:00Z"), lastRunStart: Self.utc("2026-11-21T17:00:05Z"), serverStart: boot))
        #expect(!schedule.isDue(now: Self.utc("2026-11-22T18:00:00Z"), lastRunStart: Self.utc("2026-11-22T17:00:05Z"), serverStart: boot))
        // A run by hand in the afternoon does not cancel the night's run.
        #expect(schedule.isDue(now: Self.utc("2026-11-22T17:01:00Z"), lastRunStart: Self.utc("2026-11-22T06:00:00Z"), serverStart: boot))
    }

    @Test("The scheduler runs the refresh when the clock reaches 02:00, once", arguments: TestEngine.all)
    func schedulerRunsOnce(engine: TestEngine) async throws {
        let clock = TestClock()
        try await engine.withServices(clock: clock) { services in
            let scheduler = AnalyticsScheduler(refresh: AnalyticsRefreshService(services: services), schedule: AnalyticsSchedule(hour: 2),
                                               serverStart: services.clock.now())
            #expect(try await scheduler.runIfDue() == nil)
            clock.advance(byMilliseconds: 17 * 3_600_000)  // 2026-11-22T17:00Z = 02:00 KST on the 23rd
            let outcome = try await scheduler.runIfDue()
            #expect(outcome != nil)
            #expect(try await scheduler.runIfDue() == nil)
            clock.advance(byMilliseconds: 24 * 3_600_000)
            #expect(try await scheduler.runIfDue() != nil)
        }
    }
}
