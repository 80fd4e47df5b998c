/// The stable id of a customer: a lowercase, time-ordered UUID (version 7) string, so ids sort by creation time
/// and can serve as a paging cursor on both engines.
public struct CustomerID: RawRepresentable, Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public init(_ rawValue: String) { self.rawValue = rawValue }
    public var description: String { rawValue }
    public static func < (lhs: CustomerID, rhs: CustomerID) -> Bool { lhs.rawValue < rhs.rawValue }

    public init(from decoder: any Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(String.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    /// Whether a string has the shape of an id (36 characters, hex and hyphens). Used to reject junk early.
    public static func isWellFormed(_ text: String) -> Bool {
        text.utf8.count == 36 && text.utf8.allSatisfy { byte in
            (byte >= 48 && byte <= 57) || (byte >= 97 && byte <= 102) || byte == 45
        }
    }
}
