import DangolStore
import ArgumentParser
import DangolApp
import DangolCore

struct TokenCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "token",
        abstract: "Create or revoke bearer API tokens.",
        subcommands: [Create.self, Revoke.self]
    )

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create an API token for a user and print it (shown only once).",
            discussion: "Example: dangol token create admin --name crm-sync --scope customers:read --scope customers:write"
        )

        @Argument(help: "The user the token acts as.")
        var username: String

        @Option(help: "A label for the token.")
        var name: String = "api"

        @Option(help: "Scopes: customers:read, customers:write, admin (repeatable). Default: customers:read customers:write.")
        var scope: [String] = []

        @Option(help: "Database (overrides DANGOL_DB).")
        var db: String?

        func run() async throws {
            let (services, _) = try await CommandEnvironment.start(database: db)
            do {
                let scopes = scope.isEmpty ? ["customers:read", "customers:write"] : scope
                let token = try await UserService(services: services).createToken(username: username, name: name, scopes: Set(scopes),
                                                                                  by: .system("cli"))
                print("Token \(token.id) for \(username) (\(scopes.joined(separator: " "))):")
                print(token.secret)
            } catch {
                await services.database.close()
                CommandEnvironment.fail(error)
            }
            await services.database.close()
        }
    }

    struct Revoke: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Revoke a token by its id.")

        @Argument(help: "The token id printed by `token create`.")
        var id: String

        @Option(help: "Database (overrides DANGOL_DB).")
        var db: String?

        func run() async throws {
            let (services, _) = try await CommandEnvironment.start(database: db)
            do {
                try await UserService(services: services).revokeToken(id: id, by: .system("cli"))
                print("Revoked \(id).")
            } catch {
                await services.database.close()
                CommandEnvironment.fail(error)
            }
            await services.database.close()
        }
    }
}
