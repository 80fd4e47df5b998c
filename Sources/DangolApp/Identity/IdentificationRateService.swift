import DangolCore
import DangolIdentity
import DangolStore

/// The identification rate report: per period and channel, the share of revenue from identified customers.
/// Aggregated in SQL per business day, then grouped into periods by ``IdentificationRate``.
public struct IdentificationRateService: Sendable {
    public let services: AppServices
    /// The business time zone's offset from UTC (Asia/Seoul, +09:00, no daylight saving).
    public var utcOffsetSeconds: Int

    public init(services: AppServices, utcOffsetSeconds: Int = 9 * 3_600) {
        self.services = services
        self.utcOffsetSeconds = utcOffsetSeconds
    }

    /// The report for business days `from` through `to` (inclusive).
    /// - Throws: `invalidInput` when `to` is before `from` or the range is longer than ten years.
    public func report(from: CivilDate, to: CivilDate, period: IdentificationRate.Period,
                       for principal: Principal) async throws(DangolError) -> [IdentificationRate.Row] {
        try principal.require(scope: "customers:read")
        guard to.daysSinceEpoch >= from.daysSinceEpoch else {
            throw DangolError.invalid(field: "to", code: "range", "to must not be before from.")
        }
        guard to.daysSinceEpoch - from.daysSinceEpoch <= 3_660 else {
            throw DangolError.invalid(field: "to", code: "range", "The range may span at most ten years.")
        }
        let offset = Int64(utcOffsetSeconds) * 1_000
        let start = Timestamp(rawValue: Int64(from.daysSinceEpoch) * 86_400_000 - offset)
        let end = Timestamp(rawValue: Int64(to.daysSinceEpoch + 1) * 86_400_000 - offset)
        let days = try await services.read { db in
            try await TransactionRepository().dailyRevenue(from: start, to: end, utcOffsetSeconds: utcOffsetSeconds, on: db)
        }
        return IdentificationRate.summarise(days.map {
            IdentificationRate.Day(date: CivilDate(daysSinceEpoch: $0.day), channel: $0.channel, currency: $0.currency,
                                   transactions: $0.transactions, identifiedTransactions: $0.identifiedTransactions,
                                   revenueMinor: $0.revenueMinor, identifiedRevenueMinor: $0.identifiedRevenueMinor)
        }, period: period)
    }
}
