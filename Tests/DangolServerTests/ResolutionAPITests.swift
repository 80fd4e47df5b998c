import DangolTestSupport
import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing

@Suite("Resolution API")
struct ResolutionAPITests {
    @Test("Upserting the same person twice: 201 created, then 200 matched by identifier", arguments: TestEngine.all)
    func upsert(engine: TestEngine) async throws {
        try await APITestHarness.run(engine: engine) { harness, client in
            let body = #"{"kind":"person","displayName":"한지민","identifiers":[{"type":"mobile_phone","value":"010-2468-1357"}]}"#
            let first = try await client.send(.post, "/api/v1/customers/resolve", token: harness.adminToken, json: body)
            #expect(first.status == .created)
            #expect(first.json["outcome"] as? String == "created")
            let again = try await client.send(.post, "/api/v1/customers/resolve", token: harness.adminToken, json: """
                {"kind":"person","displayName":"한지민","identifiers":[{"type":"mobile_phone","value":"+82 10 2468 1357"},{"type":"email","value":"jimin@example.com"}]}
                """)
            #expect(again.status == .ok)
            #expect(again.json["outcome"] as? String == "matched_by_identifier")
            let id = (first.json["customer"] as? [String: Any])?["id"] as? String
            #expect((again.json["customer"] as? [String: Any])?["id"] as? String == id)
            // Bad input is a 422 and changes nothing.
            let bad = try await client.send(.post, "/api/v1/customers/resolve", token: harness.adminToken,
                                            json: #"{"kind":"person","displayName":"한지민","identifiers":[{"type":"email","value":"not-an-email"}]}"#)
            #expect(bad.status == .unprocessableContent)
            // Read-only tokens cannot upsert.
            #expect(try await client.send(.post, "/api/v1/customers/resolve", token: harness.managerToken, json: body).status == .forbidden)
        }
    }
}
