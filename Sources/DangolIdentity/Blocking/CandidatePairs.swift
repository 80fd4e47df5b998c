/// Candidate pairs from several blocking keys, each pair once.
///
/// For each key the records' values are sorted and every run of equal values is a block; all pairs inside a block are
/// candidates. A block larger than `maxBlockSize` (a shared shop phone, a default birth date, a very common name) is
/// skipped and counted: comparing all its pairs would make the work quadratic, and its records are still reached by
/// the other keys. A pair is emitted by the first key whose (not skipped) block contains both records, so no pair
/// list of all keys has to be sorted and deduplicated: memory is the pairs themselves, as `i << 32 | j` with i < j.
struct CandidatePairs {
    /// Per-key figures.
    struct KeyStatistics: Sendable, Hashable {
        var blocks = 0
        var oversizedBlocks = 0
        var recordsInOversizedBlocks = 0
        var pairs = 0
    }

    /// The pairs found, `i << 32 | j` with `i < j`.
    private(set) var pairs: [UInt64] = []
    /// Figures per key.
    private(set) var statistics: [BlockingKey: KeyStatistics] = [:]

    /// Generates the candidate pairs of `features` under `keys`.
    init(features: RecordFeatures, keys: [BlockingKey], maxBlockSize: Int) {
        let count = features.count
        let slots = RecordFeatures.slots
        var values: [[UInt64]] = []
        // Bit (key × slots + slot) is set when that value of the record lies in a skipped block.
        var oversized = [UInt32](repeating: 0, count: count)
        precondition(keys.count * slots <= 32, "at most 16 blocking keys")

        for (keyIndex, key) in keys.enumerated() {
            var keyValues = [UInt64](repeating: 0, count: count * slots)
            var entries: [Entry] = []
            entries.reserveCapacity(count)
            for record in 0..<count {
                let (first, second) = key.values(of: record, in: features)
                keyValues[record * slots] = first
                keyValues[record * slots + 1] = second
                if first != 0 { entries.append(Entry(value: first, slotIndex: UInt32(record * slots))) }
                if second != 0 { entries.append(Entry(value: second, slotIndex: UInt32(record * slots + 1))) }
            }
            values.append(keyValues)
            entries.sort { $0.value < $1.value || ($0.value == $1.value && $0.slotIndex < $1.slotIndex) }

            var figures = KeyStatistics()
            var runStart = 0
            while runStart < entries.count {
                var runEnd = runStart + 1
                while runEnd < entries.count && entries[runEnd].value == entries[runStart].value { runEnd += 1 }
                let size = runEnd - runStart
                defer { runStart = runEnd }
                guard size >= 2 else { continue }
                figures.blocks += 1
                if size > maxBlockSize {
                    figures.oversizedBlocks += 1
                    figures.recordsInOversizedBlocks += size
                    for entry in entries[runStart..<runEnd] {
                        let record = Int(entry.slotIndex) / slots
                        let slot = Int(entry.slotIndex) % slots
                        oversized[record] |= 1 << UInt32(keyIndex * slots + slot)
                    }
                    continue
                }
                for a in runStart..<runEnd {
                    let recordA = Int(entries[a].slotIndex) / slots
                    for b in (a + 1)..<runEnd {
                        let recordB = Int(entries[b].slotIndex) / slots
                        if recordA == recordB { continue }
                        let (i, j) = recordA < recordB ? (recordA, recordB) : (recordB, recordA)
                        if Self.isCovered(i, j, before: keyIndex, values: values, oversized: oversized, slots: slots) {
                            continue
                        }
                        if Self.sharesSmallerValue(i, j, than: entries[a].value, in: keyValues, key: keyIndex,
                                                   oversized: oversized, slots: slots) { continue }
                        pairs.append(UInt64(i) << 32 | UInt64(j))
                        figures.pairs += 1
                    }
                }
            }
            statistics[key] = figures
        }
    }

    private struct Entry {
        var value: UInt64
        var slotIndex: UInt32
    }

    /// Whether an earlier key already put `i` and `j` into one block that was compared.
    @inline(__always)
    private static func isCovered(
        _ i: Int, _ j: Int, before keyIndex: Int, values: [[UInt64]], oversized: [UInt32], slots: Int
    ) -> Bool {
        for earlier in 0..<keyIndex {
            let keyValues = values[earlier]
            for si in 0..<slots {
                let value = keyValues[i * slots + si]
                guard value != 0, oversized[i] & (1 << UInt32(earlier * slots + si)) == 0 else { continue }
                for sj in 0..<slots where keyValues[j * slots + sj] == value
                    && oversized[j] & (1 << UInt32(earlier * slots + sj)) == 0 {
                    return true
                }
            }
        }
        return false
    }

    /// Whether `i` and `j` also share a smaller value of this key whose block was compared (they met there first;
    /// blocks are visited in value order, so its oversized bits are already known).
    @inline(__always)
    private static func sharesSmallerValue(
        _ i: Int, _ j: Int, than value: UInt64, in keyValues: [UInt64], key keyIndex: Int, oversized: [UInt32], slots: Int
    ) -> Bool {
        for si in 0..<slots {
            let candidate = keyValues[i * slots + si]
            guard candidate != 0, candidate < value, oversized[i] & (1 << UInt32(keyIndex * slots + si)) == 0 else { continue }
            for sj in 0..<slots where keyValues[j * slots + sj] == candidate { return true }
        }
        return false
    }
}
