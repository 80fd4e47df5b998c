import DangolApp
import DangolCore
import DangolStore
import DangolTestSupport
import Testing

@Suite("Membership points")
struct PointsServiceTests {
    @Test("Two redemptions at once of most of the balance: exactly one succeeds", arguments: TestEngine.all)
    func concurrentRedemption(engine: TestEngine) async throws {
        try await engine.withServices { services in
            let users = try await TestUsers.create(in: services)
            let customer = try await CustomerService(services: services).create(CustomerInput(kind: .person, displayName: "정하은"), by: users.admin)
            let points = PointsService(services: services)
            _ = try await points.change(customer.id, .init(kind: .earn, points: 1_000, reference: "order-1"), by: users.admin)
            // 1,000 → 600 → 200: in the third round only one of the two can be paid.
            for round in 0..<3 {
                async let first = Self.outcome { try await points.change(customer.id, .init(kind: .redeem, points: 200), by: users.admin) }
                async let second = Self.outcome { try await points.change(customer.id, .init(kind: .redeem, points: 200), by: users.admin) }
                let results = await [first, second]
                let successes = results.filter { $0 == nil }.count
                if round < 2 { #expect(successes == 2) } else { #expect(successes == 1 && results.contains(.conflict)) }
            }
            let balance = try await points.balance(of: customer.id, for: users.admin)
            #expect(balance.balance == 0)
            #expect(balance.balance == balance.entries.reduce(0) { $0 + $1.points })
            // The compact ledger read used for balances carries the same entries (without reasons and references).
            let compact = try await services.read { db in try await PointRepository().lotEntries(of: customer.id, on: db) }
            let stripped = balance.entries.map { PointEntry(sequence: $0.sequence, kind: $0.kind, points: $0.points, at: $0.at, expiresAt: $0.expiresAt) }
            #expect(compact.sorted { $0.sequence < $1.sequence } == stripped && compact.count == 6)   // one earn, five redemptions
            #expect(try await services.read { db in try await PointRepository().lotEntries(of: CustomerID("00000000-0000-7000-8000-000000000000"), on: db) }.isEmpty)
        }
    }

    @Test("Idempotency keys, validation and adjustments with reasons", arguments: TestEngine.all)
    func changes(engine: TestEngine) async throws {
        try await engine.withServices { services in
            let users = try await TestUsers.create(in: services)
            let customer = try await CustomerService(services: services).create(CustomerInput(kind: .person, displayName: "최유리"), by: users.admin)
            let points = PointsService(services: services)
            _ = try await points.change(customer.id, .init(kind: .earn, points: 500, idempotencyKey: "pos-77"), by: users.agent)
            let again = try await points.change(customer.id, .init(kind: .earn, points: 500, idempotencyKey: "pos-77"), by: users.agent)
            #expect(again.balance == 500)
            #expect(again.entries.count == 1)

            let noReason = await #expect(throws: DangolError.self) {
                _ = try await points.change(customer.id, .init(kind: .adjust, points: -100), by: users.admin)
            }
            #expect(noReason?.fieldErrors.map(\.field) == ["reason"])
            let tooMuch = await #expect(throws: DangolError.self) {
                _ = try await points.change(customer.id, .init(kind: .redeem, points: 501), by: users.admin)
            }
            #expect(tooMuch?.code == .conflict)
            let adjusted = try await points.change(customer.id, .init(kind: .adjust, points: -100, reason: "double earn at the till"), by: users.admin)
            #expect(adjusted.balance == 400)
            await #expect(throws: DangolError.self) {
                _ = try await points.change(customer.id, .init(kind: .earn, points: 10), by: users.analyst)
            }
        }
    }

    static func outcome(_ body: () async throws -> PointsService.Balance) async -> DangolError.Code? {
        do {
            _ = try await body()
            return nil
        } catch let error as DangolError {
            return error.code
        } catch {
            return .unavailable
        }
    }

    @Test("Points expire after whole calendar months", arguments: [
        ("2026-01-31", 1, "2026-02-28"), ("2026-11-22", 24, "2028-11-22"), ("2024-02-29", 12, "2025-02-28"), ("2026-12-15", 1, "2027-01-15"),
    ])
    func lifetime(start: String, months: Int, end: String) throws {
        let from = try #require(CivilDate(iso8601: start))
        let time = Timestamp(rawValue: Int64(from.daysSinceEpoch) * 86_400_000 + 3_600_000)
        let result = PointsService.testableAdding(months: months, to: time)
        #expect(CivilDate(daysSinceEpoch: Int(result.rawValue / 86_400_000)) == CivilDate(iso8601: end))
        #expect(result.rawValue % 86_400_000 == 3_600_000)
    }
}

@Suite("Points from sales")
struct PointsFromSalesTests {
    @Test("Purchases earn at the tier reached, refunds take back, a re-sent sale earns once, a claimed receipt earns then",
          arguments: TestEngine.all)
    func earning(engine: TestEngine) async throws {
        try await engine.withServices { services in
            let users = try await TestUsers.create(in: services)
            let customer = try await CustomerService(services: services).create(CustomerInput(
                kind: .person, displayName: "문채원", identifiers: [IdentifierInput(type: "mobile_phone", value: "010-8080-9090")]), by: users.admin)
            let sales = TransactionService(services: services)
            let points = PointsService(services: services)
            func sale(_ id: String, _ amount: Int64, kind: String = "purchase", channel: String = "store", buyer: Bool = true) async throws -> TransactionResult {
                try await sales.record(TransactionInput(source: "pos", externalId: id, kind: kind, channel: channel, occurredAt: services.clock.now(),
                                                        amount: amount, refundOf: kind == "refund" ? "A" : nil,
                                                        customerId: buyer ? customer.id.rawValue : nil), by: users.admin)
            }
            _ = try await sale("A", 100_000)                         // general: 1 % → 1,000
            #expect(try await points.balance(of: customer.id, for: users.admin).balance == 1_000)
            _ = try await sale("A", 100_000)                         // re-sent: nothing
            #expect(try await points.balance(of: customer.id, for: users.admin).balance == 1_000)
            _ = try await sale("B", 250_000, channel: "app")          // now 350,000 → silver ×1.2: 2 % × 1.2 → 6,000
            #expect(try await points.balance(of: customer.id, for: users.admin).balance == 7_000)
            _ = try await sale("C", 50_000, kind: "refund")           // silver: 1 % × 1.2 → 600 back
            let afterRefund = try await points.balance(of: customer.id, for: users.admin)
            #expect(afterRefund.balance == 6_400)
            #expect(afterRefund.entries.last?.kind == .reverse)

            let anonymous = try await sale("D", 10_000, buyer: false)
            _ = try await sales.attach(anonymous.transaction.id, phone: "01080809090", by: users.admin)
            #expect(try await points.balance(of: customer.id, for: users.admin).balance == 6_400 + 120)
        }
    }
}

@Suite("Point expiry")
struct PointExpiryTests {
    @Test("Unspent points expire oldest first once their date has passed; a second run does nothing", arguments: TestEngine.all)
    func expiry(engine: TestEngine) async throws {
        let clock = TestClock()
        try await engine.withServices(clock: clock) { services in
            let users = try await TestUsers.create(in: services)
            let customer = try await CustomerService(services: services).create(CustomerInput(kind: .person, displayName: "배수지"), by: users.admin)
            let points = PointsService(services: services)
            let day: Int64 = 86_400_000
            _ = try await points.change(customer.id, .init(kind: .earn, points: 300, expiresAt: Timestamp(rawValue: clock.now().rawValue + 10 * day)), by: users.admin)
            _ = try await points.change(customer.id, .init(kind: .earn, points: 200, expiresAt: Timestamp(rawValue: clock.now().rawValue + 100 * day)), by: users.admin)
            _ = try await points.change(customer.id, .init(kind: .redeem, points: 100), by: users.admin)   // from the oldest lot
            #expect(try await points.expireDue(by: users.admin) == 0)
            clock.advance(byMilliseconds: 11 * day)
            #expect(try await points.expireDue(by: users.admin) == 200)
            #expect(try await points.expireDue(by: users.admin) == 0)
            let balance = try await points.balance(of: customer.id, for: users.admin)
            #expect(balance.balance == 200)
            #expect(balance.entries.last?.kind == .expire)
        }
    }
}

@Suite("Points liability")
struct PointsLiabilityTests {
    @Test("Outstanding points, what has expired but is not written off, and what expires soon", arguments: TestEngine.all)
    func liability(engine: TestEngine) async throws {
        let clock = TestClock()
        try await engine.withServices(clock: clock) { services in
            let users = try await TestUsers.create(in: services)
            let points = PointsService(services: services)
            let day: Int64 = 86_400_000
            for (name, amount, days) in [("가", Int64(1_000), Int64(20)), ("나", 500, 60), ("다", 300, 400)] {
                let customer = try await CustomerService(services: services).create(CustomerInput(kind: .person, displayName: name), by: users.admin)
                _ = try await points.change(customer.id, .init(kind: .earn, points: amount,
                                                               expiresAt: Timestamp(rawValue: clock.now().rawValue + days * day)), by: users.admin)
                if name == "가" { _ = try await points.change(customer.id, .init(kind: .redeem, points: 400), by: users.admin) }
            }
            let service = PointsLiabilityService(services: services, pointValueMinor: 2)
            var report = try await service.report(for: users.analyst)
            #expect(report.outstandingPoints == 1_400)
            #expect(report.liabilityMinor == 2_800)
            #expect(report.expiringWithin30Days == 600 && report.expiringWithin90Days == 1_100 && report.expiredNotWrittenOff == 0)
            clock.advance(byMilliseconds: 25 * day)
            report = try await service.report(for: users.manager)
            #expect(report.expiredNotWrittenOff == 600)
            #expect(report.liabilityMinor == (1_400 - 600) * 2)
            await #expect(throws: DangolError.self) { _ = try await service.report(for: users.agent) }
        }
    }
}
