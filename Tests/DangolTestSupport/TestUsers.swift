import DangolApp
import DangolCore
import DangolStore

/// Ready-made users for tests: creates them in the database and returns principals acting as them.
public struct TestUsers: Sendable {
    public let admin: Principal
    public let manager: Principal
    public let agent: Principal
    public let otherAgent: Principal
    public let analyst: Principal

    /// Inserts one user per role (passwords are irrelevant here: a fixed dummy hash).
    public static func create(in services: AppServices) async throws -> TestUsers {
        let now = services.clock.now()
        let specs: [(String, Role)] = [("admin", .admin), ("manager", .manager), ("agent", .agent), ("agent2", .agent), ("analyst", .analyst)]
        try await services.database.transaction { db in
            for (name, role) in specs {
                // Agents report to the manager (VOC escalation goes to the owner's manager).
                try await UserRepository().insert(UserRecord(id: "user-" + name, username: name, displayName: name, role: role,
                                                             passwordHash: "-", managerID: role == .agent ? "user-manager" : nil,
                                                             createdAt: now), on: db)
            }
        }
        return TestUsers(
            admin: Principal(userID: "user-admin", role: .admin), manager: Principal(userID: "user-manager", role: .manager),
            agent: Principal(userID: "user-agent", role: .agent), otherAgent: Principal(userID: "user-agent2", role: .agent),
            analyst: Principal(userID: "user-analyst", role: .analyst)
        )
    }
}
