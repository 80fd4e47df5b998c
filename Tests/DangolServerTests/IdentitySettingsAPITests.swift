import DangolApp
import DangolTestSupport
import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing

@Suite("Identity settings API")
struct IdentitySettingsAPITests {
    @Test("Defaults, an admin's change, validation, and the merge following the stored survivorship policy", arguments: TestEngine.all)
    func settings(engine: TestEngine) async throws {
        try await APITestHarness.run(engine: engine) { harness, client in
            let defaults = try await client.send(.get, "/api/v1/settings/identity", token: harness.managerToken)
            #expect(defaults.status == .ok)
            #expect((defaults.json["thresholds"] as? [String: Any])?["autoMerge"] as? Double == 0.9)
            #expect(((defaults.json["survivorship"] as? [String: Any])?["rules"] as? [String: Any])?["display_name"] as? String == "most_trusted_source")

            let body = #"{"thresholds":{"autoMerge":0.97,"review":0.6},"survivorship":{"rules":{"display_name":"most_recent"},"sourceTrust":["crm","pos"]}}"#
            #expect(try await client.send(.put, "/api/v1/settings/identity", token: harness.agentToken, json: body).status == .forbidden)
            let changed = try await client.send(.put, "/api/v1/settings/identity", token: harness.adminToken, json: body)
            #expect(changed.status == .ok)
            #expect((changed.json["thresholds"] as? [String: Any])?["review"] as? Double == 0.6)

            let bad = try await client.send(.put, "/api/v1/settings/identity", token: harness.adminToken,
                                            json: #"{"thresholds":{"autoMerge":0.5,"review":0.8},"survivorship":{"rules":{},"sourceTrust":["pos","pos"]}}"#)
            #expect(bad.status == .unprocessableContent)
            let fields = (bad.json["errors"] as? [[String: Any]])?.compactMap { $0["field"] as? String }
            #expect(Set(fields ?? []) == ["thresholds/review", "survivorship/sourceTrust"])

            // The merge now takes the most recently changed name.
            let older = try await client.send(.post, "/api/v1/customers", token: harness.adminToken, json: #"{"kind":"person","displayName":"김민준"}"#)
            let newer = try await client.send(.post, "/api/v1/customers", token: harness.adminToken, json: #"{"kind":"person","displayName":"김 민 준"}"#)
            let survivor = try #require(older.json["id"] as? String)
            let absorbed = try #require(newer.json["id"] as? String)
            let merged = try await client.send(.post, "/api/v1/customers/\(survivor)/merges", token: harness.adminToken,
                                               json: #"{"absorbedId":"\#(absorbed)"}"#)
            #expect(merged.status == .created)
            let decisions = merged.json["decisions"] as? [[String: Any]]
            #expect(decisions?.contains { $0["field"] as? String == "display_name" && $0["rule"] as? String == "most_recent" && $0["origin"] as? String == "absorbed" } == true)
        }
    }
}
