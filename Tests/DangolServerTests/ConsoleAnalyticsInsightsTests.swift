import DangolApp
import DangolCore
import DangolStore
@testable import DangolServer
import DangolTestSupport
import Foundation
import HTTPTypes
import SQLKit
import Testing

@Suite("Console — next best products, equity, lookalikes")
struct ConsoleAnalyticsInsightsTests {
    static func id(_ index: Int) -> CustomerID { CustomerID(String(format: "0190c000-0000-7000-8000-%012d", index)) }

    /// Five customers with baskets {A, B}, {A, B, C}, {A, C}, {B}, {D}, and the catalogue names.
    static func insertBaskets(into services: AppServices) async throws {
        let now = services.clock.now()
        let baskets = [["A", "B"], ["A", "B", "C"], ["A", "C"], ["B"], ["D"]]
        let customers = baskets.indices.map {
            Customer(id: id($0), kind: .person, displayName: "장바구니\($0)", lifecycleStage: .active, ownerID: nil, createdAt: now, updatedAt: now)
        }
        let sales = baskets.enumerated().map { index, skus in
            TransactionRecord(id: UUID().uuidString.lowercased(), source: "pos", externalID: "B\(index)", customerID: id(index), channel: "store",
                              occurredAt: Timestamp(rawValue: now.rawValue - 86_400_000 * Int64(10 + index)), amountMinor: 1_000,
                              currency: "KRW", createdAt: now,
                              lines: skus.map { TransactionLine(sku: $0, quantity: 1, unitPriceMinor: 1_000, amountMinor: 1_000) })
        }
        try await services.database.transaction { db in
            try await CustomerRepository().insert(customers, on: db)
            _ = try await TransactionRepository().insert(sales, on: db)
            for (sku, name) in [("A", "원두 500g"), ("B", "머그컵"), ("C", "드립백")] {
                try await ProductRepository().upsert(.init(sku: sku, name: name, category: "커피", listPriceMinor: 1_000, unitCostMinor: 500,
                                                           currency: "KRW"), at: now, on: db)
            }
        }
    }

    /// `count` buyers (ids `0190b…`) purchasing as BG/NBD assumes, from a fixed seed — enough for the models to fit, so
    /// the refresh has CLVs, quadrants and equity. The test clock's today is 2026-11-22.
    static func insertModelBuyers(_ count: Int, into services: AppServices) async throws {
        let today = CivilDate(year: 2026, month: 11, day: 22)!.daysSinceEpoch
        var state: UInt64 = 42
        func uniform() -> Double {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Double(state >> 11) / Double(1 << 53)
        }
        let created = services.clock.now()
        var customers: [Customer] = [], sales: [TransactionRecord] = []
        for index in 0..<count {
            let id = CustomerID(String(format: "0190b000-0000-7000-8000-%012d", index))
            customers.append(Customer(id: id, kind: .person, displayName: "분석\(index)", lifecycleStage: .active, ownerID: nil,
                                      tags: index % 3 == 0 ? ["VIP"] : [], createdAt: created, updatedAt: created))
            let rate = 0.005 + 0.08 * uniform() * uniform(), dropOut = 0.05 + 0.5 * uniform(), spend = 5_000 + 30_000 * uniform()
            var time = Double(today - 400) + 370 * uniform()
            var purchase = 0
            while Int(time) <= today {
                let amount = Int64(spend * (0.6 + 0.8 * uniform()))
                let at = Timestamp(rawValue: Int64(Int(time)) * 86_400_000 + Int64(8 + purchase % 12) * 3_600_000 - 9 * 3_600_000)
                sales.append(TransactionRecord(id: UUID().uuidString.lowercased(), source: "pos", externalID: "M\(index)-\(purchase)", customerID: id,
                                               channel: "store", occurredAt: at, amountMinor: amount, costMinor: amount * 6 / 10, currency: "KRW",
                                               createdAt: at))
                purchase += 1
                if uniform() < dropOut { break }
                time += -log(max(uniform(), 1e-12)) / rate
            }
        }
        let toInsert = customers, toSell = sales
        try await services.database.transaction { db in
            try await CustomerRepository().insert(toInsert, on: db)
            _ = try await TransactionRepository().insert(toSell, on: db)
        }
    }

    @Test("The customer page shows next best products with their reason in Korean and in English", arguments: TestEngine.all)
    func nextBestProducts(engine: TestEngine) async throws {
        try await ConsoleHarness.run(engine: engine) { harness in
            try await Self.insertBaskets(into: harness.services)
            var browser = harness.browser()
            try await browser.signIn("agent")
            let before = try await browser.get("/customers/\(Self.id(3).rawValue)")
            #expect(before.status == .ok && before.html.contains("추천 상품") && before.html.contains("추천할 상품이 없습니다"))

            _ = try await AnalyticsRefreshService(services: harness.services, settings: AnalyticsSettings(associationMinimumCustomers: 1))
                .refresh(trigger: "test")
            let page = try await browser.get("/customers/\(Self.id(3).rawValue)")
            let section = try #require(page.html.firstMatch(of: #/<section class="card" aria-labelledby="nbp-heading"[\s\S]*?</section>/#).map { String($0.0) })
            #expect(section.contains("원두 500g") && section.contains("‘머그컵’ 구매 고객의 67%(2/3명)가 이 상품도 구매"))
            #expect(section.contains(">67%<") && section.contains(">1.1<"))
            #expect(!section.contains("드립백"))
            let english = try await browser.get("/customers/\(Self.id(3).rawValue)?lang=en")
            #expect(english.html.contains("Next best products") && english.html.contains("Bought ‘머그컵’: 67% of its buyers (2 of 3) also bought this"))
        }
    }

    @Test("The analytics page shows equity over time with its decomposition, and links to the lookalikes", arguments: TestEngine.all)
    func equity(engine: TestEngine) async throws {
        try await ConsoleHarness.run(engine: engine) { harness in
            try await Self.insertModelBuyers(300, into: harness.services)
            let first = try await AnalyticsRefreshService(services: harness.services).refresh(trigger: "test")
            var browser = harness.browser()
            try await browser.signIn("manager")
            let once = try await browser.get("/analytics")
            #expect(once.html.contains("고객 자산 변화") && once.html.contains("비교할 이전 분석이 아직 없습니다"))
            #expect(!once.html.contains(#"aria-labelledby="equity-title""#))
            #expect(once.html.contains(#"href="/analytics/lookalikes?seed=most_valuable""#))

            try await harness.services.database.transaction { db in
                try await CustomerRepository().softDelete(CustomerID(String(format: "0190b000-0000-7000-8000-%012d", 0)), reason: "test",
                                                          at: harness.services.clock.now(), on: db)
            }
            let second = try await AnalyticsRefreshService(services: harness.services).refresh(trigger: "test")
            let history = try await AnalyticsQueryService(services: harness.services).equityHistory(limit: 5, for: .system("test"))
            let change = try #require(history.items.first?.change, "\(first.report.fallbacks) \(second.report.fallbacks)")
            #expect(change.lostCustomers == 1 && change.acquiredCustomers == 0)
            let page = try await browser.get("/analytics")
            let chart = try #require(page.html.firstMatch(of: #/<svg class="chart chart-wide"[\s\S]*?</svg>/#).map { String($0.0) })
            #expect(chart.matches(of: #/<rect class="chart-(total|up|down)"/#).count == 5)
            #expect(chart.contains("이전 자산") && chart.contains("이탈 손실") && chart.contains("chart-down"))
            let loss = "-" + ConsoleFormat.number(Int64(change.retentionLoss.rounded())) + " (1명)"
            #expect(page.html.contains(loss), "\(loss)")
            #expect(page.html.matches(of: #/<td class="numeric amount-(up|down)">/#).count == 1)

            let english = try await browser.get("/analytics?lang=en")
            #expect(english.html.contains("Customer equity over time") && english.html.contains("Retention loss (lost)"))
        }
    }

    @Test("The lookalike page lists prospects and leads like the most valuable, masked per role; agents may not see it",
          arguments: TestEngine.all)
    func lookalikes(engine: TestEngine) async throws {
        try await ConsoleHarness.run(engine: engine) { harness in
            var browser = harness.browser()
            try await browser.signIn("manager")
            let empty = try await browser.get("/analytics/lookalikes")
            #expect(empty.status == .ok && empty.html.contains("기준 고객이 없습니다"))

            try await Self.insertModelBuyers(300, into: harness.services)
            let now = harness.services.clock.now()
            let leads = (0..<4).map {
                Customer(id: Self.id(100 + $0), kind: .person, displayName: "리드고객\($0)", lifecycleStage: $0 % 2 == 0 ? .lead : .prospect,
                         ownerID: nil, tags: $0 == 0 ? ["VIP"] : [], createdAt: now, updatedAt: now)
            }
            try await harness.services.database.transaction { db in try await CustomerRepository().insert(leads, on: db) }
            let outcome = try await AnalyticsRefreshService(services: harness.services).refresh(trigger: "test")
            #expect((outcome.report.valueMatrix?.counts["most_valuable"] ?? 0) > 0, "\(outcome.report.fallbacks)")

            let page = try await browser.get("/analytics/lookalikes")
            #expect(page.status == .ok && page.html.contains("유사 고객"))
            #expect(page.html.contains("기준 고객 수") && page.html.contains("비교한 후보"))
            let rows = page.html.matches(of: #/<th scope="row"><a href="/customers/([0-9a-f-]{36})" class="masked">([^<]*)</a>/#)
            #expect(rows.count == 4)
            // Masked for a manager: no full name shows.
            #expect(!page.html.contains("리드고객"))
            let leadsOnly = try await browser.get("/analytics/lookalikes?seed=most_valuable&stages=lead&earlyDays=30")
            #expect(leadsOnly.html.matches(of: #/<th scope="row"><a href="/customers//#).count == 2)
            #expect(leadsOnly.html.contains(#"<option value="lead" selected>"#))

            var agent = harness.browser()
            try await agent.signIn("agent")
            #expect(try await agent.get("/analytics/lookalikes").status == .forbidden)
        }
    }
}
