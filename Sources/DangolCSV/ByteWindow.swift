/// A growable run of bytes that is consumed from the front and filled at the back, like a ring that is straightened
/// out when it needs room. Positions handed out are only good until the next `reserveTail`.
final class ByteWindow {
    private var base: UnsafeMutableRawPointer
    private var capacity: Int
    private var start = 0
    private var end = 0

    init(capacity: Int) {
        self.capacity = max(capacity, 16)
        base = UnsafeMutableRawPointer.allocate(byteCount: self.capacity, alignment: 16)
    }

    deinit {
        base.deallocate()
    }

    /// How many bytes are held.
    var count: Int { end - start }

    /// The bytes held.
    var bytes: UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(start: (base + start).assumingMemoryBound(to: UInt8.self), count: end - start)
    }

    /// Forgets the first `count` bytes.
    func dropFirst(_ count: Int) {
        start += count
        if start == end {
            start = 0
            end = 0
        }
    }

    /// Room for at least `count` more bytes after the held ones; `commitTail` then says how many were written.
    func reserveTail(_ count: Int) -> UnsafeMutableRawBufferPointer {
        if capacity - end < count {
            let held = end - start
            if held + count <= capacity {
                // Straighten out: moving the held bytes (usually a partial record) is cheap.
                base.copyMemory(from: base + start, byteCount: held)
            } else {
                // Grow at least twofold so a long record is copied a logarithmic number of times.
                let newCapacity = max(capacity * 2, held + count)
                let newBase = UnsafeMutableRawPointer.allocate(byteCount: newCapacity, alignment: 16)
                newBase.copyMemory(from: base + start, byteCount: held)
                base.deallocate()
                base = newBase
                capacity = newCapacity
            }
            start = 0
            end = held
        }
        return UnsafeMutableRawBufferPointer(start: base + end, count: capacity - end)
    }

    /// Adds `count` bytes written into the space from `reserveTail`.
    func commitTail(_ count: Int) {
        end += count
    }
}
