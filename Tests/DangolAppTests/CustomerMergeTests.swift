import DangolApp
import DangolCore
import DangolStore
import DangolTestSupport
import Foundation
import SQLKit
import Testing

@Suite("Merging and unmerging customers")
struct CustomerMergeTests {
    /// Everything a merge may touch, for both customers: profile, tags, attributes, identifiers (owner and live
    /// flag included), consent history and state, relationships, lineage.
    struct Snapshot: Equatable {
        var customers: [Customer]
        var identifiers: [String]
        var consents: [String]
        var relationships: [String]
        var sourceRecords: [String]
        var transactions: [String]
        var mergedInto: [String]
    }

    static func snapshot(_ services: AppServices, _ ids: [CustomerID]) async throws -> Snapshot {
        try await services.read { db in
            var snapshot = Snapshot(customers: [], identifiers: [], consents: [], relationships: [], sourceRecords: [], transactions: [],
                                    mergedInto: [])
            for id in ids {
                if let customer = try await CustomerRepository().find(id, on: db) { snapshot.customers.append(customer) }
                for identifier in try await IdentifierRepository().list(customerID: id, on: db) {
                    snapshot.identifiers.append("\(id.rawValue) \(identifier.id) \(identifier.type.rawValue) \(identifier.matchKey) live=\(identifier.isLive)")
                }
                let consents = try await HistoryRepository().consents(of: id, on: db)
                snapshot.consents.append("\(id.rawValue) \(consents.map { "\($0.sequence)" }) \(ConsentState(history: consents).entries.map { "\($0.purpose.rawValue)=\($0.granted)" })")
                for relationship in try await SettingsRepository().relationships(of: id, on: db) {
                    snapshot.relationships.append("\(relationship.id) \(relationship.personID.rawValue) \(relationship.organisationID.rawValue)")
                }
                for link in try await MergeRepository().sourceRecords(of: id, on: db) {
                    snapshot.sourceRecords.append("\(link.source) \(link.externalID) \(link.customerID.rawValue)")
                }
                for transaction in try await TransactionRepository().ids(of: id, on: db) {
                    snapshot.transactions.append("\(id.rawValue) \(transaction.id)")
                }
                snapshot.mergedInto.append(try await MergeRepository().mergedInto(id, on: db)?.rawValue ?? "-")
            }
            return snapshot
        }
    }

    static func person(_ name: String, identifiers: [(String, String)], stage: LifecycleStage = .prospect, tags: [String] = [],
                       consents: [ConsentInput] = []) -> CustomerInput {
        var input = CustomerInput(kind: .person, displayName: name,
                                  identifiers: identifiers.map { IdentifierInput(type: $0.0, value: $0.1) })
        input.lifecycleStage = stage
        input.tags = tags
        input.consents = consents
        return input
    }

    static func sell(_ services: AppServices, _ externalID: String, to customer: CustomerID, via: String? = nil) async throws {
        let now = services.clock.now()
        _ = try await services.transaction { db in
            try await TransactionRepository().insert([TransactionRecord(
                id: services.ids.next(), source: "test", externalID: externalID, customerID: customer, channel: "store", occurredAt: now,
                amountMinor: 10_000, currency: "KRW", resolvedVia: via, createdAt: now)], on: db)
        }
    }

    @Test("Merge moves identifiers, lineage and relationships to a golden record; unmerge restores the state exactly",
          arguments: TestEngine.all)
    func roundTrip(engine: TestEngine) async throws {
        try await engine.withServices { services in
            let users = try await TestUsers.create(in: services)
            let customers = CustomerService(services: services)
            let merger = CustomerMerger(services: services)
            let store = try await customers.create(Self.person("김민준", identifiers: [("mobile_phone", "010-1111-2222"), ("name_birth_date", "김민준|1990-03-05")],
                                                              stage: .active, tags: ["VIP"],
                                                              consents: [ConsentInput(purpose: "marketing_sms", granted: true)]), by: users.admin)
            let web = try await customers.create(Self.person("김민쥰", identifiers: [("email", "minjun@example.com"), ("name_birth_date", "김민준|1990-03-05")],
                                                            stage: .lead, tags: ["온라인"],
                                                            consents: [ConsentInput(purpose: "marketing_email", granted: true)]), by: users.admin)
            let company = try await customers.create(CustomerInput(kind: .organisation, displayName: "주식회사 단골"), by: users.admin)
            _ = try await customers.relate(person: web.id, organisation: company.id, kind: "works_at", title: nil, by: users.admin)
            try await Self.sell(services, "web-order-1", to: web.id)
            try await Self.sell(services, "pos-1", to: store.id)
            // The web record withdraws SMS marketing later than the store record granted it.
            _ = try await customers.recordConsents(web.id, [ConsentInput(purpose: "marketing_sms", granted: false)], by: users.admin)

            let ids = [store.id, web.id, company.id]
            let before = try await Self.snapshot(services, ids)

            let merge = try await merger.merge(survivor: store.id, absorbed: web.id, by: users.manager)
            #expect(merge.movedIdentifiers == 1)    // the e-mail; the shared name + birth date stays behind, retired
            #expect(merge.movedRelationships == 1)
            let merged = try await customers.detail(store.id, for: users.admin, reveal: true)
            #expect(Set(merged.customer.identifiers.map(\.type)) == [.mobilePhone, .email, .nameBirthDate])
            #expect(merged.customer.tags == ["VIP", "온라인"])
            #expect(merged.customer.lifecycleStage == .active)
            // Consent is derived from both histories: the later SMS withdrawal wins, the e-mail grant comes along.
            #expect(!merged.consent.isGranted(.marketingSMS))
            #expect(merged.consent.isGranted(.marketingEmail))
            // The absorbed record no longer answers lookups or lists; its e-mail now finds the survivor.
            #expect(try await customers.lookup(type: "email", value: "minjun@example.com", for: users.admin).id == store.id)
            let listed = try await customers.list(CustomerFilter(), after: nil, limit: 10, for: users.admin)
            #expect(!listed.items.contains { $0.id == web.id })
            let relationships = try await services.read { db in try await SettingsRepository().relationships(of: company.id, on: db) }
            #expect(relationships.map(\.personID) == [store.id])
            #expect(try await services.read { db in try await TransactionRepository().ids(of: store.id, on: db) }.count == 2)

            _ = try await merger.unmerge(merge.id, by: users.manager)
            let after = try await Self.snapshot(services, ids)
            #expect(after == before)
            #expect(try await customers.lookup(type: "email", value: "minjun@example.com", for: users.admin).id == web.id)

            // Undone once is undone.
            let again = await #expect(throws: DangolError.self) { _ = try await merger.unmerge(merge.id, by: users.manager) }
            #expect(again?.code == .conflict)
        }
    }

    @Test("Records that arrive between merge and unmerge follow the identifier they were matched by", arguments: TestEngine.all)
    func recordsInBetween(engine: TestEngine) async throws {
        try await engine.withServices { services in
            let users = try await TestUsers.create(in: services)
            let customers = CustomerService(services: services)
            let merger = CustomerMerger(services: services)
            let survivor = try await customers.create(Self.person("박서연", identifiers: [("mobile_phone", "010-3333-4444")]), by: users.admin)
            let absorbed = try await customers.create(Self.person("박서연", identifiers: [("email", "seoyeon@example.com")]), by: users.admin)
            let merge = try await merger.merge(survivor: survivor.id, absorbed: absorbed.id, by: users.admin)

            // A shop file arrives: one row matched through the absorbed customer's e-mail brings a new customer
            // number, one matched through the survivor's phone brings another.
            let csv = """
                external_id,display_name,email,mobile_phone,customer_number
                shop-1,박서연,seoyeon@example.com,,S-100
                shop-2,박서연,,010-3333-4444,S-200

                """
            let path = FileManager.default.temporaryDirectory.appendingPathComponent("merge-\(UUID().uuidString).csv").path
            try csv.write(toFile: path, atomically: true, encoding: .utf8)
            defer { try? FileManager.default.removeItem(atPath: path) }
            let summary = try await CustomerImporter(services: services).importFile(
                path: path, options: ImportOptions(source: "shop", rejectPath: path + ".rejects"), by: users.admin)
            #expect(summary.matched == 2)

            // A web order placed after the merge, recognised by the absorbed customer's e-mail.
            let email = try await services.read { db in
                try await IdentifierRepository().list(customerID: survivor.id, on: db).first { $0.type == .email }
            }
            try await Self.sell(services, "web-order-2", to: survivor.id, via: email?.id)
            try await Self.sell(services, "pos-2", to: survivor.id)

            _ = try await merger.unmerge(merge.id, by: users.admin)
            let sales = try await services.read { db in
                (try await TransactionRepository().ids(of: absorbed.id, on: db).count,
                 try await TransactionRepository().ids(of: survivor.id, on: db).count)
            }
            #expect(sales.0 == 1)
            #expect(sales.1 == 1)
            let restoredAbsorbed = try await customers.detail(absorbed.id, for: users.admin, reveal: true)
            let restoredSurvivor = try await customers.detail(survivor.id, for: users.admin, reveal: true)
            #expect(Set(restoredAbsorbed.customer.identifiers.map(\.value)) == ["seoyeon@example.com", "S-100"])
            #expect(Set(restoredSurvivor.customer.identifiers.map(\.value)) == ["010-3333-4444", "S-200"])
            let lineage = try await services.read { db in
                (try await MergeRepository().sourceRecords(of: absorbed.id, on: db).map(\.externalID),
                 try await MergeRepository().sourceRecords(of: survivor.id, on: db).map(\.externalID))
            }
            #expect(lineage.0 == ["shop-1"])
            #expect(lineage.1 == ["shop-2"])
        }
    }

    @Test("Merges are refused between kinds, for merged customers, and for agents", arguments: TestEngine.all)
    func refusals(engine: TestEngine) async throws {
        try await engine.withServices { services in
            let users = try await TestUsers.create(in: services)
            let customers = CustomerService(services: services)
            let merger = CustomerMerger(services: services)
            let a = try await customers.create(Self.person("이도윤", identifiers: []), by: users.admin)
            let b = try await customers.create(Self.person("이도윤", identifiers: []), by: users.admin)
            let c = try await customers.create(Self.person("이도윤", identifiers: []), by: users.admin)
            let org = try await customers.create(CustomerInput(kind: .organisation, displayName: "도윤상사"), by: users.admin)

            let kinds = await #expect(throws: DangolError.self) { _ = try await merger.merge(survivor: a.id, absorbed: org.id, by: users.admin) }
            #expect(kinds?.code == .conflict)
            let agent = await #expect(throws: DangolError.self) { _ = try await merger.merge(survivor: a.id, absorbed: b.id, by: users.agent) }
            #expect(agent?.code == .forbidden)
            let own = await #expect(throws: DangolError.self) { _ = try await merger.merge(survivor: a.id, absorbed: a.id, by: users.admin) }
            #expect(own?.code == .conflict)

            let first = try await merger.merge(survivor: a.id, absorbed: b.id, by: users.admin)
            let twice = await #expect(throws: DangolError.self) { _ = try await merger.merge(survivor: c.id, absorbed: b.id, by: users.admin) }
            #expect(twice?.code == .conflict)
            // A survivor merged again must be unmerged in order.
            let second = try await merger.merge(survivor: c.id, absorbed: a.id, by: users.admin)
            let order = await #expect(throws: DangolError.self) { _ = try await merger.unmerge(first.id, by: users.admin) }
            #expect(order?.code == .conflict)
            _ = try await merger.unmerge(second.id, by: users.admin)
            _ = try await merger.unmerge(first.id, by: users.admin)
            #expect(try await merger.merges(of: a.id, by: users.admin).allSatisfy { $0.unmergedAt != nil })
        }
    }
}
