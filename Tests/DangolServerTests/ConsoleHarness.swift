import DangolApp
import DangolCore
import DangolStore
@testable import DangolServer
import DangolTestSupport
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing

// MARK: - Harness

/// A fresh database with one user per role, and the app's router.
struct ConsoleHarness: Sendable {
    static let password = "correct-horse-1"
    let client: any TestClientProtocol
    let agentID: String
    let services: AppServices

    static func run(engine: TestEngine, _ body: @escaping @Sendable (ConsoleHarness) async throws -> Void) async throws {
        try await engine.withServices { services in
            let users = UserService(services: services, bcryptCost: 4)
            var agentID = ""
            for (name, display, role) in [("agent", "김상담", Role.agent), ("manager", "박팀장", .manager), ("analyst", "최분석", .analyst)] {
                let user = try await users.addUser(username: name, displayName: display, role: role, password: password, by: .system("test"))
                if role == .agent { agentID = user.id }
            }
            let app = Application(router: DangolServer.buildRouter(services: services, configuration: DangolConfiguration(), bcryptCost: 4))
            try await app.test(.router) { [agentID] client in
                try await body(ConsoleHarness(client: client, agentID: agentID, services: services))
            }
        }
    }

    func browser() -> ConsoleBrowser { ConsoleBrowser(client: client) }
}

/// A minimal browser: keeps cookies, remembers the last page's CSRF field and posts forms.
struct ConsoleBrowser {
    struct Page {
        var status: HTTPResponse.Status
        var headers: HTTPFields
        var html: String
        var location: String? { headers[.location] }
        var setCookies: [String] { headers[values: .setCookie] }
        var csrf: String? {
            guard let match = html.firstMatch(of: #/name="csrf" value="([^"]+)"/#) else { return nil }
            return String(match.1)
        }
        /// The value of the selected option of a select, as a browser would submit it.
        func selectedOption(_ id: String) -> String? {
            guard let start = html.range(of: #"<select id="\#(id)""#),
                  let end = html[start.upperBound...].range(of: "</select>") else { return nil }
            return html[start.upperBound..<end.lowerBound].firstMatch(of: #/<option value="([^"]*)" selected>/#).map { String($0.1) }
        }
        /// The id in a `/customers/{id}?…` redirect.
        var customerID: String? { location.flatMap { $0.firstMatch(of: #/^/customers/([0-9a-f-]{36})/#) }.map { String($0.1) } }
    }

    let client: any TestClientProtocol
    var cookies: [String: String] = [:]
    var csrf: String?

    mutating func get(_ uri: String) async throws -> Page {
        try await send(.get, uri, body: nil)
    }

    /// Which CSRF field a post carries.
    enum CSRFField { case lastSeen, omitted, value(String) }

    /// Posts a form, by default with the CSRF token of the last page seen.
    mutating func post(_ uri: String, _ fields: [(String, String)], csrf field: CSRFField = .lastSeen) async throws -> Page {
        let token: String? = switch field {
        case .lastSeen: csrf
        case .omitted: nil
        case .value(let value): value
        }
        let all = fields + (token.map { [("csrf", $0)] } ?? [])
        let body = all.map { ConsoleForm.encode($0.0) + "=" + ConsoleForm.encode($0.1) }.joined(separator: "&")
        return try await send(.post, uri, body: body)
    }

    /// Posts a `multipart/form-data` form with the CSRF field first (as the page's form does), the fields, then a file.
    mutating func upload(_ uri: String, fields: [(String, String)], file: (name: String, content: String), csrf withToken: Bool = true) async throws -> Page {
        let boundary = "----dangol-test-boundary"
        var body = ""
        for (name, value) in (withToken ? [("csrf", csrf ?? "")] : []) + fields {
            body += "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n"
        }
        body += "--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"\(file.name)\"\r\nContent-Type: text/csv\r\n\r\n"
        body += file.content + "\r\n--\(boundary)--\r\n"
        return try await send(.post, uri, body: body, contentType: "multipart/form-data; boundary=\(boundary)")
    }

    mutating func login(_ username: String, _ password: String) async throws -> Page {
        _ = try await get("/login")
        return try await post("/login", [("username", username), ("password", password)])
    }

    mutating func signIn(_ username: String) async throws {
        let page = try await login(username, ConsoleHarness.password)
        #expect(page.status == .seeOther, "sign-in failed for \(username)")
        _ = try await get("/customers")
    }

    /// Posts the create form after loading it (for its CSRF token).
    mutating func createCustomer(name: String, phone: String, extra: [(String, String)] = []) async throws -> Page {
        let form = try await get("/customers/new")
        return try await post("/customers", [("kind", "person"), ("displayName", name), ("mobilePhone", phone), ("stage", "prospect"),
                                             ("owner", form.selectedOption("owner") ?? ""), ("channel", "store")] + extra)
    }

    private mutating func send(_ method: HTTPRequest.Method, _ uri: String, body: String?,
                               contentType: String = "application/x-www-form-urlencoded") async throws -> Page {
        var headers = HTTPFields()
        if !cookies.isEmpty { headers[.cookie] = cookies.sorted { $0.key < $1.key }.map { $0.key + "=" + $0.value }.joined(separator: "; ") }
        if body != nil { headers[.contentType] = contentType }
        // Like a browser, never send the fragment of a redirect's location.
        let uri = String(uri.prefix { $0 != "#" })
        let response = try await client.execute(uri: uri, method: method, headers: headers, body: body.map { ByteBuffer(string: $0) })
        let page = Page(status: response.status, headers: response.headers, html: String(buffer: response.body))
        for cookie in page.setCookies {
            let pair = cookie.prefix { $0 != ";" }.split(separator: "=", maxSplits: 1).map(String.init)
            guard let name = pair.first else { continue }
            if cookie.contains("Max-Age=0") { cookies[name] = nil } else { cookies[name] = pair.count > 1 ? pair[1] : "" }
        }
        if let token = page.csrf { csrf = token }
        return page
    }
}
