import DangolCore
import DangolStore

/// The 360° customer (고객 360도 뷰): one call for the profile (masked per role), current consents, point balance,
/// what their purchases add up to, and the first page of one timeline merged from every history — plus the
/// timeline's further pages.
public struct CustomerOverviewService: Sendable {
    public let services: AppServices
    private let timeline = TimelineRepository()

    public init(services: AppServices) { self.services = services }

    /// The 360° view.
    public struct Overview: Codable, Sendable, Hashable {
        public var customer: CustomerView
        /// The membership tier code (`general`, `silver`, `gold`, `vip`), nil before the first purchase.
        public var tier: String?
        public var consent: ConsentState
        public var points: Points
        public var purchases: [PurchaseSummary]
        public var timeline: TimelinePage
        /// Net spend in each of the last 12 months of the business time zone, oldest first.
        public var monthlySpend: [MonthlySpend]
        /// The latest analytics scores (RFM, CLV, P(alive), value quadrant, churn risk), nil before a refresh has
        /// scored the customer.
        public var scores: CustomerScoresView?
        /// The three next best products from the latest refresh's association model (empty without one).
        public var nextBestProducts: [NextBestProductView]
    }

    /// The point balance and what expires soon.
    public struct Points: Codable, Sendable, Hashable {
        public var balance: Int64
        public var expiringWithin30Days: Int64
    }

    /// One page of the timeline, newest first; `nextCursor` fetches the next (older) page.
    public struct TimelinePage: Codable, Sendable, Hashable {
        public var items: [TimelineItem]
        public var nextCursor: String?
    }

    public func overview(_ id: CustomerID, for principal: Principal, reveal: Bool = false, timelineLimit: Int = 50) async throws(DangolError) -> Overview {
        let customers = CustomerService(services: services)
        let view = try await customers.view(id, for: principal, reveal: reveal)
        let consents = try await services.read { db in try await HistoryRepository().consents(of: id, on: db) }
        let extras = try await self.extras(id, for: principal, timelineLimit: timelineLimit)
        let scores = try await services.read { db in try await AnalyticsRepository().scores(of: id, on: db) }
        let offers = try await AnalyticsQueryService(services: services).nextBestProducts(of: id, limit: 3, for: principal)
        return Overview(customer: view, tier: extras.tier, consent: ConsentState(history: consents), points: extras.points,
                        purchases: extras.purchases, timeline: extras.timeline, monthlySpend: extras.monthlySpend,
                        scores: scores.map(CustomerScoresView.init), nextBestProducts: offers.items)
    }

    /// What the 360° view adds to a customer page: tier, points, purchases and the first timeline page (no personal
    /// data, so nothing to mask or audit).
    public struct Extras: Sendable, Hashable {
        public var tier: String?
        public var points: Points
        public var purchases: [PurchaseSummary]
        public var timeline: TimelinePage
        /// Net spend in each of the last 12 months of the business time zone, oldest first.
        public var monthlySpend: [MonthlySpend]
        /// The tier, with its names, from the programme in force.
        public var tierDetails: TierProgram.Tier?
    }

    public func extras(_ id: CustomerID, for principal: Principal, timelineLimit: Int = 50,
                       utcOffsetSeconds: Int = 9 * 3_600) async throws(DangolError) -> Extras {
        try principal.require(scope: "customers:read")
        let now = services.clock.now()
        let today = CivilDate(daysSinceEpoch: Int((now.rawValue + Int64(utcOffsetSeconds) * 1_000) / 86_400_000))
        // The first day of the month eleven months back, at business midnight.
        let firstMonth = MonthlySpend.months([], ending: today, count: 12)[0]
        let from = Timestamp(rawValue: Int64(CivilDate(year: firstMonth.year, month: firstMonth.month, day: 1)!.daysSinceEpoch) * 86_400_000
                             - Int64(utcOffsetSeconds) * 1_000)
        let (entries, purchases, page, tier, days, program) = try await services.read { db in
            (try await PointRepository().lotEntries(of: id, on: db), try await timeline.purchaseSummary(of: id, on: db),
             try await timeline.page(of: id, before: nil, limit: timelineLimit + 1, on: db), try await TierRepository().currentTier(of: id, on: db),
             try await timeline.dailySpend(of: id, from: from, utcOffsetSeconds: utcOffsetSeconds, on: db),
             try await LoyaltySettingsService.program(on: db))
        }
        let lots = PointLots(entries: entries)
        let soon = Timestamp(rawValue: now.rawValue + 30 * 86_400_000)
        return Extras(tier: tier, points: Points(balance: lots.balance, expiringWithin30Days: lots.expiring(at: soon) - lots.expiring(at: now)),
                      purchases: purchases, timeline: Self.page(page, limit: timelineLimit),
                      monthlySpend: MonthlySpend.months(days, ending: today, count: 12),
                      tierDetails: tier.flatMap { program.tiers.tier(code: $0) ?? TierProgram.standard.tier(code: $0) })
    }

    /// A page of the timeline after `cursor` (a `nextCursor` from before).
    /// - Throws: `invalidInput` for a malformed cursor or a limit outside 1–500.
    public func timeline(_ id: CustomerID, cursor: String?, limit: Int, for principal: Principal) async throws(DangolError) -> TimelinePage {
        try principal.require(scope: "customers:read")
        guard (1...500).contains(limit) else { throw DangolError.invalid(field: "limit", code: "range", "limit is 1–500.") }
        var position: TimelineCursor?
        if let cursor {
            guard let parsed = TimelineCursor(token: cursor) else { throw DangolError.invalid(field: "cursor", code: "invalid", "The cursor is not one this API gave.") }
            position = parsed
        }
        let items = try await services.read { db in
            guard try await CustomerRepository().find(id, on: db) != nil else { throw DangolError.notFound("The customer") }
            return try await timeline.page(of: id, before: position, limit: limit + 1, on: db)
        }
        return Self.page(items, limit: limit)
    }

    private static func page(_ items: [TimelineItem], limit: Int) -> TimelinePage {
        let shown = Array(items.prefix(limit))
        return TimelinePage(items: shown, nextCursor: items.count > limit ? shown.last?.cursor.token : nil)
    }
}
