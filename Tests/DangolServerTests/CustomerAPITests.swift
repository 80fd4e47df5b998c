import DangolApp
import DangolCore
import DangolStore
import DangolTestSupport
import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing

@Suite("Customer API")
struct CustomerAPITests {
    static let hong = """
        {"kind":"person","displayName":"홍길동","ownerID":"OWNER","tags":["VIP"],
         "identifiers":[{"type":"mobile_phone","value":"010-1234-5678"},{"type":"email","value":"hong@example.com"}],
         "consents":[{"purpose":"collection_and_use","granted":true,"channel":"web"}]}
        """

    @Test("Create, look up by phone, read masked and unmasked, update, transition, delete", arguments: TestEngine.all)
    func lifecycleOfACustomer(engine: TestEngine) async throws {
        try await APITestHarness.run(engine: engine) { harness, client in
            let body = Self.hong.replacingOccurrences(of: "OWNER", with: harness.agentID)
            let created = try await client.send(.post, "/api/v1/customers", token: harness.adminToken, json: body)
            #expect(created.status == .created)
            let id = try #require(created.json["id"] as? String)
            #expect(created.headers[.location] == "/api/v1/customers/\(id)")

            // Lookup by phone in any form; the owning agent sees it in clear, the manager masked.
            let byAgent = try await client.send(.get, "/api/v1/customers/lookup?type=phone&value=%2B82%2010-1234-5678", token: harness.agentToken)
            #expect(byAgent.status == .ok)
            #expect(byAgent.json["displayName"] as? String == "홍길동")
            let byManager = try await client.send(.get, "/api/v1/customers/lookup?type=phone&value=01012345678", token: harness.managerToken)
            #expect(byManager.json["displayName"] as? String == "홍*동")
            let values = (byManager.json["identifiers"] as? [[String: Any]])?.compactMap { $0["value"] as? String }
            #expect(values == ["010-****-5678", "ho***@example.com"])

            let search = try await client.send(.get, "/api/v1/customers?q=5678", token: harness.managerToken)
            #expect((search.json["items"] as? [[String: Any]])?.count == 1)

            let detail = try await client.send(.get, "/api/v1/customers/\(id)", token: harness.agentToken)
            #expect(((detail.json["consent"] as? [String: Any])?["entries"] as? [[String: Any]])?.count == 1)

            let patched = try await client.send(.patch, "/api/v1/customers/\(id)", token: harness.agentToken, json: #"{"tags":["VIP","단골"]}"#)
            #expect(patched.status == .ok)
            #expect(patched.json["tags"] as? [String] == ["VIP", "단골"])

            let moved = try await client.send(.post, "/api/v1/customers/\(id)/transitions", token: harness.agentToken,
                                              json: #"{"to":"lead","reason":"asked for a quote"}"#)
            #expect(moved.status == .created)
            #expect(moved.jsonArray.count == 2)

            // Managers in this harness hold a read-only token: writes are forbidden.
            let forbidden = try await client.send(.patch, "/api/v1/customers/\(id)", token: harness.managerToken, json: #"{"tags":[]}"#)
            #expect(forbidden.status == .forbidden)

            let deleted = try await client.send(.delete, "/api/v1/customers/\(id)?reason=requested%20erasure", token: harness.adminToken)
            #expect(deleted.status == .noContent)
            let gone = try await client.send(.get, "/api/v1/customers/lookup?type=phone&value=010-1234-5678", token: harness.adminToken)
            #expect(gone.status == .notFound)
            #expect(gone.headers[.contentType] == "application/problem+json")
        }
    }

    @Test("A conflicting identifier is a 409 problem naming the holder's id only", arguments: TestEngine.all)
    func conflictProblem(engine: TestEngine) async throws {
        try await APITestHarness.run(engine: engine) { harness, client in
            let body = Self.hong.replacingOccurrences(of: "OWNER", with: harness.agentID)
            let first = try await client.send(.post, "/api/v1/customers", token: harness.adminToken, json: body)
            let id = try #require(first.json["id"] as? String)
            let second = try await client.send(.post, "/api/v1/customers", token: harness.adminToken,
                                               json: #"{"kind":"person","displayName":"김","identifiers":[{"type":"email","value":" HONG@Example.com "}]}"#)
            #expect(second.status == .conflict)
            #expect(second.headers[.contentType] == "application/problem+json")
            #expect(second.json["conflictingCustomerId"] as? String == id)
            #expect(second.json["status"] as? Int == 409)
            #expect(!second.text.contains("홍길동"))
            #expect(!second.text.contains("hong@"))
        }
    }

    @Test("Bad input is always a 4xx problem with field details, never a 500", arguments: TestEngine.all)
    func badInputIsA4xx(engine: TestEngine) async throws {
        try await APITestHarness.run(engine: engine, maxBodyBytes: 2048) { harness, client in
            let cases: [(HTTPRequest.Method, String, String?, Int)] = [
                (.post, "/api/v1/customers", "{not json", 400),
                (.post, "/api/v1/customers", #"{"kind":"robot","displayName":"x"}"#, 422),
                (.post, "/api/v1/customers", #"{"kind":"person","displayName":""}"#, 422),
                (.post, "/api/v1/customers", #"{"kind":"person","displayName":"x","identifiers":[{"type":"phone","value":"12"}]}"#, 422),
                (.post, "/api/v1/customers", #"{"kind":"person","displayName":"x","identifiers":[{"type":"phone"}]}"#, 422),
                (.post, "/api/v1/customers", "[1,2,3]", 422),
                (.post, "/api/v1/customers", nil, 400),
                (.post, "/api/v1/customers", "{\"kind\":\"person\",\"displayName\":\"" + String(repeating: "가", count: 3000) + "\"}", 413),
                (.get, "/api/v1/customers?limit=0", nil, 422),
                (.get, "/api/v1/customers?stage=vip", nil, 422),
                (.get, "/api/v1/customers?cursor=%27%3B%20DROP", nil, 422),
                (.get, "/api/v1/customers/lookup?type=fax&value=1", nil, 422),
                (.get, "/api/v1/customers/lookup?type=phone", nil, 422),
                (.get, "/api/v1/customers/not-an-id", nil, 404),
                (.get, "/api/v1/customers/0190a000-0000-7000-8000-000000000000", nil, 404),
                (.post, "/api/v1/customers/0190a000-0000-7000-8000-000000000000/transitions", #"{"to":"lead"}"#, 404),
                (.get, "/api/v1/nowhere", nil, 404),
            ]
            for (method, uri, json, expected) in cases {
                let response = try await client.send(method, uri, token: harness.adminToken, json: json)
                #expect(response.status.code == expected, "\(method) \(uri.prefix(60)) gave \(response.status.code)")
                #expect(response.headers[.contentType] == "application/problem+json", "\(uri.prefix(60))")
            }
            let fields = try await client.send(.post, "/api/v1/customers", token: harness.adminToken,
                                               json: #"{"kind":"person","displayName":"x","identifiers":[{"type":"email","value":"no-at-sign"}]}"#)
            let errors = fields.json["errors"] as? [[String: Any]]
            #expect(errors?.first?["field"] as? String == "identifiers/0/value")
        }
    }

    @Test("Without a valid token the API answers 401; a revoked token stops working", arguments: TestEngine.all)
    func authentication(engine: TestEngine) async throws {
        try await APITestHarness.run(engine: engine) { harness, client in
            #expect(try await client.send(.get, "/api/v1/customers", token: nil).status == .unauthorized)
            #expect(try await client.send(.get, "/api/v1/customers", token: "dgl_wrong").status == .unauthorized)
            #expect(try await client.send(.get, "/api/v1/customers", token: harness.agentToken).status == .ok)
            let users = UserService(services: harness.services)
            let token = try await users.createToken(username: "agent", name: "temp", scopes: ["customers:read"], by: .system("test"))
            #expect(try await client.send(.get, "/api/v1/me", token: token.secret).status == .ok)
            try await users.revokeToken(id: token.id, by: .system("test"))
            #expect(try await client.send(.get, "/api/v1/me", token: token.secret).status == .unauthorized)
            // Only hashes are stored.
            let stored = try await harness.services.database.read { db in try await UserRepository().tokens(userID: nil, on: db) }
            #expect(!stored.contains { $0.tokenHash == token.secret })
        }
    }

    @Test("Health, readiness and Prometheus metrics answer", arguments: TestEngine.all)
    func operations(engine: TestEngine) async throws {
        try await APITestHarness.run(engine: engine) { _, client in
            #expect(try await client.send(.get, "/health", token: nil).status == .ok)
            let ready = try await client.send(.get, "/ready", token: nil)
            #expect(ready.status == .ok)
            _ = try await client.send(.get, "/health", token: nil)
            let metrics = try await client.send(.get, "/metrics", token: nil)
            #expect(metrics.status == .ok)
            #expect(metrics.text.contains("dangol_http_requests_total"))
        }
    }
}
