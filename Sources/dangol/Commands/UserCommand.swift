import DangolStore
import ArgumentParser
import DangolApp
import DangolCore
import Foundation

struct UserCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "user",
        abstract: "Manage users.",
        subcommands: [Add.self, List.self]
    )

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add a user.",
            discussion: "The password is read from DANGOL_PASSWORD or, if unset, from standard input (one line)."
        )

        @Argument(help: "Username: 3–40 of a-z 0-9 . _ -")
        var username: String

        @Option(help: "admin, manager, agent or analyst.")
        var role: String = "agent"

        @Option(help: "Name shown in the console.")
        var name: String?

        @Option(help: "Database (overrides DANGOL_DB).")
        var db: String?

        func validate() throws {
            guard Role(rawValue: role) != nil else { throw ValidationError("--role must be admin, manager, agent or analyst.") }
        }

        func run() async throws {
            let password = ProcessInfo.processInfo.environment["DANGOL_PASSWORD"] ?? readLine(strippingNewline: true) ?? ""
            let (services, _) = try await CommandEnvironment.start(database: db)
            do {
                let user = try await UserService(services: services).addUser(
                    username: username, displayName: name, role: Role(rawValue: role) ?? .agent, password: password,
                    by: .system("cli"))
                print("Created \(user.role.rawValue) \(user.username) (id \(user.id)).")
            } catch {
                await services.database.close()
                CommandEnvironment.fail(error)
            }
            await services.database.close()
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List users.")

        @Option(help: "Database (overrides DANGOL_DB).")
        var db: String?

        func run() async throws {
            let (services, _) = try await CommandEnvironment.start(database: db)
            for user in try await UserService(services: services).list() {
                print("\(user.username)\t\(user.role.rawValue)\t\(user.displayName)\t\(user.id)")
            }
            await services.database.close()
        }
    }
}
