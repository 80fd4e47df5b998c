import DangolCore
import DangolStore
import SQLKit

/// Membership points (멤버십 포인트·마일리지): earning, redeeming and adjusting on an append-only ledger whose balance
/// is derived and never negative. A customer's entries are written one transaction at a time (`PointRepository.lock`),
/// so two concurrent redemptions can never spend the same points; an idempotency key makes a retried request safe.
public struct PointsService: Sendable {
    public let services: AppServices
    /// How long earned points live unless the caller says otherwise.
    /// How long points given without an expiry live; nil: the programme's lifetime (``LoyaltySettingsService``).
    public var defaultLifetimeMonths: Int?
    private let points = PointRepository()
    private let merges = MergeRepository()
    private let customers = CustomerRepository()

    public init(services: AppServices, defaultLifetimeMonths: Int? = nil) {
        self.services = services
        self.defaultLifetimeMonths = defaultLifetimeMonths
    }

    /// A request to change a balance. `points` is positive for earn and redeem (the ledger stores a redemption
    /// negative) and signed for an adjustment, which needs a reason.
    public struct Change: Codable, Sendable, Hashable {
        public var kind: PointEntry.Kind
        public var points: Int64
        public var reason: String?
        public var reference: String?
        /// For earn: when the points expire (default: the program's lifetime).
        public var expiresAt: Timestamp?
        /// The caller's key: the same key for the same customer records the change once.
        public var idempotencyKey: String?

        public init(kind: PointEntry.Kind, points: Int64, reason: String? = nil, reference: String? = nil, expiresAt: Timestamp? = nil,
                    idempotencyKey: String? = nil) {
            self.kind = kind
            self.points = points
            self.reason = reason
            self.reference = reference
            self.expiresAt = expiresAt
            self.idempotencyKey = idempotencyKey
        }
    }

    /// A customer's points as the API shows them.
    public struct Balance: Codable, Sendable, Hashable {
        public var customerId: CustomerID
        public var balance: Int64
        /// Unspent points that expire within 30 days.
        public var expiringWithin30Days: Int64
        public var entries: [PointEntry]
    }

    /// The balance and ledger (newest last) of a customer, merged records' entries included.
    public func balance(of customerID: CustomerID, for principal: Principal) async throws(DangolError) -> Balance {
        try principal.require(scope: "customers:read")
        let now = services.clock.now()
        return try await services.read { db in
            guard try await customers.find(customerID, on: db) != nil else { throw DangolError.notFound("The customer") }
            let entries = try await points.entries(of: customerID, on: db)
            let lots = PointLots(entries: entries)
            let soon = Timestamp(rawValue: now.rawValue + 30 * 86_400_000)
            return Balance(customerId: customerID, balance: lots.balance, expiringWithin30Days: lots.expiring(at: soon) - lots.expiring(at: now),
                           entries: entries)
        }
    }

    /// Earns, redeems or adjusts points.
    /// - Throws: `invalidInput` for a non-positive amount, a kind other than earn/redeem/adjust, an adjustment without
    ///   a reason; `conflict` when the balance would go below zero; `notFound` for an unknown customer.
    public func change(_ customerID: CustomerID, _ change: Change, by principal: Principal) async throws(DangolError) -> Balance {
        try principal.requireCustomerWrite()
        let now = services.clock.now()
        var errors: [FieldError] = []
        switch change.kind {
        case .earn, .redeem:
            if change.points <= 0 { errors.append(FieldError(field: "points", code: "range", message: "points is a positive whole number.")) }
        case .adjust:
            if change.points == 0 { errors.append(FieldError(field: "points", code: "range", message: "An adjustment is not zero.")) }
            if (change.reason ?? "").trimmingWhitespace().isEmpty {
                errors.append(FieldError(field: "reason", code: "required", message: "An adjustment needs a reason."))
            }
        case .expire, .reverse:
            errors.append(FieldError(field: "kind", code: "invalid", message: "kind is earn, redeem or adjust (expiry and reversal are automatic)."))
        }
        if let reason = change.reason, reason.count > 500 { errors.append(FieldError(field: "reason", code: "length", message: "reason has at most 500 characters.")) }
        if let key = change.idempotencyKey, key.isEmpty || key.count > 200 {
            errors.append(FieldError(field: "idempotencyKey", code: "length", message: "idempotencyKey has 1–200 characters."))
        }
        if let expiry = change.expiresAt, expiry <= now { errors.append(FieldError(field: "expiresAt", code: "past", message: "expiresAt is in the past.")) }
        guard errors.isEmpty else { throw DangolError.invalid(errors) }
        let signed = change.kind == .redeem ? -change.points : change.points

        let target = try await services.transaction { db in
            let program = try await LoyaltySettingsService.program(on: db).points
            if change.kind == .redeem && change.points < program.minimumRedemption {
                throw DangolError.invalid(field: "points", code: "minimum", "A redemption takes at least \(program.minimumRedemption) points.")
            }
            let expiresAt = signed > 0 ? (change.expiresAt ?? Self.adding(months: defaultLifetimeMonths ?? program.lifetimeMonths, to: now)) : nil
            var target = customerID
            while let next = try await merges.mergedInto(target, on: db) { target = next }
            guard let customer = try await customers.find(target, on: db), customer.isLive else { throw DangolError.notFound("The customer") }
            try await points.lock(target, on: db)
            if let key = change.idempotencyKey, try await points.entry(customerID: target, idempotencyKey: key, on: db) != nil { return target }
            let lots = PointLots(entries: try await points.lotEntries(of: target, on: db))
            do throws(PointLots.Refusal) {
                try lots.check(change.kind, points: signed, at: now)
            } catch {
                switch error {
                case .insufficient(let balance):
                    throw DangolError(.conflict, "The customer has \(balance) points to spend; \(-signed) were asked for.")
                case .invalidAmount, .expiryMismatch:
                    throw DangolError.invalid(field: "points", code: "range", "The amount does not fit the kind of change.")
                }
            }
            let entry = PointEntry(kind: change.kind, points: signed, at: now, expiresAt: expiresAt, reason: change.reason,
                                   reference: change.reference)
            _ = try await points.append(entry, customerID: target, recordedBy: principal.userID, idempotencyKey: change.idempotencyKey, on: db)
            try await DomainEventRepository().append([.init(type: "points.\(change.kind.rawValue == "redeem" ? "redeemed" : change.kind == .earn ? "earned" : "adjusted")",
                                                            customerID: target, payload: #"{"points":\#(signed)}"#, at: now)], on: db)
            if change.kind == .adjust {
                try await AuditRepository().append([AuditEntry(at: now, actorID: principal.userID, actorRole: principal.role.rawValue,
                                                               action: "points.adjust", customerID: target, detail: "points=\(signed)",
                                                               sourceIP: principal.sourceIP, requestID: principal.requestID)], on: db)
            }
            return target
        }
        return try await balance(of: target, for: principal)
    }

    /// Expires the unspent points whose expiry has passed, for every customer (oldest lots first; one `expire` entry
    /// per customer per run). Run it daily (`dangol points expire`). Returns the points expired in total.
    @discardableResult
    public func expireDue(by principal: Principal) async throws(DangolError) -> Int64 {
        try principal.requireCustomerWrite()
        let now = services.clock.now()
        let candidates = try await services.read { db in try await points.customersWithExpiredLots(at: now, on: db) }
        var total: Int64 = 0
        for customer in candidates {
            total += try await services.transaction { db in
                try await points.lock(customer, on: db)
                let lots = PointLots(entries: try await points.lotEntries(of: customer, on: db))
                let due = lots.expiring(at: now)
                guard due > 0 else { return Int64(0) }
                _ = try await points.append(PointEntry(kind: .expire, points: -due, at: now, reason: "expired"), customerID: customer,
                                            recordedBy: principal.userID, idempotencyKey: nil, on: db)
                try await DomainEventRepository().append([.init(type: "points.expired", customerID: customer, payload: #"{"points":\#(-due)}"#,
                                                                at: now)], on: db)
                return due
            }
        }
        return total
    }

    /// `adding(months:to:)` for tests.
    public static func testableAdding(months: Int, to time: Timestamp) -> Timestamp { adding(months: months, to: time) }

    /// `months` calendar months after `time` (the day clamped to the month's length), at the same time of day.
    static func adding(months: Int, to time: Timestamp) -> Timestamp {
        let day = Int(time.rawValue.quotientAndRemainder(dividingBy: 86_400_000).quotient)
        let millis = time.rawValue - Int64(day) * 86_400_000
        let date = CivilDate(daysSinceEpoch: day)
        let total = date.year * 12 + (date.month - 1) + months
        let year = total / 12
        let month = total % 12 + 1
        let clamped = min(date.day, CivilDate.daysIn(month: month, year: year))
        let target = CivilDate(year: year, month: month, day: clamped) ?? date
        return Timestamp(rawValue: Int64(target.daysSinceEpoch) * 86_400_000 + millis)
    }
}
