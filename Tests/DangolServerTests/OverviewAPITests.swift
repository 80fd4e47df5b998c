import DangolApp
import DangolCore
import DangolTestSupport
import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing

@Suite("360° view API")
struct OverviewAPITests {
    @Test("The 360° view sums the purchases; the timeline pages newest first without gaps or repeats", arguments: TestEngine.all)
    func overviewAndTimeline(engine: TestEngine) async throws {
        try await APITestHarness.run(engine: engine) { harness, client in
            let created = try await client.send(.post, "/api/v1/customers", token: harness.adminToken, json: """
                {"kind":"person","displayName":"한지민","consents":[{"purpose":"marketing_sms","granted":true}]}
                """)
            let id = try #require(created.json["id"] as? String)
            for (sku, category) in [("S", "식품>커피"), ("T", "잡화")] {
                let product = try await client.send(.put, "/api/v1/products/\(sku)", token: harness.adminToken,
                                                    json: #"{"name":"상품 \#(sku)","category":"\#(category)","listPriceMinor":1000}"#)
                #expect(product.status == .ok)
            }
            #expect(try await client.send(.put, "/api/v1/products/X", token: harness.agentToken, json: #"{"name":"x"}"#).status == .forbidden)
            #expect(try await client.send(.put, "/api/v1/products/X", token: harness.adminToken, json: #"{"name":" ","listPriceMinor":-1}"#).status == .unprocessableContent)
            let badCategory = try await client.send(.put, "/api/v1/products/X", token: harness.adminToken,
                                                    json: #"{"name":"x","category":"식품 > > 커피"}"#)
            #expect(badCategory.status == .unprocessableContent)
            #expect(badCategory.text.contains("category.empty_level"))
            #expect(try await client.send(.get, "/api/v1/products", token: harness.managerToken).jsonArray.count == 2)
            for (index, (kind, amount)) in [("purchase", 30_000), ("purchase", 12_000), ("refund", 2_000), ("purchase", 8_000)].enumerated() {
                let response = try await client.send(.post, "/api/v1/transactions", token: harness.adminToken, json: """
                    {"source":"pos","externalId":"T\(index)","kind":"\(kind)","refundOf":"T0","channel":"store",
                     "occurredAt":"2026-11-1\(index)T03:00:00Z","customerId":"\(id)","lines":[{"sku":"S","quantity":1,"unitPrice":\(amount),"unitCost":\(amount / 2)}]}
                    """)
                #expect(response.status == .created)
            }
            _ = try await client.send(.post, "/api/v1/customers/\(id)/points", token: harness.adminToken, json: #"{"kind":"earn","points":300}"#)
            _ = try await client.send(.post, "/api/v1/customers/\(id)/transitions", token: harness.adminToken, json: #"{"to":"active","reason":"first purchase"}"#)

            let call = try await client.send(.post, "/api/v1/customers/\(id)/interactions", token: harness.agentToken,
                                             json: #"{"channel":"phone","direction":"inbound","subject":"포인트 문의"}"#)
            #expect(call.status == .created)
            let badCall = try await client.send(.post, "/api/v1/customers/\(id)/interactions", token: harness.agentToken,
                                                json: #"{"channel":"pigeon","direction":"sideways"}"#)
            #expect(badCall.status == .unprocessableContent)
            let complaint = try await client.send(.post, "/api/v1/customers/\(id)/voc", token: harness.agentToken,
                                                  json: #"{"kind":"complaint","severity":"high","channel":"phone","subject":"환불 지연"}"#)
            #expect(complaint.status == .created)

            let overview = try await client.send(.get, "/api/v1/customers/\(id)/360", token: harness.managerToken)
            #expect(overview.status == .ok)
            #expect((overview.json["customer"] as? [String: Any])?["displayName"] as? String == "한*민")
            // 300 by hand, 1 % of 30,000 + 12,000 + 8,000 earned, 1 % of the 2,000 refund taken back.
            #expect((overview.json["points"] as? [String: Any])?["balance"] as? Int == 300 + 500 - 20)
            let summary = try #require((overview.json["purchases"] as? [[String: Any]])?.first)
            #expect(summary["purchases"] as? Int == 3)
            #expect(summary["refunds"] as? Int == 1)
            #expect(summary["spendMinor"] as? Int == 48_000)
            #expect(summary["marginMinor"] as? Int == 24_000)
            #expect(summary["averageBasketMinor"] as? Int == 16_000)
            // The category was sent as 식품>커피 and is stored in its written form.
            #expect(summary["favouriteCategories"] as? [String] == ["식품 > 커피"])

            #expect(overview.json["tier"] as? String == "general")
            // 4 sales + 1 consent + 5 point entries + 2 lifecycle events + 1 tier (none → general) + 1 call + 1 VOC event
            // = 15 items, read three at a time.
            var seen: [[String: Any]] = []
            var cursor: String?
            repeat {
                let query = cursor.map { "&cursor=" + $0 } ?? ""
                let page = try await client.send(.get, "/api/v1/customers/\(id)/timeline?limit=3" + query, token: harness.managerToken)
                #expect(page.status == .ok)
                seen += (page.json["items"] as? [[String: Any]]) ?? []
                cursor = page.json["nextCursor"] as? String
            } while cursor != nil && seen.count < 50
            #expect(seen.count == 15)
            let keys = seen.map { "\($0["kind"] ?? "")/\($0["reference"] ?? "")" }
            #expect(Set(keys).count == 15)
            let times = seen.compactMap { $0["at"] as? String }
            #expect(times == times.sorted(by: >))
            #expect(Set(seen.compactMap { $0["kind"] as? String }) == ["transaction", "consent", "points", "lifecycle", "tier", "interaction", "voc"])

            let badCursor = try await client.send(.get, "/api/v1/customers/\(id)/timeline?cursor=nope", token: harness.managerToken)
            #expect(badCursor.status == .unprocessableContent)
        }
    }
}
