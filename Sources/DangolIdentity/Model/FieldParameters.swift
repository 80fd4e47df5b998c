import Foundation

/// The Fellegi–Sunter parameters of one field: for each comparison level, the probability of seeing it in a true
/// match (m) and in a non-match (u). A level's weight is log₂(m/u) — positive when the level is evidence for a
/// match, negative against; a missing field weighs 0.
public struct FieldParameters: Sendable, Hashable, Codable {
    /// The field.
    public var field: ComparisonField
    /// P(level | match), one per level of ``ComparisonField/levels``.
    public var m: [Double]
    /// P(level | non-match), one per level.
    public var u: [Double]

    /// Creates parameters; `m` and `u` need one probability per level.
    public init(field: ComparisonField, m: [Double], u: [Double]) {
        precondition(m.count == field.levelCount && u.count == field.levelCount, "one probability per level")
        self.field = field
        self.m = m
        self.u = u
    }

    /// log₂(m/u) of a level; 0 for ``ComparisonLevel/missing``.
    public func weight(level: UInt8) -> Double {
        guard level != ComparisonLevel.missing, Int(level) < m.count else { return 0 }
        return log2(max(m[Int(level)], Self.floor) / max(u[Int(level)], Self.floor))
    }

    /// The smallest probability a level is given, so no single field can veto or force a match infinitely.
    static let floor = 1e-6
}
