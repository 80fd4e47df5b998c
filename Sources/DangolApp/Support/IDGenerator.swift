import DangolCore

/// Makes time-ordered UUIDv7 strings: 48 bits of milliseconds, then random bits. Ids made later sort later (to the
/// millisecond), which makes them usable as paging cursors; within one millisecond a counter keeps them increasing.
public final class IDGenerator: Sendable {
    private let clock: any DangolClock
    private let state = LockedState()

    public init(clock: any DangolClock) { self.clock = clock }

    /// A new lowercase UUIDv7 string.
    public func next() -> String {
        let millis = UInt64(max(0, clock.now().rawValue))
        let (time, counter) = state.advance(millis: millis)
        var bytes = [UInt8](repeating: 0, count: 16)
        for index in 0..<6 { bytes[index] = UInt8(truncatingIfNeeded: time >> (8 * (5 - UInt64(index)))) }
        // 12 bits of counter in rand_a keep ids monotonic within a millisecond.
        bytes[6] = 0x70 | UInt8(truncatingIfNeeded: (counter >> 8) & 0x0F)
        bytes[7] = UInt8(truncatingIfNeeded: counter)
        var random = SystemRandomNumberGenerator()
        let tail = random.next() as UInt64
        for index in 8..<16 { bytes[index] = UInt8(truncatingIfNeeded: tail >> (8 * UInt64(index - 8))) }
        bytes[8] = (bytes[8] & 0x3F) | 0x80
        let hex = bytes.map { byte in
            let digits = Array("0123456789abcdef")
            return String([digits[Int(byte >> 4)], digits[Int(byte & 0x0F)]])
        }.joined()
        let characters = Array(hex)
        return String(characters[0..<8]) + "-" + String(characters[8..<12]) + "-" + String(characters[12..<16]) + "-"
            + String(characters[16..<20]) + "-" + String(characters[20..<32])
    }

    /// A new customer id.
    public func customerID() -> CustomerID { CustomerID(next()) }
}

import Synchronization

private final class LockedState: Sendable {
    private let value = Mutex<(lastMillis: UInt64, counter: UInt64)>((0, 0))

    func advance(millis: UInt64) -> (UInt64, UInt64) {
        value.withLock { state in
            if millis > state.lastMillis {
                state = (millis, UInt64.random(in: 0..<256))
            } else {
                state.counter += 1
                if state.counter >= 4096 { state = (state.lastMillis + 1, 0) }
            }
            return (state.lastMillis, state.counter)
        }
    }
}
