import ArgumentParser
import DangolApp
import DangolCore
import DangolStore
import Foundation

struct ExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export data as CSV.",
        subcommands: [Customers.self]
    )

    struct Customers: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Export live customers as CSV (personal data masked unless --unmasked).",
            discussion: "--unmasked writes personal data in clear; it is allowed for admins only and is recorded in the audit log."
        )

        @Option(help: "Output file (default: standard output).")
        var out: String?

        @Flag(help: "Write personal data unmasked (audited).")
        var unmasked = false

        @Option(help: "The admin user on whose behalf an unmasked export runs (default: the system).")
        var asUser: String?

        @Option(help: "Database (overrides DANGOL_DB).")
        var db: String?

        func run() async throws {
            let (services, _) = try await CommandEnvironment.start(database: db)
            do {
                var principal = Principal.system("cli-export")
                if let asUser {
                    let users = try await UserService(services: services).list()
                    guard let user = users.first(where: { $0.username == asUser.lowercased() }) else {
                        throw DangolError.notFound("The user \(asUser)")
                    }
                    principal = Principal(userID: user.id, role: user.role)
                }
                let summary = try await CustomerExporter(services: services).export(
                    to: out.map { .file($0) } ?? .standardOutput, options: ExportOptions(unmasked: unmasked), by: principal)
                FileHandle.standardError.write(Data("Exported \(summary.rows) customers to \(summary.destination)\(unmasked ? " (unmasked, audited)" : "").\n".utf8))
            } catch {
                await services.database.close()
                CommandEnvironment.fail(error)
            }
            await services.database.close()
        }
    }
}
