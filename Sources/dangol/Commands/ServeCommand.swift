import DangolApp
import DangolStore
import ArgumentParser
import DangolServer
import Foundation
import Hummingbird

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the API (/api/v1) and the console (/).",
        discussion: "Applies pending migrations first. Several `dangol serve` processes may share one PostgreSQL database."
    )

    @Option(help: "Database: a SQLite file path or a postgres:// URL (overrides DANGOL_DB).")
    var db: String?

    @Option(help: "Port to listen on (overrides DANGOL_PORT).")
    var port: Int?

    func run() async throws {
        var (services, configuration) = try await CommandEnvironment.start(database: db)
        if let port { configuration.port = port }
        let app = DangolServer.buildApplication(services: services, configuration: configuration)
        print("Dangol is listening on http://\(configuration.host):\(configuration.port)/ (database: \(services.database.location))")
        fflush(nil)
        try await app.runService()
        await services.database.close()
    }
}
