import DangolApp
import DangolCore
import Synchronization

/// A clock for tests: starts at a fixed moment (2026-11-22T00:00:00Z) and advances one millisecond per reading, so
/// every event has a distinct, predictable time. `advance(by:)` jumps ahead.
public final class TestClock: DangolClock, Sendable {
    private let current: Mutex<Int64>

    public init(start: Timestamp = Timestamp(rawValue: 1_795_305_600_000)) {
        current = Mutex(start.rawValue)
    }

    public func now() -> Timestamp {
        current.withLock { value in
            value += 1
            return Timestamp(rawValue: value)
        }
    }

    /// Moves the clock forward.
    public func advance(byMilliseconds milliseconds: Int64) {
        current.withLock { $0 += milliseconds }
    }
}
