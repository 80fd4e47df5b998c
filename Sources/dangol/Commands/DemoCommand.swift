import ArgumentParser
import DangolApp
import DangolCore
import DangolServer
import DangolStore
import Foundation
import Hummingbird

struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Build a realistic demo database, create logins, and serve the console.",
        discussion: """
            Korean and some English names, valid-looking phones and emails, companies with valid business registration \
            numbers, consents, a mix of lifecycle stages. The database file is replaced each time (default \
            dangol-demo.sqlite; DANGOL_DB is ignored so a real database is never touched).
            """
    )

    @Option(help: "How many customers.")
    var customers: Int = 2000

    @Option(help: "The SQLite file to (re)create.")
    var file: String = "dangol-demo.sqlite"

    @Option(help: "Port to serve on.")
    var port: Int = 8080

    @Option(help: "Seed for the generator (same seed, same data).")
    var seed: UInt64 = 2026

    @Flag(help: "Build the database and exit without serving.")
    var noServe = false

    func validate() throws {
        guard (0...6_000_000).contains(customers) else { throw ValidationError("--customers must be 0…6000000.") }
        guard !file.hasPrefix("postgres") else { throw ValidationError("The demo uses a SQLite file.") }
    }

    func run() async throws {
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: file + suffix) }
        var configuration = DangolConfiguration(databaseURL: file, port: port)
        configuration.host = ProcessInfo.processInfo.environment["DANGOL_HOST"] ?? "127.0.0.1"
        let logger = CommandEnvironment.logger(configuration)
        let services = try await AppServices.start(configuration: configuration, logger: logger)
        let passwords = ["admin": "dangol-admin", "manager": "dangol-manager", "agent1": "dangol-agent", "agent2": "dangol-agent",
                         "agent3": "dangol-agent", "analyst": "dangol-analyst"]
        print("Building a demo database with \(customers) customers in \(file) …")
        let progress = ProgressLine()
        do {
            let summary = try await DemoDataBuilder(services: services).build(customers: customers, seed: seed, passwords: passwords,
                                                                              progress: progress.report)
            progress.finish()
            print("Created \(summary.customersCreated) customers and users \(summary.usersCreated.joined(separator: ", ")).")
            let activity = try await DemoActivityBuilder(services: services).build(seed: seed)
            print("Added \(activity.products) products, \(activity.transactions) sales, \(activity.interactions) contacts and \(activity.cases) VOC cases.")
            let analytics = try await AnalyticsRefreshService(services: services).refresh(trigger: "demo")
            print("Scored \(analytics.report.customers) customers (RFM, CLV, churn risk, value matrix).")
        } catch {
            await services.database.close()
            CommandEnvironment.fail(error)
        }
        guard !noServe else {
            await services.database.close()
            return
        }
        print("""

            Dangol demo is ready — open http://\(configuration.host):\(port)/ and log in:
              admin   / dangol-admin    (admin)
              manager / dangol-manager  (manager: sees personal data masked)
              agent1  / dangol-agent    (agent: sees their own customers unmasked)
            API: dangol token create admin --db \(file)   then   curl -H "Authorization: Bearer <token>" http://\(configuration.host):\(port)/api/v1/customers
            Press Ctrl-C to stop.
            """)
        fflush(nil)  // the banner must show even when stdout is a pipe or a file
        let app = DangolServer.buildApplication(services: services, configuration: configuration)
        try await app.runService()
        await services.database.close()
    }
}
