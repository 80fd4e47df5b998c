import DangolApp
import DangolCore
import DangolStore
import DangolTestSupport
import Testing

@Suite("Membership tiers in the store")
struct TierServiceTests {
    @Test("A purchase crossing a threshold upgrades at once; spend rolling off the 12-month window downgrades nightly",
          arguments: TestEngine.all)
    func upAndDown(engine: TestEngine) async throws {
        let clock = TestClock()
        try await engine.withServices(clock: clock) { services in
            let users = try await TestUsers.create(in: services)
            let customer = try await CustomerService(services: services).create(CustomerInput(kind: .person, displayName: "오세훈"), by: users.admin)
            let sales = TransactionService(services: services)
            func buy(_ id: String, _ amount: Int64) async throws {
                _ = try await sales.record(TransactionInput(source: "pos", externalId: id, channel: "store", occurredAt: clock.now(),
                                                            amount: amount, customerId: customer.id.rawValue), by: users.admin)
            }
            let tiers = TierService(services: services)
            try await buy("a", 299_999)
            #expect(try await tiers.tier(of: customer.id, for: users.admin).current == "general")
            try await buy("b", 1)
            let upgraded = try await tiers.tier(of: customer.id, for: users.admin)
            #expect(upgraded.current == "silver")
            #expect(upgraded.history.map(\.to) == ["general", "silver"])
            #expect(upgraded.history.last?.spendMinor == 300_000)
            #expect(upgraded.history.last?.reason == "purchase")

            // Nothing changes overnight while the spend is inside the window…
            clock.advance(byMilliseconds: 200 * 86_400_000)
            #expect(try await tiers.evaluateAll(by: users.admin) == 0)
            // …and a year later it has rolled off.
            clock.advance(byMilliseconds: 200 * 86_400_000)
            #expect(try await tiers.evaluateAll(by: users.admin) == 1)
            let downgraded = try await tiers.tier(of: customer.id, for: users.admin)
            #expect(downgraded.current == "general")
            #expect(downgraded.history.last?.reason == "nightly")
            let events = try await services.read { db in try await DomainEventRepository().list(customerID: customer.id, limit: 50, on: db) }
            #expect(events.filter { $0.type == "tier.changed" }.count == 3)
        }
    }
}
