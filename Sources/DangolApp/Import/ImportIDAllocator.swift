import DangolCore
import DangolIdentity
import Synchronization

/// Makes the ids of the records an import creates: UUIDv7 strings like `IDGenerator`'s — 48 bits of milliseconds,
/// a 12-bit counter, random bits — but several million per second, because an import makes four or five per row.
///
/// The time comes from the injected clock once per batch; the counter keeps ids increasing within the batch (a full
/// counter moves to the next millisecond), and `floor` keeps every batch's ids above the previous batch's, so customer
/// ids still sort in creation order for cursor paging. The random bits come from a generator seeded per batch from
/// the system's random source.
struct ImportIDAllocator {
    private var millis: UInt64
    private var counter: UInt64 = 0
    private var random: SplitMix64

    /// Starts at `now`, or just after the last millisecond handed out by `floor`'s previous batch.
    init(now: Timestamp, floor: ImportIDFloor) {
        millis = floor.reserve(from: UInt64(max(0, now.rawValue)))
        var system = SystemRandomNumberGenerator()
        random = SplitMix64(seed: system.next())
        self.floor = floor
    }

    private let floor: ImportIDFloor

    /// A new lowercase UUIDv7 string.
    mutating func next() -> String {
        if counter >= 4096 {
            millis += 1
            counter = 0
            floor.raise(to: millis)
        }
        let tail = random.next()
        var bytes = [UInt8](repeating: 0, count: 16)
        for index in 0..<6 { bytes[index] = UInt8(truncatingIfNeeded: millis >> (8 * (5 - UInt64(index)))) }
        bytes[6] = 0x70 | UInt8(truncatingIfNeeded: counter >> 8)
        bytes[7] = UInt8(truncatingIfNeeded: counter)
        for index in 8..<16 { bytes[index] = UInt8(truncatingIfNeeded: tail >> (8 * UInt64(index - 8))) }
        bytes[8] = (bytes[8] & 0x3F) | 0x80
        counter += 1
        var text = [UInt8]()
        text.reserveCapacity(36)
        for (index, byte) in bytes.enumerated() {
            if index == 4 || index == 6 || index == 8 || index == 10 { text.append(UInt8(ascii: "-")) }
            text.append(Self.hexDigits[Int(byte >> 4)])
            text.append(Self.hexDigits[Int(byte & 0x0F)])
        }
        return String(decoding: text, as: UTF8.self)
    }

    /// A new customer id.
    mutating func customerID() -> CustomerID { CustomerID(next()) }

    private static let hexDigits = Array("0123456789abcdef".utf8)
}

/// The last millisecond an import's ids used, shared by its batches so that a batch's ids never sort before the
/// previous batch's even when that one ran ahead of the clock.
final class ImportIDFloor: Sendable {
    private let last = Mutex<UInt64>(0)

    /// The millisecond a new batch starts at: `now`, or one after the last one used.
    func reserve(from now: UInt64) -> UInt64 {
        last.withLock { value in
            value = max(now, value + 1)
            return value
        }
    }

    /// Records that a batch moved on to `millis`.
    func raise(to millis: UInt64) {
        last.withLock { $0 = max($0, millis) }
    }
}
