import ArgumentParser
import DangolApp
import DangolStore

/// `dangol points expire`: the daily expiry of unspent points past their date.
struct PointsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "points",
        abstract: "Membership points (멤버십 포인트).",
        subcommands: [Expire.self]
    )

    struct Expire: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Expire unspent points past their expiry date (oldest first); run daily.")

        @Option(help: "Database (SQLite file or postgres:// URL); default DANGOL_DB.")
        var db: String?

        func run() async throws {
            let (services, _) = try await CommandEnvironment.start(database: db)
            do {
                let expired = try await PointsService(services: services).expireDue(by: .system("cli-points"))
                print("\(expired) points expired.")
            } catch {
                await services.database.close()
                CommandEnvironment.fail(error)
            }
            await services.database.close()
        }
    }
}
