import ArgumentParser
import DangolApp
import DangolStore

struct MigrateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "migrate",
        abstract: "Apply pending database migrations (also done on every start)."
    )

    @Option(help: "Database: a SQLite file path or a postgres:// URL (overrides DANGOL_DB).")
    var db: String?

    func run() async throws {
        let configuration = CommandEnvironment.configuration(database: db)
        let logger = CommandEnvironment.logger(configuration)
        let database = try await Database.open(url: configuration.databaseURL, logger: logger)
        let applied = try await Migrator(database: database, logger: logger).migrate()
        print(applied.isEmpty ? "The schema is up to date (\(database.location))." : "Applied: \(applied.joined(separator: ", "))")
        await database.close()
    }
}
