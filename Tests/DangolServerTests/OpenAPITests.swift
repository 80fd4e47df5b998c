import DangolApp
@testable import DangolServer
import DangolTestSupport
import Foundation
import Hummingbird
import Testing

@Suite("OpenAPI document")
struct OpenAPITests {
    /// `(METHOD, /path/{param})` pairs from the document.
    static func documentedRoutes() throws -> Set<String> {
        let document = try #require(try JSONSerialization.jsonObject(with: Data(OpenAPIDocument.json.utf8)) as? [String: Any])
        #expect(document["openapi"] as? String == "3.1.0")
        let paths = try #require(document["paths"] as? [String: [String: Any]])
        var routes: Set<String> = []
        for (path, operations) in paths {
            for method in operations.keys where ["get", "post", "put", "patch", "delete"].contains(method) {
                routes.insert(method.uppercased() + " /api/v1" + path)
            }
        }
        return routes
    }

    @Test("Every API route is documented and every documented route exists")
    func routesMatchDocument() async throws {
        try await TestEngine.sqlite.withServices { services in
            let router = DangolServer.buildRouter(services: services, configuration: DangolConfiguration(databaseURL: ":memory:"))
            let served = Set(router.routes.map { "\($0.method) \($0.path)" }
                .map { $0.replacingOccurrences(of: ":", with: "") }
                .filter { $0.contains(" /api/v1/") && !$0.hasSuffix("/openapi.json") }
                .map { route in
                    // Hummingbird prints `{id}` parameters as `:id` or `{id}`; normalise to `{id}`.
                    route.split(separator: "/", omittingEmptySubsequences: false).map { segment in
                        segment.hasPrefix("{") ? String(segment) : String(segment)
                    }.joined(separator: "/")
                })
            let documented = try Self.documentedRoutes()
            #expect(served.subtracting(documented).isEmpty, "undocumented: \(served.subtracting(documented).sorted())")
            #expect(documented.subtracting(served).isEmpty, "documented but missing: \(documented.subtracting(served).sorted())")
            #expect(served.count >= 18)
        }
    }
}
