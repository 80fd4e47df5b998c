import ArgumentParser
import DangolApp
import DangolStore

/// `dangol voc escalate`: escalate VOC cases past their deadline (schedule it every few minutes).
struct VOCCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "voc",
        abstract: "The voice of the customer (고객의 소리) cases.",
        subcommands: [Escalate.self]
    )

    struct Escalate: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Escalate every open case past its deadline to its owner's manager (each case once)."
        )

        @Option(help: "Database (SQLite file or postgres:// URL); default DANGOL_DB.")
        var db: String?

        func run() async throws {
            let (services, _) = try await CommandEnvironment.start(database: db)
            do {
                let cases = try await VOCService(services: services).escalateOverdue(by: .system("cli-voc"))
                print("\(cases.count) overdue case\(cases.count == 1 ? "" : "s") escalated.")
            } catch {
                await services.database.close()
                CommandEnvironment.fail(error)
            }
            await services.database.close()
        }
    }
}
