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
        // Format as 8-4-4-4-12 lowercase hex in one pass, without intermediate strings.
        let digits: [UInt8] = Array("0123456789abcdef".utf8)
        return String(unsafeUninitializedCapacity: 36) { buffer in
            var position = 0
            for (index, byte) in bytes.enumerated() {
                if index == 4 || index == 6 || index == 8 || index == 10 {
                    buffer[position] = UInt8(ascii: "-")
                    position += 1
                }
                buffer[position] = digits[Int(byte >> 4)]
                buffer[position + 1] = digits[Int(byte & 0x0F)]
                position += 2
            }
            return position
        }
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
