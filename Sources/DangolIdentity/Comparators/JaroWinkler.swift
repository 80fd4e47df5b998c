/// Jaro–Winkler similarity (Winkler 1990): 1 for equal strings, 0 for strings with nothing in common, higher when the
/// strings share a prefix. The standard constants are used: prefix scale 0.1, at most four prefix characters, and the
/// prefix bonus only when the Jaro similarity exceeds 0.7.
///
/// ```swift
/// JaroWinkler.similarity("MARTHA", "MARHTA")  // 0.961
/// JaroWinkler.similarity("DWAYNE", "DUANE")   // 0.84
/// ```
/// Names are compared on their ``HangulJamo`` units, so a one-jamo typo in a Korean name stays close.
public enum JaroWinkler {
    /// The similarity of two strings, compared by Unicode scalar (case-sensitive; compare match keys for names).
    public static func similarity(_ lhs: String, _ rhs: String) -> Double {
        let left = lhs.unicodeScalars.map { UInt16(truncatingIfNeeded: $0.value) }
        let right = rhs.unicodeScalars.map { UInt16(truncatingIfNeeded: $0.value) }
        return left.withUnsafeBufferPointer { a in right.withUnsafeBufferPointer { b in similarity(a, b) } }
    }

    /// The similarity of two sequences of comparison units (the hot path: no allocation beyond a stack buffer).
    static func similarity(_ a: UnsafeBufferPointer<UInt16>, _ b: UnsafeBufferPointer<UInt16>) -> Double {
        let jaro = jaroSimilarity(a, b)
        guard jaro > 0.7 else { return jaro }
        var prefix = 0
        let limit = min(4, a.count, b.count)
        while prefix < limit && a[prefix] == b[prefix] { prefix += 1 }
        return jaro + Double(prefix) * 0.1 * (1 - jaro)
    }

    /// The Jaro similarity: matching characters within a window of ⌊max(|a|,|b|)/2⌋ − 1, and half the transpositions.
    static func jaroSimilarity(_ a: UnsafeBufferPointer<UInt16>, _ b: UnsafeBufferPointer<UInt16>) -> Double {
        let lengthA = a.count
        let lengthB = b.count
        if lengthA == 0 || lengthB == 0 { return lengthA == lengthB ? 1 : 0 }
        let window = max(0, max(lengthA, lengthB) / 2 - 1)
        return withUnsafeTemporaryAllocation(of: Bool.self, capacity: lengthA + lengthB) { flags in
            flags.initialize(repeating: false)
            var matches = 0
            for i in 0..<lengthA {
                let low = max(0, i - window)
                let high = min(lengthB - 1, i + window)
                if low > high { continue }
                for j in low...high where !flags[lengthA + j] && a[i] == b[j] {
                    flags[i] = true
                    flags[lengthA + j] = true
                    matches += 1
                    break
                }
            }
            guard matches > 0 else { return 0 }
            var transpositions = 0
            var k = 0
            for i in 0..<lengthA where flags[i] {
                while !flags[lengthA + k] { k += 1 }
                if a[i] != b[k] { transpositions += 1 }
                k += 1
            }
            let m = Double(matches)
            return (m / Double(lengthA) + m / Double(lengthB) + (m - Double(transpositions) / 2) / m) / 3
        }
    }

    /// Whether two sequences differ by at most one insertion, deletion or substitution (a single typo).
    static func isWithinOneEdit(_ a: UnsafeBufferPointer<UInt16>, _ b: UnsafeBufferPointer<UInt16>) -> Bool {
        let (short, long) = a.count <= b.count ? (a, b) : (b, a)
        guard long.count - short.count <= 1 else { return false }
        var i = 0
        while i < short.count && short[i] == long[i] { i += 1 }
        if i == short.count { return true }
        if short.count == long.count {
            var j = i + 1
            while j < short.count && short[j] == long[j] { j += 1 }
            return j == short.count
        }
        var j = i
        while j < short.count && short[j] == long[j + 1] { j += 1 }
        return j == short.count
    }
}
