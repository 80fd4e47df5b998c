import DangolApp
import DangolCore
import DangolTestSupport
import Testing

@Suite("Time-ordered ids")
struct IDGeneratorTests {
    @Test("Ids are lowercase UUIDv7 strings that sort in creation order, also within one millisecond")
    func shapeAndOrder() {
        let clock = FixedClock(Timestamp(rawValue: 1_795_305_600_123))
        let generator = IDGenerator(clock: clock)
        let ids = (0..<1000).map { _ in generator.next() }
        for id in ids {
            #expect(CustomerID.isWellFormed(id))
            let characters = Array(id)
            #expect([characters[8], characters[13], characters[18], characters[23]] == ["-", "-", "-", "-"])
            #expect(characters[14] == "7")
            #expect("89ab".contains(characters[19]))
        }
        // The first 48 bits are the milliseconds since the epoch.
        #expect(ids[0].hasPrefix(String(1_795_305_600_123, radix: 16).leftPadded(to: 12).prefix(8)))
        #expect(ids == ids.sorted())
        #expect(Set(ids).count == ids.count)
    }
}

private struct FixedClock: DangolClock {
    let value: Timestamp
    init(_ value: Timestamp) { self.value = value }
    func now() -> Timestamp { value }
}

private extension String {
    func leftPadded(to width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}
