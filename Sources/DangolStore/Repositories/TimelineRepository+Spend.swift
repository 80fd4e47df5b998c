import DangolCore
import SQLKit

extension TimelineRepository {
    /// Net spend per business day and currency since `from` (the customer and those merged into it), summed in SQL:
    /// a year is at most 366 rows per currency whatever the number of sales. The day uses a fixed UTC offset, the
    /// business time zone's (Asia/Seoul has no daylight saving). Refunds are stored negative, so they net out.
    public func dailySpend(of customerID: CustomerID, from: Timestamp, utcOffsetSeconds: Int, on db: any SQLDatabase) async throws -> [DailySpend] {
        let offset = Int64(utcOffsetSeconds) * 1_000
        return try await db.raw("""
            \(HistoryRepository.family(of: [customerID]))
            SELECT (t.occurred_at + \(bind: offset)) / 86400000 AS day, t.currency, CAST(SUM(t.amount_minor) AS BIGINT) AS spend
            FROM family \(unsafeRaw: HistoryRepository.familyJoin(db)) transactions t ON t.customer_id = family.id WHERE t.occurred_at >= \(bind: from.rawValue)
            GROUP BY 1, 2 ORDER BY 1, 2
            """).all().map { row in
            DailySpend(day: Int(try row.decode(column: "day", as: Int64.self)), currency: try row.decode(column: "currency", as: String.self),
                       amountMinor: try row.decode(column: "spend", as: Int64.self))
        }
    }
}
