import DangolCore
import DangolIdentity
import DangolStore
import HummingbirdBcrypt
import SQLKit

/// Fills a database with a realistic demo: users for every role and N synthetic customers with identifiers, stages,
/// owners, tags, consent histories and person ↔ organisation relationships — deterministic for a seed.
///
/// ```swift
/// let builder = DemoDataBuilder(services: services)
/// let summary = try await builder.build(customers: 10_000, seed: 42, passwords: ["admin": "change-me"])
/// ```
///
/// Users: `admin` (admin), `manager` (manager), `agent1`…`agentN` (agents reporting to the manager) and `analyst`.
/// A user that already exists is kept as it is (its password is not changed). Customers go through the importer's
/// batch path (source `demo`, so building again with the same seed creates nothing new); after a fresh build about
/// 6% of customers withdraw their SMS marketing consent and a few people are linked to organisations.
public struct DemoDataBuilder: Sendable {
    public let services: AppServices
    private let hashPassword: @Sendable (String) -> String

    /// - Parameter hashPassword: makes the stored password hash; bcrypt with cost 10 by default (tests pass a
    ///   cheaper function).
    public init(services: AppServices, hashPassword: @escaping @Sendable (String) -> String = { Bcrypt.hash($0, cost: 10) }) {
        self.services = services
        self.hashPassword = hashPassword
    }

    /// Creates the demo users and `customers` synthetic customers.
    ///
    /// - Parameters:
    ///   - customers: how many customers (0…6,000,000).
    ///   - seed: fixes the data.
    ///   - agents: how many agent users (`agent1`…), 1…50.
    ///   - passwords: username → password; users not listed get `defaultPassword`.
    ///   - progress: the importer's progress reports.
    public func build(customers count: Int, seed: UInt64, agents: Int = 3, passwords: [String: String] = [:],
                      defaultPassword: String = "dangol-demo",
                      progress: @Sendable (ImportProgress) -> Void = { _ in }) async throws(DangolError) -> DemoSummary {
        guard (0...6_000_000).contains(count) else {
            throw DangolError.invalid(field: "customers", code: "demo.count", "The number of demo customers must be between 0 and 6,000,000.")
        }
        guard (1...50).contains(agents) else {
            throw DangolError.invalid(field: "agents", code: "demo.agents", "The number of agents must be between 1 and 50.")
        }
        let agentNames = (1...agents).map { "agent\($0)" }
        let usersCreated = try await createUsers(agentNames: agentNames, passwords: passwords, defaultPassword: defaultPassword)
        let generator = SyntheticCustomerGenerator(seed: seed, owners: agentNames)
        let principal = Principal.system("demo")
        var options = ImportOptions(source: "demo", batchSize: 2_000, consentChannel: "web")
        options.rejectPath = nil
        let imported = try await CustomerImporter(services: services).run(
            source: SyntheticCustomerSource(generator: generator, count: count), mapping: .automatic, options: options,
            rejectPath: nil, replacingStaleRejects: false, by: principal, progress: progress)
        var withdrawals = 0
        var relationships = 0
        if imported.created > 0 && imported.unchanged == 0 && imported.matched == 0 {
            (withdrawals, relationships) = try await addHistory(generator: generator, count: count, seed: seed, principal: principal)
        }
        return DemoSummary(usersCreated: usersCreated, customersCreated: imported.created, consentWithdrawals: withdrawals,
                           relationships: relationships, importSummary: imported)
    }

    private func createUsers(agentNames: [String], passwords: [String: String], defaultPassword: String) async throws(DangolError) -> [String] {
        let now = services.clock.now()
        var specs: [(username: String, displayName: String, role: Role)] = [
            ("admin", "관리자", .admin), ("manager", "김매니저", .manager), ("analyst", "이분석", .analyst),
        ]
        for (position, name) in agentNames.enumerated() { specs.append((name, "상담원 \(position + 1)", .agent)) }
        let existing = try await services.read { db in Set(try await UserRepository().list(on: db).map(\.username)) }
        let missing = specs.filter { !existing.contains($0.username) }
        guard !missing.isEmpty else { return [] }
        // Hashing is deliberately slow (bcrypt); do it before the transaction.
        var records: [UserRecord] = []
        for spec in missing {
            records.append(UserRecord(id: services.ids.next(), username: spec.username, displayName: spec.displayName, role: spec.role,
                                      passwordHash: hashPassword(passwords[spec.username] ?? defaultPassword), createdAt: now))
        }
        let toInsert = records
        try await services.transaction { db in
            let users = UserRepository()
            let managerID = try await users.find(username: "manager", on: db)?.id ?? toInsert.first { $0.username == "manager" }?.id
            for var record in toInsert {
                if record.role == .agent { record.managerID = managerID }
                try await users.insert(record, on: db)
            }
            try await AuditRepository().append(toInsert.map {
                AuditEntry(at: now, actorID: "system:demo", actorRole: Role.admin.rawValue, action: "user.create", customerID: nil,
                           detail: $0.role.rawValue)
            }, on: db)
        }
        return toInsert.map(\.username)
    }

    /// Withdraws some SMS consents in the app (after the grants, so the history reads grant → withdrawal) and links a few
    /// people to organisations.
    private func addHistory(generator: SyntheticCustomerGenerator, count: Int, seed: UInt64,
                            principal: Principal) async throws(DangolError) -> (Int, Int) {
        var withdrawing: [String] = []
        var organisations: [(index: Int, externalID: String)] = []
        let relationshipTarget = min(200, max(1, count / 50))
        for index in 0..<count {
            let customer = generator.customer(at: index)
            if customer.withdrawsSMSLater { withdrawing.append(customer.externalID) }
            if customer.kind == .organisation && organisations.count < relationshipTarget {
                organisations.append((index, customer.externalID))
            }
        }
        // Each organisation gets the next one or two people after it in the file as staff.
        var pairs: [(person: String, organisation: String, title: String)] = []
        var random = SplitMix64(seed: seed ^ 0xD3A0)
        for organisation in organisations {
            var found = 0
            var index = organisation.index + 1
            let wanted = 1 + random.next(below: 2)
            while found < wanted && index < count && index < organisation.index + 20 {
                let candidate = generator.customer(at: index)
                if candidate.kind == .person {
                    pairs.append((candidate.externalID, organisation.externalID, random.pick(DemoVocabulary.jobTitles)))
                    found += 1
                }
                index += 1
            }
        }
        let withdrawingIDs = withdrawing
        let relationshipPairs = pairs
        let services = self.services
        return try await services.transaction { db in
            let sources = SourceRecordRepository()
            let ids = try await sources.customers(
                source: "demo", externalIDs: withdrawingIDs + relationshipPairs.flatMap { [$0.person, $0.organisation] }, on: db)
            let at = services.clock.now()
            let events: [(CustomerID, ConsentEvent)] = withdrawingIDs.compactMap { external in
                ids[external].map {
                    ($0, ConsentEvent(purpose: .marketingSMS, granted: false, channel: "app", source: "demo", at: at))
                }
            }
            try await HistoryRepository().appendConsents(events, on: db)
            try await DomainEventRepository().append(events.map { .init(type: "consent.changed", customerID: $0.0, at: at) }, on: db)
            var linked = 0
            let settings = SettingsRepository()
            for pair in relationshipPairs {
                guard let person = ids[pair.person], let organisation = ids[pair.organisation] else { continue }
                try await settings.insertRelationship(.init(id: services.ids.next(), personID: person, organisationID: organisation,
                                                            kind: "works_at", title: pair.title, createdAt: at), on: db)
                linked += 1
            }
            try await AuditRepository().append([AuditEntry(
                at: at, actorID: principal.userID, actorRole: principal.role.rawValue, action: "demo.history", customerID: nil,
                detail: "consent_withdrawals=\(events.count) relationships=\(linked)")], on: db)
            return (events.count, linked)
        }
    }
}

/// What ``DemoDataBuilder/build(customers:seed:agents:passwords:defaultPassword:progress:)`` created.
public struct DemoSummary: Sendable, Hashable {
    /// Usernames created by this run (existing users are kept and not listed).
    public var usersCreated: [String]
    public var customersCreated: Int
    /// SMS marketing consents withdrawn after being granted.
    public var consentWithdrawals: Int
    /// Person → organisation `works_at` links.
    public var relationships: Int
    /// The underlying import's counts.
    public var importSummary: ImportSummary
}
