import DangolCore

/// Who is acting: a user (through the console or an API token) or the system (imports, jobs), with where the request
/// came from — written into every audit entry.
public struct Principal: Sendable, Hashable {
    public var userID: String
    public var role: Role
    /// API token scopes; the console has all scopes its role allows.
    public var scopes: Set<String>
    public var sourceIP: String?
    public var requestID: String?

    public init(userID: String, role: Role, scopes: Set<String> = Principal.allScopes, sourceIP: String? = nil, requestID: String? = nil) {
        self.userID = userID
        self.role = role
        self.scopes = scopes
        self.sourceIP = sourceIP
        self.requestID = requestID
    }

    /// The scopes a token may carry.
    public static let allScopes: Set<String> = ["customers:read", "customers:write", "admin"]

    /// The system itself (CLI imports, the demo builder), acting with admin rights.
    public static func system(_ label: String) -> Principal {
        Principal(userID: "system:" + label, role: .admin)
    }

    /// Throws `forbidden` unless the scope is held.
    public func require(scope: String) throws(DangolError) {
        guard scopes.contains(scope) || scopes.contains("admin") else {
            throw DangolError(.forbidden, "This token lacks the scope \(scope).")
        }
    }

    /// Throws `forbidden` unless the role may change customers and the write scope is held.
    public func requireCustomerWrite() throws(DangolError) {
        guard role.canWriteCustomers else { throw DangolError(.forbidden, "The role \(role.rawValue) cannot change customers.") }
        try require(scope: "customers:write")
    }

    /// Throws `forbidden` unless this is an admin.
    public func requireAdmin() throws(DangolError) {
        guard role == .admin else { throw DangolError(.forbidden, "Only an admin may do this.") }
        try require(scope: "admin")
    }
}
