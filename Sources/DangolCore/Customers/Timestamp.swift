/// A moment in UTC with millisecond precision, stored as milliseconds since the Unix epoch on both engines.
/// Core never reads the clock: timestamps are made by the caller and passed in.
public struct Timestamp: RawRepresentable, Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    /// Milliseconds since 1970-01-01T00:00:00Z.
    public let rawValue: Int64
    public init(rawValue: Int64) { self.rawValue = rawValue }
    public init(millisecondsSinceEpoch: Int64) { self.rawValue = millisecondsSinceEpoch }
    public static func < (lhs: Timestamp, rhs: Timestamp) -> Bool { lhs.rawValue < rhs.rawValue }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let text = try? container.decode(String.self), let parsed = Timestamp(iso8601: text) {
            self = parsed
        } else {
            rawValue = try container.decode(Int64.self)
        }
    }

    /// Encoded as an ISO 8601 string in UTC, e.g. `2026-11-22T05:33:30.123Z`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(iso8601)
    }

    public var description: String { iso8601 }

    /// `YYYY-MM-DDTHH:MM:SS.sssZ` in UTC.
    public var iso8601: String {
        let millis = ((rawValue % 1000) + 1000) % 1000
        let seconds = (rawValue - millis) / 1000
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let secondOfDay = seconds - days * 86_400
        let date = CivilDate(daysSinceEpoch: Int(days))
        return date.iso8601 + "T" + pad(Int(secondOfDay / 3600), 2) + ":" + pad(Int(secondOfDay % 3600 / 60), 2) + ":"
            + pad(Int(secondOfDay % 60), 2) + "." + pad(Int(millis), 3) + "Z"
    }

    /// Parses `YYYY-MM-DDTHH:MM:SS[.fff](Z|±HH:MM)`; returns nil for anything else.
    public init?(iso8601 text: String) {
        let bytes = Array(text.utf8)
        guard bytes.count >= 20, bytes[10] == UInt8(ascii: "T") || bytes[10] == UInt8(ascii: " "),
              let date = CivilDate(iso8601: String(decoding: bytes[0..<10], as: UTF8.self)),
              let hour = Self.number(bytes, 11, 2), bytes[13] == UInt8(ascii: ":"),
              let minute = Self.number(bytes, 14, 2), bytes[16] == UInt8(ascii: ":"),
              let second = Self.number(bytes, 17, 2), hour < 24, minute < 60, second < 61
        else { return nil }
        var index = 19
        var millis = 0
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            var digits = 0
            while index < bytes.count, bytes[index] >= 48, bytes[index] <= 57 {
                if digits < 3 { millis = millis * 10 + Int(bytes[index] - 48) }
                digits += 1
                index += 1
            }
            guard digits > 0 else { return nil }
            for _ in digits..<max(digits, 3) { millis *= 10 }
        }
        var offsetSeconds = 0
        guard index < bytes.count else { return nil }
        if bytes[index] == UInt8(ascii: "Z") {
            index += 1
        } else if bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") {
            let sign = bytes[index] == UInt8(ascii: "-") ? -1 : 1
            guard let offsetHour = Self.number(bytes, index + 1, 2), bytes.count > index + 5,
                  bytes[index + 3] == UInt8(ascii: ":"), let offsetMinute = Self.number(bytes, index + 4, 2)
            else { return nil }
            offsetSeconds = sign * (offsetHour * 3600 + offsetMinute * 60)
            index += 6
        } else {
            return nil
        }
        guard index == bytes.count else { return nil }
        let seconds = Int64(date.daysSinceEpoch) * 86_400 + Int64(hour * 3600 + minute * 60 + second) - Int64(offsetSeconds)
        rawValue = seconds * 1000 + Int64(millis)
    }

    private static func number(_ bytes: [UInt8], _ start: Int, _ length: Int) -> Int? {
        guard start + length <= bytes.count else { return nil }
        var value = 0
        for byte in bytes[start..<(start + length)] {
            guard byte >= 48, byte <= 57 else { return nil }
            value = value * 10 + Int(byte - 48)
        }
        return value
    }

    private func pad(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return String(repeating: "0", count: max(0, width - text.count)) + text
    }
}
