import DangolApp
import DangolCore
import DangolStore
import DangolTestSupport
import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing

@Suite("Identification rate API")
struct IdentificationRateAPITests {
    @Test("Revenue by Seoul business day, identified share per channel; bad dates are a 422", arguments: TestEngine.all)
    func report(engine: TestEngine) async throws {
        try await APITestHarness.run(engine: engine) { harness, client in
            let created = try await client.send(.post, "/api/v1/customers", token: harness.adminToken,
                                                json: #"{"kind":"person","displayName":"고객"}"#)
            let customer = CustomerID(try #require(created.json["id"] as? String))
            // 2026-11-30T15:30Z is already 2026-12-01 00:30 in Seoul.
            let sales: [(String, CustomerID?, String, Int64, Int64)] = [
                ("s1", customer, "store", 1_795_996_800_000, 70_000),   // 2026-11-24 Seoul
                ("s2", nil, "store", 1_795_996_800_000, 30_000),
                ("o1", customer, "online", 1_795_996_800_000, 50_000),
                ("s3", nil, "store", 1_796_571_000_000, 99_000),        // 2026-11-30T15:30Z → December in Seoul
            ]
            let services = harness.services
            try await services.transaction { db in
                for (external, buyer, channel, at, amount) in sales {
                    try await TransactionRepository().insert([TransactionRecord(
                        id: services.ids.next(), source: "pos", externalID: external, customerID: buyer, channel: channel,
                        occurredAt: Timestamp(rawValue: at), amountMinor: amount, currency: "KRW", createdAt: Timestamp(rawValue: at))], on: db)
                }
            }
            let response = try await client.send(.get, "/api/v1/analytics/identification-rate?from=2026-11-01&to=2026-11-30&period=month",
                                                  token: harness.managerToken)
            #expect(response.status == .ok)
            let rows = response.jsonArray
            try #require(rows.map { $0["channel"] as? String } == ["*", "online", "store"])
            #expect(rows[0]["revenueMinor"] as? Int == 150_000)
            #expect(rows[0]["identifiedRevenueMinor"] as? Int == 120_000)
            #expect(rows[2]["revenueRate"] as? Double == 0.7)

            let bad = try await client.send(.get, "/api/v1/analytics/identification-rate?from=2026-13-01&period=fortnight",
                                            token: harness.managerToken)
            #expect(bad.status == .unprocessableContent)
            let fields = (bad.json["errors"] as? [[String: Any]])?.compactMap { $0["field"] as? String }
            #expect(Set(fields ?? []) == ["from", "to", "period"])
        }
    }
}
