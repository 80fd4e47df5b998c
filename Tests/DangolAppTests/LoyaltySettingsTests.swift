import DangolApp
import DangolCore
import DangolStore
import DangolTestSupport
import Testing

@Suite("Membership programme settings")
struct LoyaltySettingsTests {
    /// A programme unlike the standard one in every setting a sale touches.
    static func custom() -> LoyaltyProgram {
        LoyaltyProgram(
            points: PointsProgram(rateBasisPoints: ["web": 300], defaultRateBasisPoints: 100, lifetimeMonths: 6,
                                  categoryRateBasisPoints: ["커피": 500], rounding: .up, minimumRedemption: 1_000, reverseOnRefund: false),
            tiers: TierProgram(tiers: [
                .init(code: "basic", nameKorean: "기본", nameEnglish: "Basic", minimumSpendMinor: 0, pointMultiplier: 1),
                .init(code: "platinum", nameKorean: "플래티넘", nameEnglish: "Platinum", minimumSpendMinor: 50_000, pointMultiplier: 2),
            ], windowDays: 90),
            pointValueMinor: 2)
    }

    @Test("The standard programme until an admin replaces it; bad programmes are refused field by field, and only admins change it",
          arguments: TestEngine.all)
    func changeAndValidate(engine: TestEngine) async throws {
        try await engine.withServices { services in
            let users = try await TestUsers.create(in: services)
            let settings = LoyaltySettingsService(services: services)
            #expect(try await settings.current(for: users.agent) == .standard)

            var bad = Self.custom()
            bad.points.defaultRateBasisPoints = -1
            bad.points.categoryRateBasisPoints[""] = 100
            bad.tiers = TierProgram(tiers: [.init(code: "Gold!", nameKorean: "골드", nameEnglish: "Gold", minimumSpendMinor: 10, pointMultiplier: 0)])
            bad.currency = "won"
            let error = await #expect(throws: DangolError.self) { try await settings.change(bad, by: users.admin) }
            let fields = Set(error?.fieldErrors.map(\.field) ?? [])
            #expect(fields.isSuperset(of: ["points/defaultRateBasisPoints", "points/categoryRateBasisPoints/", "tiers/tiers/0/minimumSpendMinor",
                                           "tiers/tiers/0/code", "tiers/tiers/0/pointMultiplier", "currency"]))
            #expect(try await settings.current(for: users.admin) == .standard)   // nothing changed
            await #expect(throws: DangolError.self) { try await settings.change(Self.custom(), by: users.manager) }

            let saved = try await settings.change(Self.custom(), by: users.admin)
            #expect(saved == Self.custom())
            #expect(try await settings.current(for: users.agent) == Self.custom())
            let audit = try await services.read { db in try await AuditRepository().list(action: "settings.loyalty", limit: 20, on: db) }
            #expect(audit.contains { $0.action == "settings.loyalty" && $0.actorID == users.admin.userID })
        }
    }

    @Test("Sales earn by category and channel rates with the programme's rounding and tiers; small redemptions and refund reversal follow it",
          arguments: TestEngine.all)
    func salesFollowTheProgramme(engine: TestEngine) async throws {
        try await engine.withServices { services in
            let users = try await TestUsers.create(in: services)
            _ = try await LoyaltySettingsService(services: services).change(Self.custom(), by: users.admin)
            let products = ProductService(services: services)
            _ = try await products.upsert(.init(sku: "BEAN", name: "원두", category: "커피", listPriceMinor: 10_001, unitCostMinor: 5_000, currency: "KRW"),
                                          by: users.admin)
            _ = try await products.upsert(.init(sku: "MUG", name: "머그", category: "용품", listPriceMinor: 10_001, unitCostMinor: 4_000, currency: "KRW"),
                                          by: users.admin)
            let customer = try await CustomerService(services: services).create(CustomerInput(kind: .person, displayName: "문소리"), by: users.admin)
            let sales = TransactionService(services: services)
            let points = PointsService(services: services)
            // 10,001 × 5 % (coffee) + 10,001 × 3 % (web) = 500.05 + 300.03 = 800.08 → rounded up: 801 (basic tier, ×1).
            _ = try await sales.record(TransactionInput(source: "web", externalId: "W1", channel: "web", occurredAt: services.clock.now(),
                                                        customerId: customer.id.rawValue,
                                                        lines: [.init(sku: "BEAN", quantity: 1, unitPrice: 10_001), .init(sku: "MUG", quantity: 1, unitPrice: 10_001)]),
                                       by: users.admin)
            var balance = try await points.balance(of: customer.id, for: users.admin)
            #expect(balance.balance == 801)
            // The lot lives the programme's 6 months, not the standard 24.
            let lot = try #require(balance.entries.first)
            #expect(lot.expiresAt == PointsService.testableAdding(months: 6, to: lot.at))

            // 50,000 within 90 days reaches the custom "platinum" tier; the next sale earns double: 30,000 × 1 % × 2 = 600.
            _ = try await sales.record(TransactionInput(source: "pos", externalId: "P1", channel: "store", occurredAt: services.clock.now(),
                                                        amount: 30_000, customerId: customer.id.rawValue), by: users.admin)
            #expect(try await TierService(services: services).tier(of: customer.id, for: users.admin).current == "platinum")
            balance = try await points.balance(of: customer.id, for: users.admin)
            #expect(balance.balance == 801 + 600)

            // A redemption below the minimum is refused; at the minimum it goes through.
            let small = await #expect(throws: DangolError.self) {
                try await points.change(customer.id, .init(kind: .redeem, points: 999), by: users.admin)
            }
            #expect(small?.fieldErrors.first?.code == "minimum")
            #expect(try await points.change(customer.id, .init(kind: .redeem, points: 1_000), by: users.admin).balance == 401)

            // Refunds do not take points back in this programme.
            _ = try await sales.record(TransactionInput(source: "pos", externalId: "R1", kind: "refund", channel: "store", occurredAt: services.clock.now(),
                                                        amount: 30_000, refundOf: "P1", customerId: customer.id.rawValue), by: users.admin)
            #expect(try await points.balance(of: customer.id, for: users.admin).balance == 401)

            // The liability is valued at 2 won a point.
            #expect(try await PointsLiabilityService(services: services).report(for: users.admin).liabilityMinor == 802)
        }
    }
}
