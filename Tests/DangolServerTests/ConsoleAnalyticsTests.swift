import DangolApp
import DangolCore
import DangolStore
@testable import DangolServer
import DangolTestSupport
import Foundation
import HTTPTypes
import SQLKit
import Testing

@Suite("Console — analytics")
struct ConsoleAnalyticsTests {
    @Test("The analytics page shows the Lorenz curve, the value matrix and the segments, each leading to its customers; agents may not see it",
          arguments: TestEngine.all)
    func analyticsPage(engine: TestEngine) async throws {
        try await ConsoleHarness.run(engine: engine) { harness in
            var browser = harness.browser()
            try await browser.signIn("manager")
            #expect(try await browser.get("/analytics").html.contains("아직 분석을 실행하지 않았습니다"))

            try await Self.insertBuyers(120, into: harness.services)
            _ = try await AnalyticsRefreshService(services: harness.services).refresh(trigger: "test")
            let page = try await browser.get("/analytics")
            #expect(page.status == .ok)
            #expect(page.html.contains(#"<a href="/analytics" aria-current="page">고객 분석</a>"#))
            let lorenz = try #require(page.html.firstMatch(of: #/<svg class="chart chart-square"[\s\S]*?</svg>/#).map { String($0.0) })
            #expect(lorenz.contains(#"<polyline class="chart-line" points=""#) && lorenz.contains(#"<polyline class="chart-diagonal""#))
            #expect(page.html.contains("파레토 유형") && page.html.contains("Gini"))
            // Four cells of the value matrix and eight RFM segments, each a link to the filtered list.
            #expect(page.html.matches(of: #/class="matrix-cell /#).count == 4)
            for segment in ["champions", "loyal", "potential_loyalists", "new", "at_risk", "cant_lose", "hibernating", "lost"] {
                #expect(page.html.contains(#"href="/customers?segment=\#(segment)""#))
            }
            #expect(page.html.contains(#"href="/customers?valueQuadrant=most_valuable""#) && page.html.contains(#"href="/customers?churnBand=high""#))

            // A segment's link lists exactly the customers the refresh put in it.
            let champions = try await harness.services.read { db in
                try await db.raw("SELECT COUNT(*) AS n FROM customer_scores WHERE rfm_segment = 'champions'").first()?.decode(column: "n", as: Int.self) ?? 0
            }
            let list = try await browser.get("/customers?segment=champions")
            #expect(list.html.contains("RFM 세그먼트: 챔피언"))
            #expect(list.html.matches(of: #/<a href="/customers/[0-9a-f-]{36}"/#).count == min(champions, 50))
            #expect(list.html.contains(#"<input type="hidden" name="segment" value="champions">"#))

            var agent = harness.browser()
            try await agent.signIn("agent")
            #expect(try await agent.get("/analytics").status == .forbidden)
            #expect(!(try await agent.get("/customers")).html.contains("/analytics"))
        }
    }

    /// `count` customers with one to six purchases each over the last year (a fixed pattern), written to the store.
    static func insertBuyers(_ count: Int, into services: AppServices) async throws {
        let now = services.clock.now()
        let day: Int64 = 86_400_000
        var customers: [Customer] = []
        var sales: [TransactionRecord] = []
        var state: UInt64 = 7
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        for index in 0..<count {
            let id = CustomerID(String(format: "0190b000-0000-7000-8000-%012d", index))
            customers.append(Customer(id: id, kind: .person, displayName: "분석\(index)", lifecycleStage: .active, ownerID: nil,
                                      createdAt: now, updatedAt: now))
            for purchase in 0..<(1 + next(6)) {
                let amount = Int64(5_000 + next(50_000))
                sales.append(TransactionRecord(id: UUID().uuidString.lowercased(), source: "pos", externalID: "A\(index)-\(purchase)", customerID: id,
                                               channel: "store", occurredAt: Timestamp(rawValue: now.rawValue - Int64(1 + next(360)) * day),
                                               amountMinor: amount, costMinor: amount * 6 / 10, currency: "KRW", createdAt: now))
            }
        }
        let toInsert = customers
        let toSell = sales
        try await services.database.transaction { db in
            try await CustomerRepository().insert(toInsert, on: db)
            _ = try await TransactionRepository().insert(toSell, on: db)
        }
    }
}
