import DangolApp
import DangolCore
import DangolServer
import DangolStore
import Foundation
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
        let client = try await HTTPBenchmarkClient.make(services: services)
        var configuration = configuration
        configuration.host = "127.0.0.1"
        let app = DangolServer.buildApplication(services: services, configuration: configuration)
        let server = Task { try await app.runService() }
        defer { server.cancel() }
        let base = "http://127.0.0.1:\(configuration.port)/api/v1/customers/lookup?type=phone&value="
        try await client.waitForServer(base + "010-0000-0000")
        // Warm up, then one request at a time for latency.
        for phone in phones.prefix(200) { _ = try await client.fetch(base + phone) }
        var samples: [Double] = []
        var notFound = 0
        for phone in phones {
            let start = ContinuousClock.now
            let status = try await client.fetch(base + phone)
            samples.append(HTTPBenchmarkClient.milliseconds(ContinuousClock.now - start))
            if status != 200 { notFound += 1 }
        }
        // Several clients at once for throughput.
        let concurrent = try await client.concurrent(phones.map { base + $0 }, concurrency: concurrency)
        return Result(sequential: LatencyStatistics(milliseconds: samples), concurrent: LatencyStatistics(milliseconds: concurrent.milliseconds),
                      concurrency: concurrency, requestsPerSecond: concurrent.requestsPerSecond, notFound: notFound)
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


}
