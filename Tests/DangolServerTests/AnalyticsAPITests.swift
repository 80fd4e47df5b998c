import DangolApp
import DangolCore
import DangolTestSupport
import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing

@Suite("Analytics API")
struct AnalyticsAPITests {
    @Test("Scores per customer, the summary for managers not agents, and score filters on the customer list",
          arguments: TestEngine.all)
    func scoresSummaryAndFilters(engine: TestEngine) async throws {
        try await APITestHarness.run(engine: engine) { harness, client in
            #expect(try await client.send(.get, "/api/v1/analytics/summary", token: harness.managerToken).status == .notFound)
            var ids: [String] = []
            for name in ["가나", "다라", "마바"] {
                let created = try await client.send(.post, "/api/v1/customers", token: harness.adminToken,
                                                    json: #"{"kind":"person","displayName":"\#(name)"}"#)
                ids.append(try #require(created.json["id"] as? String))
            }
            for (index, id) in ids.prefix(2).enumerated() {
                for (day, amount) in [(10, 30_000), (14, 12_000), (18, 8_000)].prefix(index + 2) {
                    let response = try await client.send(.post, "/api/v1/transactions", token: harness.adminToken, json: """
                        {"source":"pos","externalId":"T\(index)-\(day)","channel":"store","occurredAt":"2026-11-\(day)T03:00:00Z",
                         "customerId":"\(id)","lines":[{"sku":"S","quantity":1,"unitPrice":\(amount),"unitCost":\(amount / 2)}]}
                        """)
                    #expect(response.status == .created)
                }
            }
            #expect(try await client.send(.get, "/api/v1/customers/\(ids[0])/scores", token: harness.agentToken).status == .notFound)
            _ = try await AnalyticsRefreshService(services: harness.services).refresh(trigger: "test")

            let scores = try await client.send(.get, "/api/v1/customers/\(ids[1])/scores", token: harness.agentToken)
            #expect(scores.status == .ok)
            #expect(scores.json["frequency"] as? Int == 2)
            #expect(scores.json["revenueMinor"] as? Int == 50_000)
            #expect(scores.json["firstPurchase"] as? String == "2026-11-10")
            #expect((scores.json["rfm"] as? [String: Any])?["segment"] is String)
            #expect(try await client.send(.get, "/api/v1/customers/\(ids[2])/scores", token: harness.agentToken).status == .notFound)
            #expect(try await client.send(.get, "/api/v1/customers/0190a000-0000-7000-8000-000000000999/scores",
                                          token: harness.agentToken).status == .notFound)

            let overview = try await client.send(.get, "/api/v1/customers/\(ids[1])/360", token: harness.managerToken)
            #expect((overview.json["scores"] as? [String: Any])?["frequency"] as? Int == 2)

            let summary = try await client.send(.get, "/api/v1/analytics/summary", token: harness.managerToken)
            #expect(summary.status == .ok)
            let report = try #require(summary.json["report"] as? [String: Any])
            #expect(report["customers"] as? Int == 2)
            #expect(report["timeUnit"] as? String == "days")
            #expect((report["paretoRevenue"] as? [String: Any])?["businessType"] is String)
            #expect((summary.json["equityHistory"] as? [[String: Any]])?.count == 1)
            #expect(try await client.send(.get, "/api/v1/analytics/summary", token: harness.agentToken).status == .forbidden)
            #expect(try await client.send(.get, "/api/v1/analytics/summary", token: nil).status == .unauthorized)

            let segment = try #require((scores.json["rfm"] as? [String: Any])?["segment"] as? String)
            let band = try #require(scores.json["churnBand"] as? String)
            let listed = try await client.send(.get, "/api/v1/customers?segment=\(segment)&churnBand=\(band)", token: harness.managerToken)
            #expect(listed.status == .ok)
            let listedIDs = ((listed.json["items"] as? [[String: Any]]) ?? []).compactMap { $0["id"] as? String }
            #expect(listedIDs.contains(ids[1]) && !listedIDs.contains(ids[2]))
            #expect(try await client.send(.get, "/api/v1/customers?segment=vip", token: harness.managerToken).status == .unprocessableContent)
            #expect(try await client.send(.get, "/api/v1/customers?minClv=abc", token: harness.managerToken).status == .unprocessableContent)
            let none = try await client.send(.get, "/api/v1/customers?valueQuadrant=most_valuable", token: harness.managerToken)
            #expect((none.json["items"] as? [[String: Any]])?.isEmpty == true)  // two buyers: no model, no quadrant
        }
    }
}
