import ArgumentParser
import DangolApp
import DangolCore
import DangolStore
import Foundation

struct BenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Benchmarks that print figures (run a release build: swift run -c release dangol bench …).",
        discussion: "scripts/bench.sh runs them on SQLite and on a throwaway PostgreSQL, side by side.",
        subcommands: [ImportBench.self, LookupBench.self, IdentityBench.self, OverviewBench.self, AnalyticsBench.self]
    )

    struct ImportBench: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "import",
            abstract: "Generate N synthetic customers as CSV (cached) and import them into an empty database."
        )

        @Option(help: "How many customers.")
        var customers: Int = 1_000_000

        @Option(help: "Where to keep the generated CSV.")
        var csv: String?

        @Option(help: "Database to import into: a SQLite file (deleted first) or a postgres:// URL (must be empty).")
        var db: String = "bench-data/bench.sqlite"

        @Option(help: "Rows per transaction.")
        var batchSize: Int = ImportOptions().batchSize

        func run() async throws {
            let csvPath = csv ?? "bench-data/customers-\(customers).csv"
            try FileManager.default.createDirectory(atPath: (csvPath as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            if !FileManager.default.fileExists(atPath: csvPath) {
                print("generating \(customers) customers → \(csvPath)")
                try SyntheticCustomerCSV(seed: 42).write(rows: customers, to: csvPath)
            }
            if !db.hasPrefix("postgres") {
                try FileManager.default.createDirectory(atPath: (db as NSString).deletingLastPathComponent.isEmpty ? "." : (db as NSString).deletingLastPathComponent,
                                                        withIntermediateDirectories: true)
                for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: db + suffix) }
            }
            let (services, _) = try await CommandEnvironment.start(database: db)
            let progress = ProgressLine()
            let summary = try await CustomerImporter(services: services).importFile(
                path: csvPath, options: ImportOptions(source: "bench", batchSize: batchSize), by: .system("bench"), progress: progress.report)
            progress.finish()
            print(ImportCommand.describe(summary))
            print("RESULT import engine=\(services.database.engine.rawValue) rows=\(summary.rowsRead) created=\(summary.created) "
                  + "seconds=\(String(format: "%.2f", summary.elapsedSeconds)) rows_per_second=\(Int(summary.rowsPerSecond))")
            await services.database.close()
        }
    }

    struct LookupBench: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "lookup",
            abstract: "Look up customers by phone through the HTTP API of an in-process server on loopback."
        )

        @Option(help: "Database with customers (e.g. after `bench import`).")
        var db: String = "bench-data/bench.sqlite"

        @Option(help: "How many lookups (each phone sampled at random).")
        var requests: Int = 2000

        @Option(help: "Concurrent clients for the throughput run.")
        var concurrency: Int = 8

        @Option(help: "Port for the benchmark server.")
        var port: Int = 18080

        func run() async throws {
            var (services, configuration) = try await CommandEnvironment.start(database: db)
            configuration.port = port
            let result = try await LookupBenchmark(services: services, configuration: configuration)
                .run(requests: requests, concurrency: concurrency)
            print("lookup by phone, one client:        \(result.sequential.summary)")
            print("lookup by phone, \(result.concurrency) clients:         \(result.concurrent.summary), \(Int(result.requestsPerSecond)) requests/s")
            print("RESULT lookup engine=\(services.database.engine.rawValue) median_ms=\(result.sequential.median) p95_ms=\(result.sequential.p95) "
                  + "throughput_rps=\(Int(result.requestsPerSecond)) not_found=\(result.notFound)")
            await services.database.close()
        }
    }
}
