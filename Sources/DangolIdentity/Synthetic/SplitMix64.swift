/// A small, fast, seedable pseudo-random generator (Steele, Lea & Flood's SplitMix64), for synthetic data with known
/// truth here and for DangolApp's demo data and import ids. It lives in this module because the identity tests score
/// the engine on generated data and DangolIdentity may import nothing but DangolCore. Draws never use the standard
/// library's `random(in:using:)`, whose algorithm may change between Swift versions: the same seed gives the same
/// records everywhere.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    /// A generator whose sequence is fixed by `seed`.
    public init(seed: UInt64) { state = seed }

    /// A generator for one unit of a larger sequence: the same `(seed, stream)` always gives the same draws, so a
    /// record can be regenerated without generating those before it.
    public init(seed: UInt64, stream: UInt64) {
        var mixer = SplitMix64(seed: seed ^ (stream &* 0xD1B5_4A32_D192_ED03))
        state = mixer.next()
    }

    /// The next 64 random bits.
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var mixed = state
        mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
        mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
        return mixed ^ (mixed >> 31)
    }

    /// A number in `0..<bound` (bound > 0).
    public mutating func next(below bound: Int) -> Int {
        Int(next() % UInt64(bound))
    }

    /// True with the given probability (0…1).
    public mutating func chance(_ probability: Double) -> Bool {
        Double(next() >> 11) / Double(1 << 53) < probability
    }

    /// One element of a non-empty array.
    public mutating func pick<T>(_ elements: [T]) -> T {
        elements[next(below: elements.count)]
    }

    /// An index drawn with the given relative weights.
    mutating func weightedIndex(_ weights: [Int], total: Int) -> Int {
        var draw = next(below: total)
        for (index, weight) in weights.enumerated() {
            if draw < weight { return index }
            draw -= weight
        }
        return weights.count - 1
    }

    /// `count` decimal digits.
    mutating func digits(_ count: Int) -> String {
        var text = ""
        for _ in 0..<count { text.append(Character(Unicode.Scalar(UInt8(48 + next(below: 10))))) }
        return text
    }
}
