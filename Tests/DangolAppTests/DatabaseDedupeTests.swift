import DangolApp
import DangolCore
import DangolIdentity
import DangolStore
import DangolTestSupport
import SQLKit
import Testing

@Suite("Deduplicating the whole database")
struct DatabaseDedupeTests {
    static func person(_ name: String, _ identifiers: [(String, String)]) -> CustomerInput {
        CustomerInput(kind: .person, displayName: name, identifiers: identifiers.map { IdentifierInput(type: $0.0, value: $0.1) })
    }

    @Test("A dry run reports and changes nothing; a real run merges into the oldest record and stores the models",
          arguments: TestEngine.all)
    func dedupe(engine: TestEngine) async throws {
        try await engine.withServices { services in
            let users = try await TestUsers.create(in: services)
            let customers = CustomerService(services: services)
            let minjun = try await customers.create(Self.person("김민준", [("name_birth_date", "김민준|1990-03-05"), ("email", "minjun@example.com")]), by: users.admin)
            let spaced = try await customers.create(Self.person("김 민준", [("name_birth_date", "김 민준|1990-03-05"), ("other_phone", "010-1111-2222")]), by: users.admin)
            // A household: two people sharing the home phone.
            let father = try await customers.create(Self.person("박지훈", [("name_birth_date", "박지훈|1960-07-14"), ("other_phone", "02-555-1234")]), by: users.admin)
            let daughter = try await customers.create(Self.person("박서연", [("name_birth_date", "박서연|1994-02-21"), ("other_phone", "02-555-1234")]), by: users.admin)
            let live = { try await services.read { db in try await CustomerRepository().countLive(on: db) } }
            #expect(try await live() == 4)

            let dry = try await DatabaseDedupe(services: services).run(dryRun: true, by: users.admin)
            #expect(dry.statistics.records == 4)
            #expect(dry.merges.map(\.survivor) == [minjun.id])
            #expect(dry.merges.map(\.absorbed) == [spaced.id])
            #expect(dry.merges.allSatisfy { $0.mergeID == nil })
            #expect(try await live() == 4)

            let real = try await DatabaseDedupe(services: services).run(dryRun: false, by: users.admin)
            #expect(real.merges.count == 1)
            #expect(real.merges.first?.mergeID != nil)
            #expect(try await live() == 3)
            let merged = try await customers.view(minjun.id, for: users.admin)
            #expect(Set(merged.identifiers.map(\.type)) == [.nameBirthDate, .email, .otherPhone])
            // The household stays apart.
            #expect(try await customers.view(father.id, for: users.admin).id == father.id)
            #expect(try await customers.view(daughter.id, for: users.admin).identifiers.count == 2)
            let stored = try await services.read { db in try await SettingsRepository().value("identity.models", on: db) }
            #expect(stored != nil)

            // Nothing left to do.
            #expect(try await DatabaseDedupe(services: services).run(dryRun: false, by: users.admin).merges.isEmpty)
            // Agents cannot run it.
            await #expect(throws: DangolError.self) { _ = try await DatabaseDedupe(services: services).run(dryRun: true, by: users.agent) }
        }
    }
}
