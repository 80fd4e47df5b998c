/// A typed custom attribute value. It is stored as canonical text (`storageText`) so that both engines compare it
/// the same way: numbers in plain decimal, dates as `YYYY-MM-DD`, booleans as `true`/`false`.
public enum AttributeValue: Sendable, Hashable, Codable {
    case text(String)
    case number(Double)
    case date(CivilDate)
    case boolean(Bool)

    public var type: AttributeType {
        switch self {
        case .text: .text
        case .number: .number
        case .date: .date
        case .boolean: .boolean
        }
    }

    /// The canonical text form stored in the database and used for filtering.
    public var storageText: String {
        switch self {
        case .text(let value): value
        case .number(let value): value.rounded() == value && abs(value) < 1e15 ? String(Int64(value)) : String(value)
        case .date(let value): value.iso8601
        case .boolean(let value): value ? "true" : "false"
        }
    }

    /// Parses text as a value of `type`; nil when it does not fit (e.g. "2026-02-30" as a date).
    public init?(parsing text: String, as type: AttributeType) {
        let trimmed = text.trimmingWhitespace()
        switch type {
        case .text:
            self = .text(trimmed)
        case .number:
            guard let number = Double(trimmed), number.isFinite else { return nil }
            self = .number(number)
        case .date:
            guard let date = CivilDate(iso8601: trimmed) else { return nil }
            self = .date(date)
        case .boolean:
            switch trimmed.lowercased() {
            case "true", "yes", "y", "1", "예": self = .boolean(true)
            case "false", "no", "n", "0", "아니오": self = .boolean(false)
            default: return nil
            }
        }
    }

    /// Decodes from plain JSON values: strings, numbers and booleans. A string that is a date stays text unless the
    /// attribute is declared as a date — callers convert with `init(parsing:as:)` against the definition.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let bool = try? container.decode(Bool.self) {
            self = .boolean(bool)
        } else if let number = try? container.decode(Double.self) {
            self = .number(number)
        } else {
            self = .text(try container.decode(String.self))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .text(let value): try container.encode(value)
        case .number(let value): try container.encode(value)
        case .date(let value): try container.encode(value.iso8601)
        case .boolean(let value): try container.encode(value)
        }
    }
}

extension String {
    /// The string without leading and trailing white space (Unicode-aware), without Foundation.
    ///
    /// Imports call this for every field of every row, so the common case — first and last byte ASCII and not white
    /// space — returns the string itself without looking at Unicode properties.
    package func trimmingWhitespace() -> String {
        if let first = utf8.first, let last = utf8.last, first.isASCIIVisible, last.isASCIIVisible { return self }
        guard let first = unicodeScalars.first, let last = unicodeScalars.last else { return self }
        if !first.isWhiteSpace, !last.isWhiteSpace { return self }
        var scalars = Substring(self).unicodeScalars[...]
        while let first = scalars.first, first.isWhiteSpace { scalars.removeFirst() }
        while let last = scalars.last, last.isWhiteSpace { scalars.removeLast() }
        return String(String.UnicodeScalarView(scalars))
    }
}

extension Unicode.Scalar {
    /// Whether the scalar has Unicode's White_Space property — the same answer as `properties.isWhitespace` for the
    /// 25 code points that have it (a fixed list since Unicode 4.1), without the property-table lookup.
    package var isWhiteSpace: Bool {
        switch value {
        case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: true
        default: false
        }
    }
}

extension UInt8 {
    /// An ASCII byte that is neither white space nor a control character (`!`…`~`).
    package var isASCIIVisible: Bool { self > 0x20 && self < 0x7F }
}
