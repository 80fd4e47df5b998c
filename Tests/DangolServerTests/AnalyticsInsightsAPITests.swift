import DangolApp
import DangolCore
import DangolTestSupport
import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing

@Suite("Analytics API — next best products, equity, lookalikes")
struct AnalyticsInsightsAPITests {
    /// Creates a customer through the API and returns its id.
    static func create(_ client: any TestClientProtocol, _ token: String, _ json: String) async throws -> String {
        let created = try await client.send(.post, "/api/v1/customers", token: token, json: json)
        #expect(created.status == .created, "\(created.text)")
        return try #require(created.json["id"] as? String)
    }

    @Test("Next best products with their reason for any reader; equity history and lookalikes for managers, not agents",
          arguments: TestEngine.all)
    func insights(engine: TestEngine) async throws {
        try await APITestHarness.run(engine: engine) { harness, client in
            var buyers: [String] = []
            for (index, skus) in [["BEAN", "MUG"], ["BEAN", "MUG", "DRIP"], ["BEAN", "DRIP"], ["MUG"], ["TEA"]].enumerated() {
                let id = try await Self.create(client, harness.adminToken, #"{"kind":"person","displayName":"구매\#(index)","tags":["VIP"]}"#)
                buyers.append(id)
                let lines = skus.map { #"{"sku":"\#($0)","quantity":1,"unitPrice":10000,"unitCost":5000}"# }.joined(separator: ",")
                let sale = try await client.send(.post, "/api/v1/transactions", token: harness.adminToken, json: """
                    {"source":"pos","externalId":"N\(index)","channel":"store","occurredAt":"2026-11-1\(index)T03:00:00Z","customerId":"\(id)","lines":[\(lines)]}
                    """)
                #expect(sale.status == .created, "\(sale.text)")
            }
            let lead = try await Self.create(client, harness.adminToken, #"{"kind":"person","displayName":"가망고객","lifecycleStage":"lead","tags":["VIP"]}"#)
            let prospect = try await Self.create(client, harness.adminToken, #"{"kind":"person","displayName":"잠재고객","lifecycleStage":"prospect"}"#)
            let empty = try await client.send(.get, "/api/v1/customers/\(buyers[3])/next-best-products", token: harness.agentToken)
            #expect(empty.status == .ok && (empty.json["items"] as? [Any])?.isEmpty == true)

            _ = try await AnalyticsRefreshService(services: harness.services, settings: AnalyticsSettings(associationMinimumCustomers: 1))
                .refresh(trigger: "test")
            // Five baskets. Owns MUG: BEAN (2 of MUG's 3 buyers, lift 2/3 ÷ 3/5 = 10/9); DRIP from MUG has lift 5/6 — not offered.
            let offers = try await client.send(.get, "/api/v1/customers/\(buyers[3])/next-best-products?limit=2", token: harness.agentToken)
            #expect(offers.status == .ok)
            let items = try #require(offers.json["items"] as? [[String: Any]])
            #expect(items.compactMap { ($0["product"] as? [String: Any])?["sku"] as? String } == ["BEAN"])
            #expect((items.first?["because"] as? [String: Any])?["sku"] as? String == "MUG")
            #expect(items.first?["bothCustomers"] as? Int == 2 && items.first?["antecedentCustomers"] as? Int == 3)
            #expect((items.first?["reason"] as? String)?.hasPrefix("Bought MUG; 67% of its buyers (2 of 3)") == true)
            #expect(offers.json["ownedProducts"] as? Int == 1 && offers.json["runId"] is String)
            let overview = try await client.send(.get, "/api/v1/customers/\(buyers[3])/360", token: harness.managerToken)
            #expect((overview.json["nextBestProducts"] as? [[String: Any]])?.count == 1)
            for bad in ["limit=0", "limit=51", "limit=abc"] {
                #expect(try await client.send(.get, "/api/v1/customers/\(buyers[3])/next-best-products?\(bad)", token: harness.agentToken).status
                        == .unprocessableContent)
            }
            #expect(try await client.send(.get, "/api/v1/customers/0190a000-0000-7000-8000-000000000999/next-best-products",
                                          token: harness.agentToken).status == .notFound)
            #expect(try await client.send(.get, "/api/v1/customers/\(buyers[3])/next-best-products", token: nil).status == .unauthorized)

            let equity = try await client.send(.get, "/api/v1/analytics/equity?limit=5", token: harness.managerToken)
            #expect(equity.status == .ok && equity.json["currency"] as? String == "KRW")
            let runs = try #require(equity.json["items"] as? [[String: Any]])
            #expect(runs.count == 1 && runs[0]["customers"] as? Int == 5 && runs[0]["change"] == nil)
            #expect(try await client.send(.get, "/api/v1/analytics/equity", token: harness.agentToken).status == .forbidden)
            #expect(try await client.send(.get, "/api/v1/analytics/equity?limit=0", token: harness.managerToken).status == .unprocessableContent)

            let seed = buyers.map { "\"\($0)\"" }.joined(separator: ",")
            let search = try await client.send(.post, "/api/v1/analytics/lookalikes", token: harness.managerToken,
                                               json: #"{"seed":{"customerIds":[\#(seed)]},"limit":10}"#)
            #expect(search.status == .ok, "\(search.text)")
            #expect(search.json["seedSize"] as? Int == 5 && search.json["candidatesScored"] as? Int == 2)
            let matches = try #require(search.json["items"] as? [[String: Any]])
            let ranked = matches.compactMap { ($0["customer"] as? [String: Any])?["id"] as? String }
            #expect(ranked == [lead, prospect])
            // Masked for a manager, like the customer list.
            #expect((matches.first?["customer"] as? [String: Any])?["masked"] as? Bool == true)
            #expect((matches.first?["customer"] as? [String: Any])?["displayName"] as? String != "가망고객")
            #expect((matches.first?["features"] as? [[String: Any]])?.contains { $0["family"] as? String == "tag" && $0["value"] as? String == "VIP" } == true)
            #expect(try await client.send(.post, "/api/v1/analytics/lookalikes", token: harness.agentToken,
                                          json: #"{"seed":{"customerIds":[\#(seed)]}}"#).status == .forbidden)
            let invalid = try await client.send(.post, "/api/v1/analytics/lookalikes", token: harness.managerToken,
                                                json: #"{"seed":{"valueQuadrant":"best"},"limit":0}"#)
            #expect(invalid.status == .unprocessableContent)
            let fields = ((invalid.json["errors"] as? [[String: Any]]) ?? []).compactMap { $0["field"] as? String }
            #expect(fields == ["seed/valueQuadrant", "limit"], "\(invalid.text)")
            #expect(try await client.send(.post, "/api/v1/analytics/lookalikes", token: harness.managerToken, json: #"{"seed":"x"}"#).status
                    == .unprocessableContent)
        }
    }
}
