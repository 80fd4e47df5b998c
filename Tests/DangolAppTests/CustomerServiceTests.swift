import DangolApp
import DangolCore
import DangolStore
import DangolTestSupport
import SQLKit
import Testing

@Suite("Customer master use cases")
struct CustomerServiceTests {
    static func person(_ name: String, phone: String? = nil, email: String? = nil, owner: String? = nil) -> CustomerInput {
        var identifiers: [IdentifierInput] = []
        if let phone { identifiers.append(IdentifierInput(type: "mobile_phone", value: phone)) }
        if let email { identifiers.append(IdentifierInput(type: "email", value: email)) }
        return CustomerInput(kind: .person, displayName: name, ownerID: owner, identifiers: identifiers)
    }

    @Test("A strong identifier held by a live customer is refused, naming the holder's id", arguments: TestEngine.all)
    func strongIdentifierConflict(engine: TestEngine) async throws {
        try await engine.withServices { services in
            let users = try await TestUsers.create(in: services)
            let customers = CustomerService(services: services)
            let first = try await customers.create(Self.person("홍길동", phone: "010-1234-5678"), by: users.admin)
            // The same number typed differently is the same identifier.
            let error = await #expect(throws: DangolError.self) {
                _ = try await customers.create(Self.person("김철수", phone: "+82 10 1234 5678"), by: users.admin)
            }
            #expect(error?.code == .identifierConflict)
            #expect(error?.conflictingCustomerID == first.id)
            #expect(error?.fieldErrors.first?.field == "identifiers/0/value")
            #expect(error?.message.contains("5678") == false)
            // Nothing of the refused customer was written.
            let count = try await services.database.read { db in try await CustomerRepository().countLive(on: db) }
            #expect(count == 1)
            // After a soft delete the identifier is free again.
            try await customers.delete(first.id, reason: "duplicate entry", by: users.admin)
            let second = try await customers.create(Self.person("김철수", phone: "01012345678"), by: users.admin)
            #expect(second.id != first.id)
        }
    }

    @Test("Gmail addresses differing by dots and +tags are one identifier", arguments: TestEngine.all)
    func gmailMatchKey(engine: TestEngine) async throws {
        try await engine.withServices { services in
            let users = try await TestUsers.create(in: services)
            let customers = CustomerService(services: services)
            let first = try await customers.create(Self.person("이영희", email: "young.hee@gmail.com"), by: users.admin)
            let error = await #expect(throws: DangolError.self) {
                _ = try await customers.create(Self.person("이영희", email: "YoungHee+shop@googlemail.com"), by: users.admin)
            }
            #expect(error?.conflictingCustomerID == first.id)
            let found = try await customers.lookup(type: "email", value: "younghee@gmail.com", for: users.admin)
            #expect(found.id == first.id)
        }
    }

    @Test("A failing BRN checksum is rejected unless the user overrides it", arguments: TestEngine.all)
    func brnChecksumOverride(engine: TestEngine) async throws {
        try await engine.withServices { services in
            let users = try await TestUsers.create(in: services)
            let customers = CustomerService(services: services)
            let valid = BusinessRegistrationNumber.makeValid(prefix9: "220811234")
            let lastDigit = Int(String(valid.last!))!
            let invalid = String(valid.dropLast()) + String((lastDigit + 1) % 10)
            var input = CustomerInput(kind: .organisation, displayName: "주식회사 단골",
                                      identifiers: [IdentifierInput(type: "brn", value: invalid)])
            let error = await #expect(throws: DangolError.self) { _ = try await customers.create(input, by: users.admin) }
            #expect(error?.fieldErrors.first?.field == "identifiers/0/value")
            #expect(error?.fieldErrors.first?.code == "brn.checksum")
            input.identifiers?[0].overrideChecksum = true
            let created = try await customers.create(input, by: users.admin)
            #expect(created.identifiers.first?.type == .businessRegistrationNumber)
        }
    }

    @Test("Validation reports every bad field at once and writes nothing", arguments: TestEngine.all)
    func validationCollectsAllErrors(engine: TestEngine) async throws {
        try await engine.withServices { services in
            let users = try await TestUsers.create(in: services)
            let customers = CustomerService(services: services)
            let input = CustomerInput(kind: .person, displayName: "  ", ownerID: "nobody",
                                      identifiers: [IdentifierInput(type: "mobile_phone", value: "02-123-4567"),
                                                    IdentifierInput(type: "brn", value: "123-45-67890"),
                                                    IdentifierInput(type: "fax", value: "1")],
                                      consents: [ConsentInput(purpose: "third_party_provision", granted: true)])
            let error = await #expect(throws: DangolError.self) { _ = try await customers.create(input, by: users.admin) }
            let fields = Set(error?.fieldErrors.map(\.field) ?? [])
            #expect(fields == ["displayName", "ownerID", "identifiers/0/value", "identifiers/1/type", "identifiers/2/type",
                               "consents/0/recipient"])
            let count = try await services.database.read { db in try await CustomerRepository().countLive(on: db) }
            #expect(count == 0)
        }
    }

    @Test("Consent state follows the latest event per purpose; withdrawing is one call", arguments: TestEngine.all)
    func consentHistory(engine: TestEngine) async throws {
        try await engine.withServices { services in
            let users = try await TestUsers.create(in: services)
            let customers = CustomerService(services: services)
            var input = Self.person("박민수", phone: "010-2222-3333")
            input.consents = [ConsentInput(purpose: "collection_and_use", granted: true, channel: "store"),
                              ConsentInput(purpose: "marketing_sms", granted: true, channel: "store", textVersion: "mkt-2026-01")]
            let customer = try await customers.create(input, by: users.admin)
            var state = try await customers.consents(of: customer.id, for: users.admin).state
            #expect(state.isGranted(.marketingSMS))
            #expect(!state.isGranted(.marketingEmail))
            state = try await customers.recordConsents(customer.id, [ConsentInput(purpose: "marketing_sms", granted: false, channel: "web")],
                                                       by: users.admin)
            #expect(!state.isGranted(.marketingSMS))
            #expect(state.isGranted(.collectionAndUse))
            state = try await customers.recordConsents(customer.id, [ConsentInput(purpose: "third_party_provision", granted: true,
                                                                                   recipient: "단골카드")], by: users.admin)
            #expect(state.isGranted(.thirdPartyProvision, recipient: "단골카드"))
            #expect(!state.isGranted(.thirdPartyProvision, recipient: "다른회사"))
            let history = try await customers.consents(of: customer.id, for: users.admin).history
            #expect(history.map(\.purpose) == [.collectionAndUse, .marketingSMS, .marketingSMS, .thirdPartyProvision])
            #expect(history.map(\.granted) == [true, true, false, true])
            // The history is append-only in the database itself.
            await #expect(throws: (any Error).self) {
                try await services.database.read { db in try await db.raw("UPDATE consent_events SET granted = FALSE").run() }
            }
            await #expect(throws: (any Error).self) {
                try await services.database.read { db in try await db.raw("DELETE FROM audit_log").run() }
            }
        }
    }

    @Test("An agent sees their own customers unmasked; other agents, managers and analysts see masks", arguments: TestEngine.all)
    func maskingPerRoleAndOwnership(engine: TestEngine) async throws {
        try await engine.withServices { services in
            let users = try await TestUsers.create(in: services)
            let customers = CustomerService(services: services)
            let created = try await customers.create(Self.person("홍길동", phone: "010-1234-5678", email: "hong@example.com",
                                                                 owner: users.agent.userID), by: users.admin)
            let owner = try await customers.view(created.id, for: users.agent)
            #expect(!owner.masked)
            #expect(owner.displayName == "홍길동")
            #expect(owner.identifiers.map(\.value) == ["010-1234-5678", "hong@example.com"])
            for principal in [users.otherAgent, users.manager, users.analyst, users.admin] {
                let view = try await customers.view(created.id, for: principal)
                #expect(view.masked)
                #expect(view.displayName == "홍*동")
                #expect(view.identifiers.map(\.value) == ["010-****-5678", "ho***@example.com"])
            }
            // The same masks in lists.
            let page = try await customers.list(CustomerFilter(), after: nil, limit: 10, for: users.manager)
            #expect(page.items.first?.identifiers.map(\.value) == ["010-****-5678", "ho***@example.com"])
            // An admin may reveal on purpose; an analyst may not.
            #expect(try await customers.view(created.id, for: users.admin, reveal: true).displayName == "홍길동")
            #expect(try await customers.view(created.id, for: users.analyst, reveal: true).masked)
        }
    }

    @Test("Every unmasked read is audited with who, whose and from where; masked reads are not", arguments: TestEngine.all)
    func auditOfUnmaskedReads(engine: TestEngine) async throws {
        try await engine.withServices { services in
            let users = try await TestUsers.create(in: services)
            let customers = CustomerService(services: services)
            let created = try await customers.create(Self.person("최지우", phone: "010-5555-6666", owner: users.agent.userID), by: users.admin)
            var agent = users.agent
            agent.sourceIP = "10.1.2.3"
            _ = try await customers.view(created.id, for: agent)
            _ = try await customers.detail(created.id, for: agent)
            _ = try await customers.list(CustomerFilter(), after: nil, limit: 10, for: agent)
            _ = try await customers.view(created.id, for: users.manager)
            let reads = try await services.database.read { db in
                try await AuditRepository().list(customerID: created.id, action: "customer.read_unmasked", on: db)
            }
            #expect(reads.count == 3)
            #expect(reads.allSatisfy { $0.actorID == users.agent.userID && $0.sourceIP == "10.1.2.3" && $0.customerID == created.id })
            let creates = try await services.database.read { db in
                try await AuditRepository().list(customerID: created.id, action: "customer.create", on: db)
            }
            #expect(creates.count == 1)
        }
    }

    @Test("Lifecycle transitions record from, to, who and why", arguments: TestEngine.all)
    func lifecycleHistory(engine: TestEngine) async throws {
        try await engine.withServices { services in
            let users = try await TestUsers.create(in: services)
            let customers = CustomerService(services: services)
            let created = try await customers.create(Self.person("정하늘"), by: users.agent)
            #expect(created.lifecycleStage == .prospect)
            _ = try await customers.transition(created.id, TransitionInput(to: .lead, reason: "매장 문의"), by: users.agent)
            let history = try await customers.transition(created.id, TransitionInput(to: .active, reason: "first purchase"), by: users.manager)
            #expect(history.map(\.to) == [.prospect, .lead, .active])
            #expect(history.map(\.from) == [nil, .prospect, .lead])
            #expect(history.last?.byUserID == users.manager.userID)
            #expect(history[1].reason == "매장 문의")
            let error = await #expect(throws: DangolError.self) {
                _ = try await customers.transition(created.id, TransitionInput(to: .active), by: users.agent)
            }
            #expect(error?.code == .conflict)
            await #expect(throws: DangolError.self) {
                _ = try await customers.transition(created.id, TransitionInput(to: .churned), by: users.analyst)
            }
        }
    }

    @Test("Filters: stage, owner, tag, attribute, name fragment, phone tail, email prefix; cursor paging", arguments: TestEngine.all)
    func listFiltersAndPaging(engine: TestEngine) async throws {
        try await engine.withServices { services in
            let users = try await TestUsers.create(in: services)
            let customers = CustomerService(services: services)
            try await customers.defineAttribute(AttributeDefinition(key: "last_eye_test", label: "Last eye test", type: .date), by: users.admin)
            var made: [CustomerView] = []
            for index in 0..<7 {
                var input = Self.person("고객\(index) 김", phone: "010-1000-\(1000 + index)", email: "c\(index)@example.com",
                                        owner: index % 2 == 0 ? users.agent.userID : nil)
                input.tags = index < 3 ? ["VIP"] : []
                input.attributes = index == 4 ? ["last_eye_test": .text("2026-03-01")] : [:]
                made.append(try await customers.create(input, by: users.admin))
            }
            func ids(_ filter: CustomerFilter) async throws -> [CustomerID] {
                try await customers.list(filter, after: nil, limit: 50, for: users.admin).items.map(\.id)
            }
            var filter = CustomerFilter()
            filter.tag = "VIP"
            #expect(try await ids(filter) == Array(made[0..<3].map(\.id)))
            filter = CustomerFilter()
            filter.ownerID = users.agent.userID
            #expect(try await ids(filter) == [made[0].id, made[2].id, made[4].id, made[6].id])
            filter = CustomerFilter()
            filter.attribute = ("last_eye_test", "2026-03-01")
            #expect(try await ids(filter) == [made[4].id])
            filter = CustomerFilter()
            filter.phoneTail = "1005"
            #expect(try await ids(filter) == [made[5].id])
            filter = CustomerFilter()
            filter.emailPrefix = "c6@"
            #expect(try await ids(filter) == [made[6].id])
            filter = CustomerFilter()
            filter.nameFragment = "고객3"
            #expect(try await ids(filter) == [made[3].id])
            // Paging walks every customer exactly once, in creation order.
            var seen: [CustomerID] = []
            var cursor: String?
            repeat {
                let page = try await customers.list(CustomerFilter(), after: cursor, limit: 3, for: users.admin)
                seen += page.items.map(\.id)
                cursor = page.nextCursor
            } while cursor != nil
            #expect(seen == made.map(\.id))
            // An empty owner removes the assignment.
            let unassigned = try await customers.update(made[0].id, with: CustomerInput(ownerID: ""), by: users.admin)
            #expect(unassigned.ownerID == nil)
            let bad = await #expect(throws: DangolError.self) {
                _ = try await customers.update(made[0].id, with: CustomerInput(attributes: ["last_eye_test": .text("2026-02-30")]), by: users.admin)
            }
            #expect(bad?.fieldErrors.first?.field == "attributes/last_eye_test")
        }
    }
}
