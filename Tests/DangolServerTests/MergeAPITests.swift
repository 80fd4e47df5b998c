import DangolTestSupport
import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing

@Suite("Merge API")
struct MergeAPITests {
    @Test("Merge two customers over the API, read the lineage, undo it", arguments: TestEngine.all)
    func mergeAndUnmerge(engine: TestEngine) async throws {
        try await APITestHarness.run(engine: engine) { harness, client in
            let first = try await client.send(.post, "/api/v1/customers", token: harness.adminToken, json: """
                {"kind":"person","displayName":"최지우","identifiers":[{"type":"mobile_phone","value":"010-5555-6666"}]}
                """)
            let second = try await client.send(.post, "/api/v1/customers", token: harness.adminToken, json: """
                {"kind":"person","displayName":"최지우","identifiers":[{"type":"email","value":"jiwoo@example.com"}]}
                """)
            let survivor = try #require(first.json["id"] as? String)
            let absorbed = try #require(second.json["id"] as? String)

            // Agents may not merge; a malformed id is a 422, an unknown one a 404.
            let byAgent = try await client.send(.post, "/api/v1/customers/\(survivor)/merges", token: harness.agentToken,
                                                json: #"{"absorbedId":"\#(absorbed)"}"#)
            #expect(byAgent.status == .forbidden)
            let malformed = try await client.send(.post, "/api/v1/customers/\(survivor)/merges", token: harness.adminToken,
                                                  json: #"{"absorbedId":"nope"}"#)
            #expect(malformed.status == .unprocessableContent)
            let unknown = try await client.send(.post, "/api/v1/customers/\(survivor)/merges", token: harness.adminToken,
                                                json: #"{"absorbedId":"00000000-0000-7000-8000-000000000000"}"#)
            #expect(unknown.status == .notFound)

            let merged = try await client.send(.post, "/api/v1/customers/\(survivor)/merges", token: harness.adminToken,
                                               json: #"{"absorbedId":"\#(absorbed)"}"#)
            #expect(merged.status == .created)
            let mergeID = try #require(merged.json["id"] as? String)
            #expect(merged.json["movedIdentifiers"] as? Int == 1)
            #expect(merged.json["rule"] as? String == "steward")
            let found = try await client.send(.get, "/api/v1/customers/lookup?type=email&value=jiwoo@example.com", token: harness.adminToken)
            #expect(found.json["id"] as? String == survivor)
            let history = try await client.send(.get, "/api/v1/customers/\(absorbed)/merges", token: harness.adminToken)
            #expect(history.jsonArray.count == 1)

            let undone = try await client.send(.post, "/api/v1/merges/\(mergeID)/unmerge", token: harness.adminToken)
            #expect(undone.status == .ok)
            #expect(undone.json["unmergedAt"] != nil)
            let back = try await client.send(.get, "/api/v1/customers/lookup?type=email&value=jiwoo@example.com", token: harness.adminToken)
            #expect(back.json["id"] as? String == absorbed)
            let twice = try await client.send(.post, "/api/v1/merges/\(mergeID)/unmerge", token: harness.adminToken)
            #expect(twice.status == .conflict)
            #expect(twice.headers[.contentType] == "application/problem+json")
        }
    }
}
