import DangolApp
import DangolCore
@testable import DangolServer
import DangolTestSupport
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore

/// Runs an API test against the real router (no socket) on a fresh database, with an admin token and an agent token.
struct APITestHarness {
    let services: AppServices
    let adminToken: String
    let agentToken: String
    let managerToken: String
    let agentID: String

    static func run(engine: TestEngine, maxBodyBytes: Int = 1 << 20,
                    _ body: @escaping @Sendable (APITestHarness, any TestClientProtocol) async throws -> Void) async throws {
        try await engine.withServices { services in
            let users = UserService(services: services, bcryptCost: 4)
            let system = Principal.system("test")
            _ = try await users.addUser(username: "admin", displayName: "관리자", role: .admin, password: "admin-password-1", by: system)
            let agent = try await users.addUser(username: "agent", displayName: "상담원", role: .agent, password: "agent-password-1", by: system)
            _ = try await users.addUser(username: "manager", displayName: "매니저", role: .manager, password: "manager-password-1", by: system)
            let admin = try await users.createToken(username: "admin", name: "t", scopes: ["admin", "customers:read", "customers:write"], by: system)
            let agentToken = try await users.createToken(username: "agent", name: "t", scopes: ["customers:read", "customers:write"], by: system)
            let managerToken = try await users.createToken(username: "manager", name: "t", scopes: ["customers:read"], by: system)
            let harness = APITestHarness(services: services, adminToken: admin.secret, agentToken: agentToken.secret,
                                         managerToken: managerToken.secret, agentID: agent.id)
            let configuration = DangolConfiguration(databaseURL: ":memory:", maxBodyBytes: maxBodyBytes)
            let app = Application(router: DangolServer.buildRouter(services: services, configuration: configuration, bcryptCost: 4))
            try await app.test(.router) { client in try await body(harness, client) }
        }
    }
}

extension TestClientProtocol {
    /// Sends a JSON request with a bearer token.
    func send(_ method: HTTPRequest.Method, _ uri: String, token: String?, json: String? = nil) async throws -> TestResponse {
        var headers = HTTPFields()
        if let token { headers[.authorization] = "Bearer " + token }
        if json != nil { headers[.contentType] = "application/json" }
        return try await execute(uri: uri, method: method, headers: headers, body: json.map { ByteBuffer(string: $0) })
    }
}

extension TestResponse {
    /// The body parsed as a JSON object.
    var json: [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(body.readableBytesView))) as? [String: Any] ?? [:]
    }

    var jsonArray: [[String: Any]] {
        (try? JSONSerialization.jsonObject(with: Data(body.readableBytesView))) as? [[String: Any]] ?? []
    }

    var text: String { String(buffer: body) }
}
