import DangolApp
import DangolCore
import DangolIdentity
import DangolStore
import Foundation
import DangolTestSupport
import SQLKit
import Testing

@Suite("Resolving incoming records to customers")
struct CustomerResolverTests {
    static func record(_ name: String, _ identifiers: [(String, String)]) -> CustomerInput {
        CustomerInput(kind: .person, displayName: name, identifiers: identifiers.map { IdentifierInput(type: $0.0, value: $0.1) })
    }

    @Test("A strong identifier resolves to its holder; new identifiers are added with the one that matched", arguments: TestEngine.all)
    func deterministic(engine: TestEngine) async throws {
        try await engine.withServices { services in
            let users = try await TestUsers.create(in: services)
            let existing = try await CustomerService(services: services).create(
                Self.record("김민준", [("mobile_phone", "010-1111-2222")]), by: users.admin)
            var input = Self.record("김민준", [("mobile_phone", "+82 10 1111 2222"), ("email", "minjun@example.com")])
            input.consents = [ConsentInput(purpose: "marketing_email", granted: true)]
            let result = try await CustomerResolver(services: services).resolve(input, by: users.admin)
            #expect(result.outcome == .matchedByIdentifier)
            #expect(result.customer.id == existing.id)
            let stored = try await services.read { db in try await IdentifierRepository().list(customerID: existing.id, on: db) }
            let phone = try #require(stored.first { $0.type == .mobilePhone })
            #expect(stored.first { $0.type == .email }?.resolvedVia == phone.id)
            let consent = try await CustomerService(services: services).consents(of: existing.id, for: users.admin)
            #expect(consent.state.isGranted(.marketingEmail))
            #expect(try await services.read { db in try await CustomerRepository().countLive(on: db) } == 1)
        }
    }

    @Test("The match model decides without a strong identifier: same person matched, household member kept apart",
          arguments: TestEngine.all)
    func probabilistic(engine: TestEngine) async throws {
        try await engine.withServices { services in
            let users = try await TestUsers.create(in: services)
            let resolver = CustomerResolver(services: services)
            let existing = try await CustomerService(services: services).create(
                Self.record("김민준", [("mobile_phone", "010-1111-2222"), ("name_birth_date", "김민준|1990-03-05")]), by: users.admin)

            // Same name and birth date, the same number given as a second phone: the same person.
            let same = try await resolver.resolve(
                Self.record("김민준", [("name_birth_date", "김민준|1990-03-05"), ("other_phone", "010-1111-2222")]), by: users.admin)
            #expect(same.outcome == .matchedByModel)
            #expect(same.customer.id == existing.id)
            #expect((same.probability ?? 0) >= 0.9)

            // A household member sharing the home phone, different name and birth date: a new customer.
            let sister = try await resolver.resolve(
                Self.record("김서연", [("name_birth_date", "김서연|1994-08-21"), ("other_phone", "010-1111-2222")]), by: users.admin)
            #expect(sister.outcome == .created || sister.outcome == .createdForReview)
            #expect(sister.customer.id != existing.id)
            #expect(sister.reviewIDs.isEmpty)
        }
    }

    @Test("A likely but uncertain match creates a customer and opens a review", arguments: TestEngine.all)
    func reviewBand(engine: TestEngine) async throws {
        try await engine.withServices { services in
            let users = try await TestUsers.create(in: services)
            let existing = try await CustomerService(services: services).create(
                Self.record("박지훈", [("name_birth_date", "박지훈|1985-07-14"), ("email", "jihoon@example.com")]), by: users.admin)
            // A cautious organisation: only near-certain pairs merge by themselves.
            let thresholds = String(decoding: try JSONEncoder().encode(MatchThresholds(autoMerge: 0.9999, review: 0.5)), as: UTF8.self)
            try await services.transaction { db in
                try await SettingsRepository().setValue("identity.thresholds", thresholds, by: nil, at: Timestamp(rawValue: 1), on: db)
            }
            // Same name and birth date, but a different e-mail: evidence for and against.
            let result = try await CustomerResolver(services: services).resolve(
                Self.record("박지훈", [("name_birth_date", "박지훈|1985-07-14"), ("email", "park.jh@example.net")]), by: users.admin)
            #expect(result.customer.id != existing.id)
            #expect(result.outcome == .createdForReview)
            let queue = try await MatchReviewService(services: services).list(for: users.admin)
            #expect(queue.count == 1)
            #expect(Set([queue.first?.left.id, queue.first?.right.id]) == Set([existing.id, result.customer.id]))
            #expect(queue.first?.origin == "realtime")
        }
    }

    @Test("Two requests at once for the same new person end as one customer", arguments: TestEngine.all)
    func concurrentIncoming(engine: TestEngine) async throws {
        try await engine.withServices { services in
            let users = try await TestUsers.create(in: services)
            let resolver = CustomerResolver(services: services)
            let first = Self.record("정하은", [("mobile_phone", "010-7777-8888"), ("name_birth_date", "정하은|1999-01-30")])
            let second = Self.record("정하은", [("mobile_phone", "01077778888"), ("email", "haeun@example.com")])
            for _ in 0..<5 {
                async let a = resolver.resolve(first, by: users.admin)
                async let b = resolver.resolve(second, by: users.admin)
                let (x, y) = try await (a, b)
                #expect(x.customer.id == y.customer.id)
            }
            #expect(try await services.read { db in try await CustomerRepository().countLive(on: db) } == 1)
        }
    }
}

@Suite("Imports resolve rows with the match model")
struct ImportMatchingTests {
    @Test("A row without a strong identifier attaches to the customer the model recognises, or opens a review",
          arguments: TestEngine.all)
    func importRows(engine: TestEngine) async throws {
        try await engine.withServices { services in
            let users = try await TestUsers.create(in: services)
            let existing = try await CustomerService(services: services).create(
                CustomerResolverTests.record("김민준", [("name_birth_date", "김민준|1990-03-05"), ("email", "minjun@example.com")]), by: users.admin)
            let other = try await CustomerService(services: services).create(
                CustomerResolverTests.record("박지훈", [("name_birth_date", "박지훈|1985-07-14"), ("email", "jihoon@example.com")]), by: users.admin)
            let csv = """
                external_id,display_name,birth_date,other_phone
                r1,김민준,1990-03-05,010-1212-3434
                r2,이도윤,1990-03-05,010-5656-7878

                """
            let path = FileManager.default.temporaryDirectory.appendingPathComponent("match-\(UUID().uuidString).csv").path
            try csv.write(toFile: path, atomically: true, encoding: .utf8)
            defer { try? FileManager.default.removeItem(atPath: path); try? FileManager.default.removeItem(atPath: path + ".rejects") }
            let summary = try await CustomerImporter(services: services).importFile(
                path: path, options: ImportOptions(source: "shop", rejectPath: path + ".rejects"), by: users.admin)
            #expect(summary.matched == 1)
            #expect(summary.created == 1)
            let view = try await CustomerService(services: services).view(existing.id, for: users.admin, reveal: true)
            #expect(view.identifiers.contains { $0.type == .otherPhone && $0.value == "010-1212-3434" })

            // A cautious organisation: the same evidence now only opens a review next to a new customer.
            let thresholds = String(decoding: try JSONEncoder().encode(MatchThresholds(autoMerge: 0.9999, review: 0.5)), as: UTF8.self)
            try await services.transaction { db in
                try await SettingsRepository().setValue("identity.thresholds", thresholds, by: nil, at: Timestamp(rawValue: 1), on: db)
            }
            let second = """
                external_id,display_name,birth_date,email
                r3,박지훈,1985-07-14,park.jh@example.net

                """
            try second.write(toFile: path, atomically: true, encoding: .utf8)
            let cautious = try await CustomerImporter(services: services).importFile(
                path: path, options: ImportOptions(source: "shop2", rejectPath: path + ".rejects"), by: users.admin)
            #expect(cautious.created == 1)
            #expect(cautious.reviews == 1)
            let queue = try await MatchReviewService(services: services).list(for: users.admin)
            #expect(queue.count == 1)
            #expect(queue.first.map { [$0.left.id, $0.right.id].contains(other.id) } == true)
        }
    }
}

@Suite("A shared mobile phone never fuses two people")
struct SharedPhoneTests {
    @Test("Resolve: same phone and a clearly different name is a conflict; a spelling variant still matches", arguments: TestEngine.all)
    func resolve(engine: TestEngine) async throws {
        try await engine.withServices { services in
            let users = try await TestUsers.create(in: services)
            let father = try await CustomerService(services: services).create(
                CustomerResolverTests.record("박지훈", [("mobile_phone", "010-2222-3333")]), by: users.admin)
            let resolver = CustomerResolver(services: services)
            let daughter = await #expect(throws: DangolError.self) {
                _ = try await resolver.resolve(CustomerResolverTests.record("최유리", [("mobile_phone", "010-2222-3333")]), by: users.admin)
            }
            #expect(daughter?.code == .identifierConflict)
            #expect(daughter?.conflictingCustomerID == father.id)
            let spaced = try await resolver.resolve(CustomerResolverTests.record("박 지훈", [("mobile_phone", "01022223333")]), by: users.admin)
            #expect(spaced.customer.id == father.id)
            // With a second, non-phone strong identifier in common the record is the same customer whatever the name.
            _ = try await CustomerService(services: services).addIdentifiers(father.id, [IdentifierInput(type: "email", value: "jh@example.com")], by: users.admin)
            let renamed = try await resolver.resolve(
                CustomerResolverTests.record("Jihoon Park", [("mobile_phone", "010-2222-3333"), ("email", "jh@example.com")]), by: users.admin)
            #expect(renamed.customer.id == father.id)
        }
    }

    @Test("Import: the row becomes its own customer with the number as other_phone; nothing is attached", arguments: TestEngine.all)
    func importRow(engine: TestEngine) async throws {
        try await engine.withServices { services in
            let users = try await TestUsers.create(in: services)
            let father = try await CustomerService(services: services).create(
                CustomerResolverTests.record("박지훈", [("mobile_phone", "010-2222-3333")]), by: users.admin)
            let path = FileManager.default.temporaryDirectory.appendingPathComponent("phone-\(UUID().uuidString).csv").path
            try "display_name,mobile_phone,email\n최유리,010-2222-3333,yuri@example.com\n".write(toFile: path, atomically: true, encoding: .utf8)
            defer { try? FileManager.default.removeItem(atPath: path); try? FileManager.default.removeItem(atPath: path + ".rejects") }
            let summary = try await CustomerImporter(services: services).importFile(
                path: path, options: ImportOptions(rejectPath: path + ".rejects"), by: users.admin)
            #expect(summary.rejected == 0 && summary.matched == 0 && summary.created == 1 && summary.sharedPhones == 1)
            #expect(try await CustomerService(services: services).view(father.id, for: users.admin).identifiers.count == 1)
            let daughter = try await CustomerService(services: services).lookup(type: "email", value: "yuri@example.com", for: users.admin)
            #expect(daughter.id != father.id)
            #expect(daughter.identifiers.contains { $0.type == .otherPhone })
        }
    }
}
