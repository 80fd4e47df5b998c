import DangolApp
import DangolCore
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// What the HTTP benchmarks share: a read-only API token of a throwaway manager, authenticated GETs over one
/// URLSession, and timing of requests one at a time or from several clients at once.
struct HTTPBenchmarkClient: Sendable {
    let token: String
    let session = URLSession(configuration: .ephemeral)

    /// A client with a fresh `customers:read` token (a new manager user named `bench-…`).
    static func make(services: AppServices) async throws -> HTTPBenchmarkClient {
        let users = UserService(services: services, bcryptCost: 4)
        let name = "bench-" + services.ids.next().suffix(8)
        _ = try await users.addUser(username: String(name), displayName: "benchmark", role: .manager,
                                    password: TokenHasher.makeSecret(prefix: "p"), by: .system("bench"))
        let token = try await users.createToken(username: String(name), name: "bench", scopes: ["customers:read"], by: .system("bench")).secret
        return HTTPBenchmarkClient(token: token)
    }

    /// GETs `url`; returns the status code.
    func fetch(_ url: String) async throws -> Int {
        var request = URLRequest(url: URL(string: url)!)
        request.setValue("Bearer " + token, forHTTPHeaderField: "Authorization")
        let (_, response) = try await session.data(for: request)
        return (response as? HTTPURLResponse)?.statusCode ?? 0
    }

    /// GETs `url` until the server answers `expecting` (or `attempts` tries 50 ms apart have passed).
    func waitForServer(_ url: String, expecting: Int? = nil) async throws {
        for _ in 0..<100 {
            if let status = try? await fetch(url), expecting.map({ $0 == status }) ?? true { return }
            try await Task.sleep(for: .milliseconds(50))
        }
    }

    /// Every URL requested by `concurrency` clients at once (client k takes URLs k, k + c, …): the latency of each
    /// request in milliseconds and the requests per second over the whole run.
    func concurrent(_ urls: [String], concurrency: Int) async throws -> (milliseconds: [Double], requestsPerSecond: Double) {
        let started = ContinuousClock.now
        let samples = try await withThrowingTaskGroup(of: [Double].self) { group in
            for worker in 0..<concurrency {
                group.addTask {
                    var local: [Double] = []
                    var index = worker
                    while index < urls.count {
                        let start = ContinuousClock.now
                        _ = try await fetch(urls[index])
                        local.append(Self.milliseconds(ContinuousClock.now - start))
                        index += concurrency
                    }
                    return local
                }
            }
            var all: [Double] = []
            for try await part in group { all += part }
            return all
        }
        return (samples, Double(samples.count) / (Self.milliseconds(ContinuousClock.now - started) / 1000))
    }

    static func milliseconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) * 1000 + Double(duration.components.attoseconds) / 1e15
    }
}
