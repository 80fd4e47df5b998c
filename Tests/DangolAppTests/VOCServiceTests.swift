import DangolApp
import DangolCore
import DangolStore
import DangolTestSupport
import Testing

@Suite("Voice of the customer")
struct VOCServiceTests {
    @Test("A complaint past its deadline is escalated once to the owner's manager; resolving needs a resolution", arguments: TestEngine.all)
    func slaEscalation(engine: TestEngine) async throws {
        let clock = TestClock()
        try await engine.withServices(clock: clock) { services in
            let users = try await TestUsers.create(in: services)
            let customer = try await CustomerService(services: services).create(CustomerInput(kind: .person, displayName: "강다인"), by: users.admin)
            let voc = VOCService(services: services)
            let urgent = try await voc.open(for: customer.id, .init(kind: .complaint, severity: .high, channel: "phone",
                                                                   subject: "배송 지연", ownerId: "user-agent"), by: users.agent)
            #expect(urgent.status == .assigned)
            #expect(urgent.dueAt.rawValue - urgent.openedAt.rawValue == 24 * 3_600_000)
            let praise = try await voc.open(for: customer.id, .init(kind: .compliment, channel: "web", subject: "친절한 상담"), by: users.agent)
            #expect(praise.severity == .low)

            // Just before the deadline nothing is overdue; just after, the high one is — escalated once.
            clock.advance(byMilliseconds: 24 * 3_600_000 - 10)
            #expect(try await voc.escalateOverdue(by: users.admin).isEmpty)
            clock.advance(byMilliseconds: 20)
            let escalated = try await voc.escalateOverdue(by: users.admin)
            #expect(escalated.map(\.id) == [urgent.id])
            #expect(escalated.first?.escalatedTo == "user-manager")
            #expect(try await voc.escalateOverdue(by: users.admin).isEmpty)

            // The flow: resolved needs a resolution; closed cannot go back to in progress without reopening.
            _ = try await voc.transition(urgent.id, .init(to: .inProgress), by: users.agent)
            let noResolution = await #expect(throws: DangolError.self) { _ = try await voc.transition(urgent.id, .init(to: .resolved), by: users.agent) }
            #expect(noResolution?.fieldErrors.map(\.field) == ["resolution"])
            let resolved = try await voc.transition(urgent.id, .init(to: .resolved, resolution: "택배사 재배송, 쿠폰 지급"), by: users.agent)
            #expect(resolved.resolvedAt != nil)
            _ = try await voc.transition(urgent.id, .init(to: .closed), by: users.agent)
            let skip = await #expect(throws: DangolError.self) { _ = try await voc.transition(urgent.id, .init(to: .inProgress), by: users.agent) }
            #expect(skip?.code == .conflict)
            let reopened = try await voc.transition(urgent.id, .init(to: .reopened, note: "재문의"), by: users.agent)
            #expect(reopened.escalatedAt == nil && reopened.resolvedAt == nil && reopened.dueAt > resolved.dueAt)

            let board = try await voc.board(status: nil, for: users.manager)
            #expect(Set(board.map(\.id)) == [urgent.id, praise.id])
            let history = try await services.read { db in try await DomainEventRepository().list(customerID: customer.id, limit: 50, on: db) }
            #expect(history.filter { $0.type == "voc.overdue" }.count == 1)
            #expect(history.contains { $0.type == "voc.resolved" })
        }
    }
}
