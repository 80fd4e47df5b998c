import DangolCore

/// Formats values for display in the console.
enum ConsoleFormat {
    /// The business time zone's offset. Korea (Asia/Seoul, the default business time zone) has no daylight saving
    /// time, so a fixed +09:00 is exact; when the time zone becomes configurable this takes it from configuration.
    static let businessOffsetMilliseconds: Int64 = 9 * 3_600_000

    /// `2026-11-22 09:00` in business time.
    static func time(_ timestamp: Timestamp) -> String {
        let local = Timestamp(rawValue: timestamp.rawValue + businessOffsetMilliseconds).iso8601
        return String(local.prefix(10)) + " " + String(local.dropFirst(11).prefix(5))
    }

    /// A whole number with thousands separators: `1,234,567` (also for won amounts and points).
    static func number(_ value: Int64) -> String {
        let digits = String(value.magnitude)
        var grouped = ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { grouped.append(",") }
            grouped.append(digit)
        }
        return (value < 0 ? "-" : "") + grouped
    }

    /// The value of a custom attribute as text.
    static func attribute(_ value: AttributeValue) -> String {
        switch value {
        case .boolean(let flag): flag ? "✓" : "✗"
        default: value.storageText
        }
    }
}
