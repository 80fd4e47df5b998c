import ArgumentParser
import DangolApp
import DangolStore

/// `dangol tiers evaluate`: the nightly tier evaluation (schedule it with cron or a systemd timer).
struct TiersCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tiers",
        abstract: "Membership tiers (회원 등급) by rolling 12-month spend.",
        subcommands: [Evaluate.self]
    )

    struct Evaluate: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Re-evaluate every live customer's tier (purchases upgrade at once; this catches spend rolling off the window)."
        )

        @Option(help: "Database (SQLite file or postgres:// URL); default DANGOL_DB.")
        var db: String?

        func run() async throws {
            let (services, _) = try await CommandEnvironment.start(database: db)
            do {
                let changed = try await TierService(services: services).evaluateAll(by: .system("cli-tiers"))
                print("Tiers evaluated; \(changed) customer\(changed == 1 ? "" : "s") changed tier.")
            } catch {
                await services.database.close()
                CommandEnvironment.fail(error)
            }
            await services.database.close()
        }
    }
}
