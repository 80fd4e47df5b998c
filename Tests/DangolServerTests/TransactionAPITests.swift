import DangolApp
import DangolCore
import DangolStore
import DangolTestSupport
import Foundation
import HTTPTypes
import HummingbirdTesting
import SQLKit
import Testing

@Suite("Transaction API")
struct TransactionAPITests {
    static func count(_ services: AppServices, _ table: String) async throws -> Int {
        try await services.read { db in try await db.raw("SELECT COUNT(*) AS n FROM \(unsafeRaw: table)").first()?.decode(column: "n", as: Int.self) ?? 0 }
    }

    @Test("A purchase with lines is recorded once; re-sending it changes nothing", arguments: TestEngine.all)
    func idempotentPurchase(engine: TestEngine) async throws {
        try await APITestHarness.run(engine: engine) { harness, client in
            let created = try await client.send(.post, "/api/v1/customers", token: harness.adminToken, json: #"{"kind":"person","displayName":"김민준"}"#)
            let customer = try #require(created.json["id"] as? String)
            let body = """
                {"source":"pos","externalId":"R-1001","channel":"store","store":"강남점","occurredAt":"2026-11-20T01:00:00Z","customerId":"\(customer)",
                 "lines":[{"sku":"COFFEE","quantity":2,"unitPrice":4500,"unitCost":1200},{"sku":"CAKE","quantity":1,"unitPrice":6000}]}
                """
            let first = try await client.send(.post, "/api/v1/transactions", token: harness.agentToken, json: body)
            #expect(first.status == .created)
            let transaction = try #require(first.json["transaction"] as? [String: Any])
            #expect(transaction["amount"] as? Int == 15_000)
            #expect(transaction["cost"] == nil || transaction["cost"] is NSNull)   // one line has no cost: the total is unknown
            #expect((transaction["lines"] as? [[String: Any]])?.count == 2)
            let again = try await client.send(.post, "/api/v1/transactions", token: harness.agentToken, json: body)
            #expect(again.status == .ok)
            #expect(again.json["created"] as? Bool == false)
            #expect((again.json["transaction"] as? [String: Any])?["id"] as? String == transaction["id"] as? String)
            #expect(try await Self.count(harness.services, "transactions") == 1)
            #expect(try await Self.count(harness.services, "transaction_lines") == 2)
        }
    }

    @Test("An anonymous sale counts in revenue and is attached later by phone", arguments: TestEngine.all)
    func anonymousThenAttached(engine: TestEngine) async throws {
        try await APITestHarness.run(engine: engine) { harness, client in
            let created = try await client.send(.post, "/api/v1/customers", token: harness.adminToken,
                                                json: #"{"kind":"person","displayName":"이서연","identifiers":[{"type":"mobile_phone","value":"010-4444-5555"}]}"#)
            let customer = try #require(created.json["id"] as? String)
            let sale = try await client.send(.post, "/api/v1/transactions", token: harness.agentToken, json: """
                {"source":"pos","externalId":"R-2","channel":"store","occurredAt":"2026-11-20T01:00:00Z","amount":30000}
                """)
            #expect(sale.status == .created)
            let id = try #require((sale.json["transaction"] as? [String: Any])?["id"] as? String)
            let before = try await client.send(.get, "/api/v1/analytics/identification-rate?from=2026-11-01&to=2026-11-30", token: harness.managerToken)
            #expect(before.jsonArray.first?["identifiedRevenueMinor"] as? Int == 0)

            let unknown = try await client.send(.post, "/api/v1/transactions/\(id)/attach", token: harness.agentToken, json: #"{"phone":"010-9999-9999"}"#)
            #expect(unknown.status == .notFound)
            let attached = try await client.send(.post, "/api/v1/transactions/\(id)/attach", token: harness.agentToken, json: #"{"phone":"+82 10 4444 5555"}"#)
            #expect(attached.status == .ok)
            #expect(attached.json["customerId"] as? String == customer)
            #expect(attached.json["attachedAt"] != nil)
            let twice = try await client.send(.post, "/api/v1/transactions/\(id)/attach", token: harness.agentToken, json: #"{"customerId":"\#(customer)"}"#)
            #expect(twice.status == .conflict)
            let after = try await client.send(.get, "/api/v1/analytics/identification-rate?from=2026-11-01&to=2026-11-30", token: harness.managerToken)
            #expect(after.jsonArray.first?["revenueRate"] as? Double == 1)
        }
    }

    @Test("The buyer's details are resolved like an upsert; a sale for a merged record goes to the survivor", arguments: TestEngine.all)
    func buyerResolution(engine: TestEngine) async throws {
        try await APITestHarness.run(engine: engine) { harness, client in
            let first = try await client.send(.post, "/api/v1/transactions", token: harness.adminToken, json: """
                {"source":"web","externalId":"W-1","channel":"web","occurredAt":"2026-11-20T01:00:00Z","amount":10000,
                 "customer":{"kind":"person","displayName":"박지훈","identifiers":[{"type":"email","value":"jihoon@example.com"}]}}
                """)
            #expect(first.json["resolution"] as? String == "created")
            let buyer = try #require((first.json["transaction"] as? [String: Any])?["customerId"] as? String)
            let second = try await client.send(.post, "/api/v1/transactions", token: harness.adminToken, json: """
                {"source":"web","externalId":"W-2","channel":"web","occurredAt":"2026-11-21T01:00:00Z","amount":20000,
                 "customer":{"kind":"person","displayName":"박지훈","identifiers":[{"type":"email","value":"JIHOON@example.com"}]}}
                """)
            #expect(second.json["resolution"] as? String == "matched_by_identifier")
            #expect((second.json["transaction"] as? [String: Any])?["customerId"] as? String == buyer)

            let other = try await client.send(.post, "/api/v1/customers", token: harness.adminToken, json: #"{"kind":"person","displayName":"박 지훈"}"#)
            let absorbed = try #require(other.json["id"] as? String)
            _ = try await client.send(.post, "/api/v1/customers/\(buyer)/merges", token: harness.adminToken, json: #"{"absorbedId":"\#(absorbed)"}"#)
            let late = try await client.send(.post, "/api/v1/transactions", token: harness.adminToken, json: """
                {"source":"pos","externalId":"P-9","channel":"store","occurredAt":"2026-11-21T02:00:00Z","amount":5000,"customerId":"\(absorbed)"}
                """)
            #expect((late.json["transaction"] as? [String: Any])?["customerId"] as? String == buyer)
        }
    }

    @Test("Refunds are negative and name their purchase; a batch with a bad item stores nothing", arguments: TestEngine.all)
    func refundsAndBatches(engine: TestEngine) async throws {
        try await APITestHarness.run(engine: engine) { harness, client in
            let noOrigin = try await client.send(.post, "/api/v1/transactions", token: harness.agentToken, json: """
                {"source":"pos","externalId":"X-1","kind":"refund","channel":"store","occurredAt":"2026-11-20T01:00:00Z","amount":1000}
                """)
            #expect(noOrigin.status == .unprocessableContent)
            let refund = try await client.send(.post, "/api/v1/transactions", token: harness.agentToken, json: """
                {"source":"pos","externalId":"X-2","kind":"refund","refundOf":"R-1","channel":"store","occurredAt":"2026-11-20T01:00:00Z",
                 "lines":[{"sku":"CAKE","quantity":1,"unitPrice":6000}]}
                """)
            #expect((refund.json["transaction"] as? [String: Any])?["amount"] as? Int == -6000)

            let batch = try await client.send(.post, "/api/v1/transactions/batch", token: harness.agentToken, json: """
                {"items":[
                  {"source":"pos","externalId":"B-1","channel":"store","occurredAt":"2026-11-20T01:00:00Z","amount":100},
                  {"source":"pos","externalId":"B-2","channel":"fax","occurredAt":"2026-11-20T01:00:00Z","amount":100},
                  {"source":"pos","externalId":"B-3","channel":"store","occurredAt":"2999-01-01T00:00:00Z","lines":[{"quantity":0,"unitPrice":5}]}
                ]}
                """)
            #expect(batch.status == .unprocessableContent)
            let fields = Set((batch.json["errors"] as? [[String: Any]])?.compactMap { $0["field"] as? String } ?? [])
            #expect(fields == ["items/1/channel", "items/2/occurredAt", "items/2/lines/0/quantity"])
            #expect(try await Self.count(harness.services, "transactions") == 1)

            let good = try await client.send(.post, "/api/v1/transactions/batch", token: harness.agentToken, json: """
                {"items":[
                  {"source":"pos","externalId":"B-1","channel":"store","occurredAt":"2026-11-20T01:00:00Z","amount":100},
                  {"source":"pos","externalId":"B-1","channel":"store","occurredAt":"2026-11-20T01:00:00Z","amount":100},
                  {"source":"pos","externalId":"B-2","channel":"app","occurredAt":"2026-11-20T01:00:00Z","amount":200}
                ]}
                """)
            #expect(good.status == .ok)
            #expect(good.jsonArray.compactMap { $0["created"] as? Bool } == [true, false, true])
            #expect(try await Self.count(harness.services, "transactions") == 3)
            #expect(try await client.send(.post, "/api/v1/transactions/batch", token: harness.managerToken, json: #"{"items":[]}"#).status == .forbidden)
        }
    }
}
