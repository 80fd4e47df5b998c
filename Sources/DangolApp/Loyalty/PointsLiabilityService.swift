import DangolCore
import DangolStore

/// The points liability (포인트 충당부채): the points customers hold and could redeem, valued at what a point is worth,
/// with what will expire unspent in the next 30 and 90 days if nobody spends it.
public struct PointsLiabilityService: Sendable {
    public let services: AppServices
    /// What one point is worth when redeemed, in minor units of `currency`; nil: the programme's (1 won by default).
    public var pointValueMinor: Int64?
    /// nil: the programme's currency.
    public var currency: String?

    public init(services: AppServices, pointValueMinor: Int64? = nil, currency: String? = nil) {
        self.services = services
        self.pointValueMinor = pointValueMinor
        self.currency = currency
    }

    /// The report.
    public struct Report: Codable, Sendable, Hashable {
        public var outstandingPoints: Int64
        public var liabilityMinor: Int64
        public var currency: String
        /// Points past their date not yet written off (the next expiry run takes them).
        public var expiredNotWrittenOff: Int64
        public var expiringWithin30Days: Int64
        public var expiringWithin90Days: Int64
    }

    public func report(for principal: Principal) async throws(DangolError) -> Report {
        guard principal.role != .agent else { throw DangolError(.forbidden, "The points liability is for admins, managers and analysts.") }
        try principal.require(scope: "customers:read")
        let now = services.clock.now()
        let day: Int64 = 86_400_000
        let in30 = Timestamp(rawValue: now.rawValue + 30 * day)
        let in90 = Timestamp(rawValue: now.rawValue + 90 * day)
        return try await services.read { db in
            let repository = PointRepository()
            let program = try await LoyaltySettingsService.program(on: db)
            let pointValueMinor = self.pointValueMinor ?? program.pointValueMinor
            let currency = self.currency ?? program.currency
            let outstanding = try await repository.outstanding(on: db)
            var expired: Int64 = 0
            var soon30: Int64 = 0
            var soon90: Int64 = 0
            // Only customers with a lot due within 90 days need their ledger replayed (oldest points first).
            for customer in try await repository.customersWithLotsExpiring(by: in90, on: db) {
                let lots = PointLots(entries: try await repository.lotEntries(of: customer, on: db))
                let past = lots.expiring(at: now)
                expired += past
                soon30 += lots.expiring(at: in30) - past
                soon90 += lots.expiring(at: in90) - past
            }
            return Report(outstandingPoints: outstanding, liabilityMinor: (outstanding - expired) * pointValueMinor, currency: currency,
                          expiredNotWrittenOff: expired, expiringWithin30Days: soon30, expiringWithin90Days: soon90)
        }
    }
}
