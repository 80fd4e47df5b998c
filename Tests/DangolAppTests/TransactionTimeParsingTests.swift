@testable import DangolApp
import DangolCore
import Testing

@Suite("Reading a sale's time from a CSV field")
struct TransactionTimeParsingTests {
    /// Milliseconds since the epoch of a Seoul wall-clock time (UTC+9, no daylight saving).
    private static func seoul(_ year: Int, _ month: Int, _ day: Int, _ hour: Int, _ minute: Int, _ second: Int = 0) -> Int64 {
        let days = Int64(CivilDate(year: year, month: month, day: day)!.daysSinceEpoch)
        return (days * 86_400 + Int64(hour * 3_600 + minute * 60 + second) - 9 * 3_600) * 1_000
    }

    @Test("Seoul local times with and without seconds, single-digit hours and ISO 8601 with a zone are read; the rest is refused",
          arguments: [
        ("2026-11-20 14:05", seoul(2026, 11, 20, 14, 5)),
        ("2026-11-20 14:05:09", seoul(2026, 11, 20, 14, 5, 9)),
        ("2026-01-01 00:00", seoul(2026, 1, 1, 0, 0)),
        ("2024-02-29 23:59:59", seoul(2024, 2, 29, 23, 59, 59)),
        ("2026-11-20 9:05", seoul(2026, 11, 20, 9, 5)),
        ("2026-11-20T05:05:00Z", seoul(2026, 11, 20, 14, 5)),
        ("2026-11-20T14:05:00+09:00", seoul(2026, 11, 20, 14, 5)),
        ("2026-02-30 10:00", nil),
        ("2025-02-29 10:00", nil),
        ("2026-11-20 24:00", nil),
        ("2026-11-20 10:60", nil),
        ("2026-11-20 10:00:60", nil),
        ("2026-11-20 10:0a", nil),
        ("2026/11/20 10:00", nil),
        ("2026-11-20", nil),
        ("yesterday", nil),
        ("", nil),
    ] as [(String, Int64?)])
    func parses(text: String, expected: Int64?) {
        #expect(TransactionImporter.parseTime(text)?.rawValue == expected)
    }
}
