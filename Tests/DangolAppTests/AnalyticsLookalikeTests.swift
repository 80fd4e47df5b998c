import DangolAnalytics
import DangolApp
import DangolCore
import DangolStore
import DangolTestSupport
import Foundation
import SQLKit
import Testing

@Suite("Analytics — lookalikes")
struct AnalyticsLookalikeTests {
    typealias Sample = AnalyticsTestData

    /// A customer created `daysAgo` days before the test's today, with tags, an e-mail and a birth date.
    static func customer(_ index: Int, stage: LifecycleStage, tags: [String] = [], email: String? = nil, born: String? = nil,
                         createdDaysAgo: Int = 200, deleted: Bool = false) -> (Customer, [IdentifierRecord]) {
        let created = Sample.at(Sample.today - createdDaysAgo)
        let id = Sample.customerID(index)
        let customer = Customer(id: id, kind: .person, displayName: "홍길동\(index)", lifecycleStage: stage, ownerID: nil, tags: tags,
                                createdAt: created, updatedAt: created, deletedAt: deleted ? created : nil, deletionReason: deleted ? "test" : nil)
        var identifiers: [IdentifierRecord] = []
        if let email {
            identifiers.append(IdentifierRecord(id: "e\(index)", customerID: id, type: .email, raw: email, normalized: email, matchKey: email,
                                                masked: "h***@" + email.split(separator: "@")[1], tail: nil, source: "test", verified: false,
                                                isStrong: true, firstSeen: created, lastSeen: created))
        }
        if let born {
            identifiers.append(IdentifierRecord(id: "b\(index)", customerID: id, type: .nameBirthDate, raw: "홍길동|" + born,
                                                normalized: "홍길동|" + born, matchKey: "홍길동|" + born, masked: "홍**|****", tail: nil,
                                                source: "test", verified: false, isStrong: false, firstSeen: created, lastSeen: created))
        }
        return (customer, identifiers)
    }

    /// Seed 0–3: VIP, work e-mail, born in the 1980s, two purchases in their first weeks. Candidates: 10 (lead) like
    /// them in everything but one purchase; 11 (prospect) VIP only; 12 (lead) nothing alike, free mail; 13 an active
    /// VIP (not a candidate by default); 14 a deleted VIP lead.
    static func insertPool(into services: AppServices) async throws {
        let people = [
            customer(0, stage: .active, tags: ["VIP"], email: "kim@dangol.co.kr", born: "1985-03-01"),
            customer(1, stage: .active, tags: ["VIP"], email: "lee@hanbit.com", born: "1982-07-15"),
            customer(2, stage: .active, tags: ["VIP", "매장"], email: "park@daon.kr", born: "1988-01-30"),
            customer(3, stage: .active, tags: ["VIP"], email: "choi@nuri.co.kr"),
            customer(10, stage: .lead, tags: ["VIP"], email: "jung@mirae.co.kr", born: "1984-05-05", createdDaysAgo: 60),
            customer(11, stage: .prospect, tags: ["VIP"], email: "yoon@naver.com", createdDaysAgo: 20),
            customer(12, stage: .lead, tags: ["온라인"], email: "han@gmail.com", born: "2001-02-02", createdDaysAgo: 10),
            customer(13, stage: .active, tags: ["VIP"], createdDaysAgo: 30),
            customer(14, stage: .lead, tags: ["VIP"], createdDaysAgo: 30, deleted: true),
        ]
        try await services.database.transaction { db in
            try await CustomerRepository().insert(people.map(\.0), on: db)
            try await IdentifierRepository().insert(people.flatMap(\.1), on: db)
        }
        var sales: [TransactionRecord] = []
        for seed in 0...3 {
            sales.append(Sample.sale("S\(seed)a", customer: seed, at: Sample.at(Sample.today - 190), amount: 40_000))
            sales.append(Sample.sale("S\(seed)b", customer: seed, at: Sample.at(Sample.today - 170), amount: 20_000))
            // Late purchases are not early behaviour.
            sales.append(Sample.sale("S\(seed)c", customer: seed, at: Sample.at(Sample.today - 5), amount: 90_000))
        }
        sales.append(Sample.sale("L10", customer: 10, at: Sample.at(Sample.today - 50), amount: 30_000))
        try await Sample.insert(sales, into: services.database)
    }

    static let seedIDs = (0...3).map { Sample.customerID($0).rawValue }

    @Test("Candidates rank by likeness to the seed, with what made them alike; deleted, active and seed customers are left out",
          arguments: TestEngine.all)
    func ranking(engine: TestEngine) async throws {
        try await engine.withServices { services in
            try await Self.insertPool(into: services)
            let users = try await TestUsers.create(in: services)
            let service = LookalikeService(services: services)
            let result = try await service.search(LookalikeRequest(seed: .init(customerIds: Self.seedIDs)), for: users.manager)
            #expect(result.seedSize == 4 && result.candidatesScored == 3 && !result.candidatesCapped && result.earlyDays == 90)
            #expect(result.items.map(\.customer.id) == [10, 11, 12].map(Sample.customerID))
            let best = result.items[0]
            #expect(best.similarity > 0.5 && result.items[2].similarity < 0)
            #expect(best.early == LookalikeResult.Early(purchases: 1, spendMinor: 30_000, contacts: 0))
            // Managers see masked customers: the VIP tag and the early purchase explain, the e-mail class and age band
            // (personal data) do not.
            #expect(best.customer.masked && best.customer.displayName != "홍길동10")
            #expect(best.features.contains { $0.family == "tag" && $0.value == "VIP" })
            #expect(best.features.allSatisfy { $0.family != "email_domain" && $0.family != "age_band" })
            #expect(best.features.allSatisfy { ($0.share ?? 0) > 0 })
            // The seed stands out by its early purchases and its tag; a seed of four does not reveal personal features.
            #expect(Set(result.seedProfile.map(\.family)).isSuperset(of: ["early_purchases", "tag"]))
            #expect(result.seedProfile.allSatisfy { $0.family != "age_band" && $0.family != "email_domain" })

            let leads = try await service.search(LookalikeRequest(seed: .init(customerIds: Self.seedIDs), candidates: .init(stages: ["lead"])),
                                                  for: users.analyst)
            #expect(leads.items.map(\.customer.id) == [10, 12].map(Sample.customerID))
            let active = try await service.search(LookalikeRequest(seed: .init(customerIds: Self.seedIDs),
                                                                   candidates: .init(stages: ["active"], tag: "VIP"), limit: 1), for: users.admin)
            #expect(active.items.map(\.customer.id) == [Sample.customerID(13)] && active.candidatesScored == 1)
        }
    }

    @Test("Early behaviour counts from the first sign of life: creation, first sale or first contact", arguments: TestEngine.all)
    func earlyWindow(engine: TestEngine) async throws {
        try await engine.withServices { services in
            // Imported 10 days ago with a history from 100 days ago: the window starts at the first sale.
            let (customer, _) = Self.customer(20, stage: .lead, createdDaysAgo: 10)
            try await services.database.transaction { db in try await CustomerRepository().insert([customer], on: db) }
            try await Sample.insert([
                Sample.sale("E1", customer: 20, at: Sample.at(Sample.today - 100), amount: 10_000),
                Sample.sale("E2", customer: 20, at: Sample.at(Sample.today - 80), amount: 5_000),
                Sample.sale("E3", customer: 20, at: Sample.at(Sample.today - 80, hour: 15), amount: -2_000, refundOf: "E2"),
                Sample.sale("E4", customer: 20, at: Sample.at(Sample.today - 50), amount: 7_000),
                Sample.sale("E5", customer: 20, at: Sample.at(Sample.today - 80), amount: 3_000, currency: "USD"),
            ], into: services.database)
            try await services.database.transaction { db in
                try await db.raw("""
                    INSERT INTO interactions (id, customer_id, channel, direction, at, created_at) VALUES
                    ('i1', \(bind: customer.id.rawValue), 'phone', 'inbound', \(bind: Sample.at(Sample.today - 95).rawValue), 0),
                    ('i2', \(bind: customer.id.rawValue), 'phone', 'inbound', \(bind: Sample.at(Sample.today - 20).rawValue), 0)
                    """).run()
            }
            let early = try await services.database.read { db in
                try await AnalyticsRepository().earlyBehaviour(of: [customer.id, Sample.customerID(99)], days: 30, currency: "KRW", on: db)
            }
            // Days −100 … −71: purchases E1, E2 and E5 (USD: counted, not in spend), the refund nets; one contact.
            #expect(early[customer.id] == AnalyticsRepository.EarlyBehaviour(purchases: 3, spendMinor: 13_000, contacts: 1))
            #expect(early[Sample.customerID(99)] == nil)
        }
    }

    @Test("Requests are checked; a quadrant seed needs a refresh; agents may not search", arguments: TestEngine.all)
    func validation(engine: TestEngine) async throws {
        try await engine.withServices { services in
            try await Self.insertPool(into: services)
            let users = try await TestUsers.create(in: services)
            let service = LookalikeService(services: services)
            func code(_ request: LookalikeRequest, as principal: Principal) async -> (DangolError.Code, [String])? {
                do {
                    _ = try await service.search(request, for: principal)
                    return nil
                } catch {
                    return (error.code, error.fieldErrors.map(\.field))
                }
            }
            #expect(await code(LookalikeRequest(seed: .init()), as: users.manager)?.1 == ["seed"])
            #expect(await code(LookalikeRequest(seed: .init(valueQuadrant: "most_valuable", customerIds: Self.seedIDs)), as: users.manager)?.1 == ["seed"])
            let many = await code(LookalikeRequest(seed: .init(valueQuadrant: "best", rfmSegment: "vip"), candidates: .init(stages: ["lead", "x"], kind: "robot"),
                                                   earlyDays: 0, limit: 501), as: users.manager)
            #expect(many?.0 == .invalidInput)
            #expect(many?.1 == ["seed/valueQuadrant", "seed/rfmSegment", "candidates/stages/1", "candidates/kind", "earlyDays", "limit"])
            #expect(await code(LookalikeRequest(seed: .init(customerIds: ["not-an-id"])), as: users.manager)?.1 == ["seed/customerIds/0"])
            // No refresh yet: the quadrant is empty.
            let empty = await code(LookalikeRequest(seed: .init(valueQuadrant: "most_valuable")), as: users.manager)
            #expect(empty?.0 == .invalidInput && empty?.1 == ["seed"])
            #expect(await code(LookalikeRequest(seed: .init(customerIds: Self.seedIDs)), as: users.agent)?.0 == .forbidden)
        }
    }
}
