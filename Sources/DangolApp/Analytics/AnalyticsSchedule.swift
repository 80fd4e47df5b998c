import DangolCore

/// When the nightly refresh is due: once a day at ``hour`` o'clock of the business time zone (default 02:00
/// Asia/Seoul). Pure: "now" and the last run are passed in, so the rule is tested at any moment without sleeping.
///
/// A run is due when the latest scheduled moment at or before now is later than both the last run's start and the
/// moment the server started — so a fresh server does not start a heavy refresh at boot, and several servers (which
/// share the record of runs) run it once.
public struct AnalyticsSchedule: Sendable, Hashable {
    /// The local hour, 0–23.
    public var hour: Int
    /// The business time zone's fixed UTC offset.
    public var utcOffsetSeconds: Int

    public init(hour: Int = 2, utcOffsetSeconds: Int = 9 * 3_600) {
        self.hour = min(23, max(0, hour))
        self.utcOffsetSeconds = utcOffsetSeconds
    }

    private static let dayMillis: Int64 = 86_400_000

    /// The latest scheduled moment at or before `now`.
    public func latestDueTime(atOrBefore now: Timestamp) -> Timestamp {
        let offset = Int64(utcOffsetSeconds) * 1_000
        let local = now.rawValue + offset
        let dayStart = local - ((local % Self.dayMillis) + Self.dayMillis) % Self.dayMillis
        var due = dayStart + Int64(hour) * 3_600_000
        if due > local { due -= Self.dayMillis }
        return Timestamp(rawValue: due - offset)
    }

    /// The first scheduled moment after `now`.
    public func nextDueTime(after now: Timestamp) -> Timestamp {
        Timestamp(rawValue: latestDueTime(atOrBefore: now).rawValue + Self.dayMillis)
    }

    /// Whether a run is due at `now`, given the last run's start (nil: none yet) and when the server started.
    public func isDue(now: Timestamp, lastRunStart: Timestamp?, serverStart: Timestamp) -> Bool {
        let due = latestDueTime(atOrBefore: now)
        return due > (lastRunStart ?? serverStart) && due > serverStart
    }
}
