import DangolApp
import DangolCore
import DangolServer
import DangolStore
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Hummingbird
import SQLKit

/// Measures `GET /api/v1/customers/lookup?type=phone&value=…` through a real HTTP server on loopback: the server runs
/// in this process, the requests go over TCP with URLSession, phones are sampled at random from the database and
/// written in the national format a person would type.
struct LookupBenchmark {
    let services: AppServices
    let configuration: DangolConfiguration

    struct Result {
        var sequential: LatencyStatistics
        var concurrent: LatencyStatistics
        var concurrency: Int
        var requestsPerSecond: Double
        var notFound: Int
    }

    func run(requests: Int, concurrency: Int) async throws -> Result {
        let phones = try await samplePhones(count: requests)
        guard !phones.isEmpty else { throw DangolError(.notFound, "The database has no mobile phones to look up; import customers first.") }
        let token = try await makeToken()
        var configuration = configuration
        configuration.host = "127.0.0.1"
        let app = DangolServer.buildApplication(services: services, configuration: configuration)
        let server = Task { try await app.runService() }
        defer { server.cancel() }
        let base = "http://127.0.0.1:\(configuration.port)/api/v1/customers/lookup?type=phone&value="
        let session = URLSession(configuration: .ephemeral)
        // Wait until the server answers.
        for _ in 0..<100 {
            if (try? await fetch(session, base + "010-0000-0000", token: token)) != nil { break }
            try await Task.sleep(for: .milliseconds(50))
        }
        // Warm up, then one request at a time for latency.
        for phone in phones.prefix(200) { _ = try await fetch(session, base + phone, token: token) }
        var samples: [Double] = []
        var notFound = 0
        for phone in phones {
            let start = ContinuousClock.now
            let status = try await fetch(session, base + phone, token: token)
            samples.append(milliseconds(ContinuousClock.now - start))
            if status != 200 { notFound += 1 }
        }
        // Several clients at once for throughput.
        let started = ContinuousClock.now
        let concurrentSamples = try await withThrowingTaskGroup(of: [Double].self) { group in
            for worker in 0..<concurrency {
                group.addTask {
                    var local: [Double] = []
                    var index = worker
                    while index < phones.count {
                        let start = ContinuousClock.now
                        _ = try await fetch(session, base + phones[index], token: token)
                        local.append(milliseconds(ContinuousClock.now - start))
                        index += concurrency
                    }
                    return local
                }
            }
            var all: [Double] = []
            for try await part in group { all += part }
            return all
        }
        let elapsed = milliseconds(ContinuousClock.now - started) / 1000
        return Result(sequential: LatencyStatistics(milliseconds: samples), concurrent: LatencyStatistics(milliseconds: concurrentSamples),
                      concurrency: concurrency, requestsPerSecond: Double(concurrentSamples.count) / elapsed, notFound: notFound)
    }

    private func fetch(_ session: URLSession, _ url: String, token: String) async throws -> Int {
        var request = URLRequest(url: URL(string: url)!)
        request.setValue("Bearer " + token, forHTTPHeaderField: "Authorization")
        let (_, response) = try await session.data(for: request)
        return (response as? HTTPURLResponse)?.statusCode ?? 0
    }

    private func samplePhones(count: Int) async throws -> [String] {
        try await services.database.read { db in
            try await db.raw("""
                SELECT normalized FROM identifiers WHERE type = 'mobile_phone' AND live ORDER BY RANDOM() LIMIT \(literal: count)
                """).all().compactMap { row in
                let e164 = try row.decode(column: "normalized", as: String.self)
                return (try? PhoneNumber(e164))?.nationalFormat
            }
        }
    }

    private func makeToken() async throws -> String {
        let users = UserService(services: services, bcryptCost: 4)
        let name = "bench-" + services.ids.next().suffix(8)
        _ = try await users.addUser(username: String(name), displayName: "benchmark", role: .manager,
                                    password: TokenHasher.makeSecret(prefix: "p"), by: .system("bench"))
        return try await users.createToken(username: String(name), name: "bench", scopes: ["customers:read"], by: .system("bench")).secret
    }

    private func milliseconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) * 1000 + Double(duration.components.attoseconds) / 1e15
    }
}
