import DangolApp
import DangolCSV
import DangolCore
import DangolStore
import DangolTestSupport
import Foundation
import SQLKit
import Testing

@Suite("Demo data and synthetic CSV")
struct DemoDataTests {
    /// A cheap stand-in for bcrypt: the tests do not log in.
    static let hash: @Sendable (String) -> String = { "test-hash:" + String($0.count) }

    /// Generates `rows` synthetic customers to a temporary file and returns its records (header first).
    static func generate(rows: Int, seed: UInt64) throws -> [[String]] {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("dangol-synthetic-\(UUID().uuidString).csv").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try SyntheticCustomerCSV(seed: seed).write(rows: rows, to: path)
        return try CSVFixtures.readCSV(path)
    }

    static func column(_ name: String, _ rows: [[String]]) -> [String] {
        guard let index = rows.first?.firstIndex(of: name) else { return [] }
        return rows.dropFirst().map { $0[index] }
    }

    @Test("The demo's 360° history: a catalogue, sales with points, walk-in sales, contacts, VOC cases at every status, buyers who differ",
          arguments: TestEngine.all)
    func buildsActivity(engine: TestEngine) async throws {
        try await engine.withServices { services in
            _ = try await DemoDataBuilder(services: services, hashPassword: Self.hash).build(customers: 500, seed: 7)
            let activity = try await DemoActivityBuilder(services: services).build(seed: 7, buyers: 400)
            #expect(activity.products == DemoActivityBuilder.catalogue.count)
            #expect(activity.transactions > 400 && activity.interactions > 100 && activity.cases >= 16)
            let anonymous = try await CSVFixtures.count(services, "SELECT COUNT(*) AS n FROM transactions WHERE customer_id IS NULL")
            #expect(anonymous == 200)
            let earned = try await CSVFixtures.count(services, "SELECT COUNT(*) AS n FROM point_ledger WHERE kind = 'earn'")
            #expect(earned == activity.transactions - anonymous)
            let statuses = try await CSVFixtures.count(services, "SELECT COUNT(DISTINCT status) AS n FROM voc_cases")
            #expect(statuses == 4)   // received, assigned, in progress, resolved
            // Buyers differ: some buy once, some many times (drop-out and rate vary per customer).
            let perBuyer = try await services.read { db in
                try await db.raw("SELECT COUNT(*) AS n FROM transactions WHERE customer_id IS NOT NULL GROUP BY customer_id").all()
                    .map { try $0.decode(column: "n", as: Int.self) }
            }
            #expect(perBuyer.contains(1) && (perBuyer.max() ?? 0) >= 10)

            // The demo's BG/NBD fit has a and b in the millions: the hypergeometric series once ran for minutes here
            // and gave NaN. Every buyer now gets finite expected purchases and CLV.
            let refresh = try await AnalyticsRefreshService(services: services).refresh(trigger: "test")
            #expect(refresh.report.bgnbd != nil)
            let scored = try await CSVFixtures.count(services, """
                SELECT COUNT(*) AS n FROM customer_scores WHERE expected_purchases IS NOT NULL AND clv IS NOT NULL
                AND expected_purchases >= 0 AND expected_purchases < 1000
                """)
            #expect(scored == refresh.report.customers)
        }
    }

    @Test("The demo builder creates the users and N customers with histories and relationships", arguments: TestEngine.all)
    func buildsDemo(engine: TestEngine) async throws {
        try await engine.withServices { services in
            let builder = DemoDataBuilder(services: services, hashPassword: Self.hash)
            let summary = try await builder.build(customers: 400, seed: 7, passwords: ["admin": "secret-admin"])
            #expect(summary.usersCreated.sorted() == ["admin", "agent1", "agent2", "agent3", "analyst", "manager"])
            #expect(summary.customersCreated == 400)
            #expect(summary.importSummary.rejected == 0)
            #expect(summary.relationships > 0)
            #expect(summary.consentWithdrawals > 0)
            let users = try await services.read { db in try await UserRepository().list(on: db) }
            #expect(users.first { $0.username == "admin" }?.passwordHash == "test-hash:12")
            #expect(users.first { $0.username == "admin" }?.role == .admin)
            let manager = try #require(users.first { $0.username == "manager" })
            #expect(users.filter { $0.role == .agent }.allSatisfy { $0.managerID == manager.id })

            let counts = try await CSVFixtures.tableCounts(services)
            #expect(counts["customers"] == 400)
            #expect((counts["identifiers"] ?? 0) >= 1_000)
            let organisations = try await CSVFixtures.count(services, "SELECT COUNT(*) AS n FROM customers WHERE kind = 'organisation'")
            #expect((10...80).contains(organisations))
            let owned = try await CSVFixtures.count(services, "SELECT COUNT(*) AS n FROM customers WHERE owner_id IS NOT NULL")
            #expect((250...380).contains(owned))
            let stages = try await CSVFixtures.count(services, "SELECT COUNT(DISTINCT lifecycle_stage) AS n FROM customers")
            #expect(stages == 4)
            let relationships = try await CSVFixtures.count(services, "SELECT COUNT(*) AS n FROM relationships")
            #expect(relationships == summary.relationships)

            // Every stored BRN passes the National Tax Service checksum.
            let brns = try await services.read { db in
                try await db.raw("SELECT normalized FROM identifiers WHERE type = 'brn'").all()
                    .map { try $0.decode(column: "normalized", as: String.self) }
            }
            #expect(brns.count == organisations)
            #expect(brns.allSatisfy(BusinessRegistrationNumber.isChecksumValid))

            // A withdrawn SMS consent reads as withdrawn, after the grant.
            let withdrawn = try await services.read { db in
                try await db.raw("SELECT customer_id FROM consent_events WHERE purpose = 'marketing_sms' AND granted = \(bind: false) AND channel = 'app' ORDER BY id LIMIT 1").first()?
                    .decode(column: "customer_id", as: String.self)
            }
            let admin = Principal(userID: manager.id, role: .manager)
            let detail = try await CustomerService(services: services).detail(CustomerID(try #require(withdrawn)), for: admin)
            #expect(!detail.consent.isGranted(.marketingSMS))
            #expect(detail.consentHistory.filter { $0.purpose == .marketingSMS }.map(\.granted) == [true, false])

            // Building again with the same seed creates nothing new and keeps the users.
            let again = try await builder.build(customers: 400, seed: 7)
            #expect(again.usersCreated.isEmpty)
            #expect(again.customersCreated == 0)
            #expect(again.importSummary.unchanged == 400)
            var after = try await CSVFixtures.tableCounts(services)
            after["audit_log"] = counts["audit_log"]
            #expect(after == counts)
        }
    }

    @Test("Synthetic organisations have business registration numbers that pass the checksum, and all are unique")
    func brnsAreValid() throws {
        let rows = try Self.generate(rows: 5_000, seed: 11)
        let brns = Self.column("brn", rows).filter { !$0.isEmpty }
        #expect(brns.count > 300)
        let digits = brns.map { $0.filter(\.isNumber) }
        #expect(digits.allSatisfy(BusinessRegistrationNumber.isChecksumValid))
        #expect(Set(digits).count == digits.count)
        #expect(brns.allSatisfy { $0.count == 12 && $0.dropFirst(3).hasPrefix("-81-") })
    }

    @Test("Synthetic mobile numbers, e-mail match keys and customer numbers are unique")
    func identifiersAreUnique() throws {
        let rows = try Self.generate(rows: 20_000, seed: 3)
        let phones = Self.column("mobile_phone", rows).filter { !$0.isEmpty }.map { $0.filter(\.isNumber) }
        #expect(phones.count > 15_000)
        #expect(phones.allSatisfy { $0.count == 11 && $0.hasPrefix("010") })
        #expect(Set(phones).count == phones.count)
        let emails = try Self.column("email", rows).filter { !$0.isEmpty }.map { try IdentifierNormalizer.normalize($0, as: .email).matchKey }
        #expect(Set(emails).count == emails.count)
        let numbers = Self.column("customer_number", rows)
        #expect(Set(numbers).count == 20_000)
    }

    @Test("Names look Korean, with about one in ten English, and organisations have Korean company names")
    func realisticNames() throws {
        let rows = try Self.generate(rows: 2_000, seed: 5)
        let kinds = Self.column("kind", rows)
        let names = Self.column("display_name", rows)
        let people = zip(kinds, names).filter { $0.0 == "person" }.map(\.1)
        let english = people.filter { $0.contains(" ") }
        #expect((0.05...0.15).contains(Double(english.count) / Double(people.count)))
        let surnames = ["김", "이", "박", "최", "정"]
        let common = people.filter { name in surnames.contains { name.hasPrefix($0) } }
        #expect(Double(common.count) / Double(people.count) > 0.4)
        let organisations = zip(kinds, names).filter { $0.0 == "organisation" }.map(\.1)
        #expect(organisations.contains { $0.hasPrefix("주식회사 ") || $0.hasPrefix("(주)") })
    }

    @Test("The same seed gives the same file; another seed gives another")
    func deterministic() throws {
        let first = try Self.generate(rows: 500, seed: 42)
        let second = try Self.generate(rows: 500, seed: 42)
        let other = try Self.generate(rows: 500, seed: 43)
        #expect(first == second)
        #expect(first != other)
        #expect(first.first == SyntheticCustomerCSV.header)
        #expect(first.count == 501)
    }

    @Test("A synthetic file imports without a single reject", arguments: TestEngine.all)
    func syntheticFileImports(engine: TestEngine) async throws {
        try await engine.withServices { services in
            let users = try await TestUsers.create(in: services)
            let path = FileManager.default.temporaryDirectory.appendingPathComponent("dangol-synthetic-\(UUID().uuidString).csv").path
            defer {
                try? FileManager.default.removeItem(atPath: path)
                try? FileManager.default.removeItem(atPath: path + ".rejects.csv")
            }
            try SyntheticCustomerCSV(seed: 9, owners: ["agent", "agent2"]).write(rows: 2_500, to: path)
            let summary = try await CustomerImporter(services: services).importFile(path: path, by: users.admin)
            #expect(summary.created == 2_500)
            #expect(summary.rejected == 0)
            #expect(summary.rejectFile == nil)
            let identifiers = try await CSVFixtures.tableCounts(services)["identifiers"] ?? 0
            // About three identifiers per customer, as the benchmark assumes.
            #expect((2.8...4.0).contains(Double(identifiers) / 2_500))
        }
    }
}
