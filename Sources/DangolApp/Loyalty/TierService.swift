import DangolCore
import DangolStore
import SQLKit

/// Membership tiers by rolling 12-month spend (``TierProgram``), evaluated on every purchase and nightly (so that a
/// customer whose spend rolls off the window moves down). Every change is recorded with the spend that decided it and
/// appends a `tier.changed` domain event.
public struct TierService: Sendable {
    public let services: AppServices
    /// The tiers; nil: the programme in the settings (``LoyaltySettingsService``).
    public var program: TierProgram?
    /// The currency the thresholds are in; nil: the programme's.
    public var currency: String?
    private let tiers = TierRepository()

    public init(services: AppServices, program: TierProgram? = nil, currency: String? = nil) {
        self.services = services
        self.program = program
        self.currency = currency
    }

    /// Evaluates one customer inside the caller's transaction; returns the new tier code when it changed.
    @discardableResult
    func evaluate(_ customerID: CustomerID, at now: Timestamp, reason: String, on db: any SQLDatabase) async throws -> String? {
        var configured = self
        if program == nil || currency == nil {
            let stored = try await LoyaltySettingsService.program(on: db)
            configured.program = program ?? stored.tiers
            configured.currency = currency ?? stored.currency
        }
        return try await configured.evaluateConfigured(customerID, at: now, reason: reason, on: db)
    }

    private func evaluateConfigured(_ customerID: CustomerID, at now: Timestamp, reason: String, on db: any SQLDatabase) async throws -> String? {
        let program = self.program ?? .standard
        let currency = self.currency ?? "KRW"
        let from = Timestamp(rawValue: now.rawValue - Int64(program.windowDays) * 86_400_000)
        let spend = try await tiers.spend(of: customerID, currency: currency, from: from, to: now, on: db)
        guard let tier = program.tier(forSpend: spend) ?? program.tiers.first else { return nil }
        let current = try await tiers.currentTier(of: customerID, on: db)
        guard current != tier.code else { return nil }
        try await tiers.change(customerID, from: current, to: tier.code, spend: spend, at: now, reason: reason, on: db)
        try await DomainEventRepository().append([.init(type: "tier.changed", customerID: customerID, payload: """
            {"from":\(current.map { "\"\($0)\"" } ?? "null"),"to":"\(tier.code)","spend":\(spend)}
            """, at: now)], on: db)
        return tier.code
    }

    /// The nightly run over every live customer, in pages of 500 (one transaction each). Returns how many changed.
    public func evaluateAll(by principal: Principal) async throws(DangolError) -> Int {
        try principal.requireCustomerWrite()
        let now = services.clock.now()
        var configured = self
        if program == nil || currency == nil {
            let stored = try await services.read { db in try await LoyaltySettingsService.program(on: db) }
            configured.program = program ?? stored.tiers
            configured.currency = currency ?? stored.currency
        }
        var cursor: CustomerID?
        var changed = 0
        while true {
            let page = try await services.read { db in try await tiers.liveCustomers(after: cursor, limit: 500, on: db) }
            guard let last = page.last else { break }
            changed += try await services.transaction { db in
                var count = 0
                for customer in page where try await configured.evaluateConfigured(customer, at: now, reason: "nightly", on: db) != nil { count += 1 }
                return count
            }
            cursor = last
        }
        return changed
    }

    /// A customer's current tier and history.
    public func tier(of customerID: CustomerID, for principal: Principal) async throws(DangolError) -> (current: String?, history: [TierChange]) {
        try principal.require(scope: "customers:read")
        return try await services.read { db in
            (try await tiers.currentTier(of: customerID, on: db),
             try await tiers.history(of: customerID, on: db).map { TierChange(from: $0.from, to: $0.to, spendMinor: $0.spend, at: $0.at, reason: $0.reason) })
        }
    }
}

/// One change of tier.
public struct TierChange: Codable, Sendable, Hashable {
    public var from: String?
    public var to: String
    /// The 12-month spend that decided it.
    public var spendMinor: Int64
    public var at: Timestamp
    /// `purchase`, `nightly`…
    public var reason: String
}
