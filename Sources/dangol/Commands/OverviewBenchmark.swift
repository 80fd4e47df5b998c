import ArgumentParser
import DangolApp
import DangolCore
import DangolServer
import DangolStore
import Foundation
import Hummingbird
import SQLKit

/// Measures `GET /api/v1/customers/{id}/360` for a customer with a long history, through a real HTTP server on
/// loopback (in this process, requests over TCP with URLSession), in a database that may already hold millions of
/// other sales (run it after `scripts/bench-transactions.sh`).
///
/// The customer's history is made through the same use cases as the API: sales with two lines (each earns points, and
/// tiers change on the way), contacts, and VOC cases worked through their statuses, until the timeline has at least
/// the requested number of items.
struct OverviewBenchmark {
    let services: AppServices
    let configuration: DangolConfiguration

    struct Result {
        var customerID: CustomerID
        var timelineItems: Int
        var sequential: LatencyStatistics
        var concurrent: LatencyStatistics
        var concurrency: Int
        var requestsPerSecond: Double
        var transactionsInDatabase: Int
    }

    func run(items: Int, requests: Int, concurrency: Int) async throws -> Result {
        let customer = try await makeCustomer(items: items)
        let counted = try await timelineCount(customer)
        let transactions = try await services.database.read { db in
            try await db.raw("SELECT COUNT(*) AS n FROM transactions").first()?.decode(column: "n", as: Int.self) ?? 0
        }
        let client = try await HTTPBenchmarkClient.make(services: services)
        var configuration = configuration
        configuration.host = "127.0.0.1"
        let app = DangolServer.buildApplication(services: services, configuration: configuration)
        let server = Task { try await app.runService() }
        defer { server.cancel() }
        let url = "http://127.0.0.1:\(configuration.port)/api/v1/customers/\(customer.rawValue)/360"
        try await client.waitForServer(url, expecting: 200)
        for _ in 0..<50 { _ = try await client.fetch(url) }
        var samples: [Double] = []
        for _ in 0..<requests {
            let start = ContinuousClock.now
            let status = try await client.fetch(url)
            samples.append(HTTPBenchmarkClient.milliseconds(ContinuousClock.now - start))
            guard status == 200 else { throw BenchmarkFailure(message: "The 360° view answered \(status).") }
        }
        let concurrent = try await client.concurrent([String](repeating: url, count: requests), concurrency: concurrency)
        return Result(customerID: customer, timelineItems: counted, sequential: LatencyStatistics(milliseconds: samples),
                      concurrent: LatencyStatistics(milliseconds: concurrent.milliseconds), concurrency: concurrency,
                      requestsPerSecond: concurrent.requestsPerSecond, transactionsInDatabase: transactions)
    }

    /// A new customer whose timeline has at least `items` entries.
    private func makeCustomer(items: Int) async throws -> CustomerID {
        let principal = Principal.system("bench")
        let view = try await CustomerService(services: services).create(
            CustomerInput(kind: .person, displayName: "벤치 고객", tags: ["bench"]), by: principal)
        let id = view.id
        let sales = TransactionService(services: services)
        let now = services.clock.now().rawValue
        let day: Int64 = 86_400_000
        var written = 0
        var batch: [TransactionInput] = []
        // Each sale adds a sale and a points entry to the timeline; ~2.2 items a sale with tier changes and contacts.
        let saleCount = max(1, items * 45 / 100)
        for index in 0..<saleCount {
            let at = now - Int64(saleCount - index) * day / 4
            batch.append(TransactionInput(source: "bench-360", externalId: "\(id.rawValue)-\(index)", channel: index % 5 == 0 ? "web" : "store",
                                          store: "강남점", occurredAt: Timestamp(rawValue: at), currency: "KRW", customerId: id.rawValue,
                                          lines: [.init(sku: "SKU\(index % 50)", quantity: 1, unitPrice: 12_000, unitCost: 7_000),
                                                  .init(sku: "SKU\((index + 7) % 50)", quantity: 2, unitPrice: 4_500, unitCost: 2_000)]))
            if batch.count == 1_000 {
                written += try await sales.recordBatch(batch, by: principal).count
                batch.removeAll(keepingCapacity: true)
            }
        }
        if !batch.isEmpty { written += try await sales.recordBatch(batch, by: principal).count }
        let contacts = InteractionService(services: services)
        var count = try await timelineCount(id)
        var index = 0
        while count < items {
            _ = try await contacts.record(for: id, .init(channel: "phone", direction: index % 2 == 0 ? "inbound" : "outbound",
                                                         subject: "상담 \(index)", at: Timestamp(rawValue: now - Int64(index) * day / 3)),
                                          by: principal)
            index += 1
            if index % 200 == 0 || count + index >= items { count = try await timelineCount(id) }
        }
        guard written == saleCount else { throw BenchmarkFailure(message: "Only \(written) of \(saleCount) sales were recorded.") }
        return id
    }

    /// The number of items the customer's timeline merges (the same sources as `TimelineRepository.page`).
    private func timelineCount(_ id: CustomerID) async throws -> Int {
        try await services.database.read { db in
            let sources = ["transactions", "consent_events", "point_ledger", "lifecycle_events", "interactions", "voc_events", "tier_events"]
            var total = 0
            for table in sources {
                total += try await db.raw("SELECT COUNT(*) AS n FROM \(unsafeRaw: table) WHERE customer_id = \(bind: id.rawValue)").first()?
                    .decode(column: "n", as: Int.self) ?? 0
            }
            return total
        }
    }



}

extension BenchCommand {
    struct OverviewBench: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "overview",
            abstract: "The 360° view of a customer with a long timeline, through the HTTP API of an in-process server on loopback.",
            discussion: "Adds one customer with the history to the database (run after scripts/bench-transactions.sh for a full one)."
        )

        @Option(help: "Database (a SQLite file or a postgres:// URL).")
        var db: String = "bench-data/transactions.sqlite"

        @Option(help: "Timeline items of the measured customer.")
        var items: Int = 5_000

        @Option(help: "How many requests.")
        var requests: Int = 1_000

        @Option(help: "Concurrent clients for the throughput run.")
        var concurrency: Int = 8

        @Option(help: "Port for the benchmark server.")
        var port: Int = 18081

        func run() async throws {
            var (services, configuration) = try await CommandEnvironment.start(database: db)
            configuration.port = port
            let result = try await OverviewBenchmark(services: services, configuration: configuration)
                .run(items: items, requests: requests, concurrency: concurrency)
            print("customer \(result.customerID.rawValue): \(result.timelineItems) timeline items; \(result.transactionsInDatabase) sales in the database")
            print("360° view, one client:  \(result.sequential.summary)")
            print("360° view, \(result.concurrency) clients:   \(result.concurrent.summary), \(Int(result.requestsPerSecond)) requests/s")
            print("RESULT overview engine=\(services.database.engine.rawValue) items=\(result.timelineItems) sales=\(result.transactionsInDatabase) "
                  + "median_ms=\(result.sequential.median) p95_ms=\(result.sequential.p95) throughput_rps=\(Int(result.requestsPerSecond))")
            await services.database.close()
        }
    }
}

/// A benchmark that could not measure what it set out to.
struct BenchmarkFailure: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}
