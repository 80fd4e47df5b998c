import DangolCore

/// A user of Dangol (an employee). The password is stored only as a bcrypt hash.
public struct UserRecord: Sendable, Hashable {
    public var id: String
    public var username: String
    public var displayName: String
    public var role: Role
    public var passwordHash: String
    public var managerID: String?
    public var createdAt: Timestamp
    public var disabledAt: Timestamp?

    public init(id: String, username: String, displayName: String, role: Role, passwordHash: String, managerID: String? = nil,
                createdAt: Timestamp, disabledAt: Timestamp? = nil) {
        self.id = id
        self.username = username
        self.displayName = displayName
        self.role = role
        self.passwordHash = passwordHash
        self.managerID = managerID
        self.createdAt = createdAt
        self.disabledAt = disabledAt
    }
}
