/// One comparison level per ``ComparisonField`` for a pair of records, packed into a single integer so that millions
/// of pairs take four bytes each and EM runs over a histogram of distinct vectors rather than over the pairs.
///
/// The code is a mixed-radix number: field f contributes `level × Π(count of earlier fields + 1)`, where a missing
/// field uses the digit `levelCount`.
public struct ComparisonVector: Sendable, Hashable, Codable {
    /// The packed levels.
    public let code: UInt32

    /// Packs levels given in ``ComparisonField/allCases`` order (``ComparisonLevel/missing`` allowed).
    public init(levels: [UInt8]) {
        precondition(levels.count == ComparisonField.allCases.count, "one level per field")
        var code: UInt32 = 0
        for index in stride(from: levels.count - 1, through: 0, by: -1) {
            let radix = UInt32(Self.radices[index])
            let digit = levels[index] == ComparisonLevel.missing ? radix - 1 : UInt32(levels[index])
            code = code * radix + digit
        }
        self.code = code
    }

    /// Wraps a packed code.
    public init(code: UInt32) { self.code = code }

    /// The level of `field` (``ComparisonLevel/missing`` when either record lacks it).
    public func level(of field: ComparisonField) -> UInt8 {
        let index = field.index
        let digit = (code / Self.strides[index]) % UInt32(Self.radices[index])
        return digit == UInt32(Self.radices[index] - 1) ? ComparisonLevel.missing : UInt8(digit)
    }

    /// All levels in field order.
    public var levels: [UInt8] { ComparisonField.allCases.map(level(of:)) }

    /// Number of digits per field: its levels plus "missing".
    static let radices: [Int] = ComparisonField.allCases.map { $0.levelCount + 1 }
    /// Place value of each field's digit.
    static let strides: [UInt32] = {
        var strides: [UInt32] = []
        var place: UInt32 = 1
        for radix in radices {
            strides.append(place)
            place *= UInt32(radix)
        }
        return strides
    }()
    /// How many distinct codes exist.
    static let codeCount: Int = radices.reduce(1, *)
}
