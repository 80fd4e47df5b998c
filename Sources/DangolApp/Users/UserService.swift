import DangolCore
import DangolStore
import HummingbirdBcrypt
import NIOPosix
import NIOCore
import SQLKit

/// Users, passwords (bcrypt), bearer API tokens (SHA-256 at rest, revocable, scoped) and console sessions.
public struct UserService: Sendable {
    public let services: AppServices
    let users = UserRepository()
    let audit = AuditRepository()
    /// bcrypt cost; 12 in production, lower in tests.
    public var bcryptCost: UInt8 = 12

    public init(services: AppServices, bcryptCost: UInt8 = 12) {
        self.services = services
        self.bcryptCost = bcryptCost
    }

    /// A user without secrets, for the API and console.
    public struct UserInfo: Codable, Sendable, Hashable {
        public var id: String
        public var username: String
        public var displayName: String
        public var role: Role
    }

    /// Creates a user. Usernames are 3–40 of `a-z 0-9 . _ -`; passwords at least 10 characters.
    @discardableResult
    public func addUser(username: String, displayName: String?, role: Role, password: String, managerID: String? = nil,
                        by principal: Principal) async throws(DangolError) -> UserInfo {
        try principal.requireAdmin()
        var errors: [FieldError] = []
        let name = username.lowercased()
        if name.count < 3 || name.count > 40 || !name.allSatisfy({ $0.isLetter && $0.isASCII || $0.isNumber && $0.isASCII || "._-".contains($0) }) {
            errors.append(FieldError(field: "username", code: "username.invalid", message: "A username has 3–40 characters: a-z, 0-9, '.', '_' or '-'."))
        }
        if password.count < 10 {
            errors.append(FieldError(field: "password", code: "password.too_short", message: "A password needs at least 10 characters."))
        }
        guard errors.isEmpty else { throw DangolError.invalid(errors) }
        let hash = await hashPassword(password)
        let now = services.clock.now()
        let record = UserRecord(id: services.ids.next(), username: name, displayName: displayName.map(NameNormalizer.normalize) ?? name,
                                role: role, passwordHash: hash, managerID: managerID, createdAt: now)
        try await services.transaction { db in
            if try await users.find(username: name, on: db) != nil {
                throw DangolError(.conflict, "The username \(name) is taken.", fieldErrors: [FieldError(field: "username", code: "username.taken", message: "This username is taken.")])
            }
            try await users.insert(record, on: db)
            try await audit.append([AuditEntry(at: now, actorID: principal.userID, actorRole: principal.role.rawValue,
                                               action: "user.create", customerID: nil, detail: "\(name) as \(role.rawValue)")], on: db)
        }
        return UserInfo(id: record.id, username: record.username, displayName: record.displayName, role: role)
    }

    /// Checks a username and password; nil when either is wrong (the caller cannot tell which).
    public func authenticate(username: String, password: String) async throws(DangolError) -> UserInfo? {
        let record = try await services.read { db in try await users.find(username: username.lowercased(), on: db) }
        guard let record, record.disabledAt == nil else {
            // Spend comparable time so a missing user is not revealed by timing.
            _ = await verifyPassword(password, hash: "$2b$10$abcdefghijklmnopqrstuu5WJ1yZ0vfsEnLgzhrO6c1ABCDEFGHI")
            return nil
        }
        guard await verifyPassword(password, hash: record.passwordHash) else { return nil }
        return UserInfo(id: record.id, username: record.username, displayName: record.displayName, role: record.role)
    }

    /// The user with this id.
    public func user(id: String) async throws(DangolError) -> UserInfo? {
        let record = try await services.read { db in try await users.find(id: id, on: db) }
        return record.flatMap { $0.disabledAt == nil ? UserInfo(id: $0.id, username: $0.username, displayName: $0.displayName, role: $0.role) : nil }
    }

    /// All users.
    public func list() async throws(DangolError) -> [UserInfo] {
        try await services.read { db in try await users.list(on: db) }
            .map { UserInfo(id: $0.id, username: $0.username, displayName: $0.displayName, role: $0.role) }
    }

    // MARK: API tokens

    /// Creates a token for a user; returns the secret, shown only now.
    public func createToken(username: String, name: String, scopes: Set<String>, by principal: Principal) async throws(DangolError) -> (id: String, secret: String) {
        try principal.requireAdmin()
        let unknown = scopes.subtracting(Principal.allScopes)
        guard unknown.isEmpty, !scopes.isEmpty else {
            throw DangolError.invalid(field: "scopes", code: "scope.invalid", "Scopes must be some of \(Principal.allScopes.sorted().joined(separator: ", ")).")
        }
        let secret = TokenHasher.makeSecret(prefix: "dgl_")
        let now = services.clock.now()
        let tokenID = services.ids.next()
        try await services.transaction { db in
            guard let user = try await users.find(username: username.lowercased(), on: db) else { throw DangolError.notFound("The user") }
            try await users.insertToken(APITokenRecord(id: tokenID, userID: user.id, name: String(name.prefix(100)), tokenHash: TokenHasher.hash(secret),
                                                       scopes: scopes.sorted(), createdAt: now), on: db)
            try await audit.append([AuditEntry(at: now, actorID: principal.userID, actorRole: principal.role.rawValue,
                                               action: "token.create", customerID: nil, detail: "\(tokenID) for \(user.username)")], on: db)
        }
        return (tokenID, secret)
    }

    /// Revokes a token by id.
    public func revokeToken(id: String, by principal: Principal) async throws(DangolError) {
        try principal.requireAdmin()
        let now = services.clock.now()
        try await services.transaction { db in
            guard try await users.revokeToken(id: id, at: now, on: db) else { throw DangolError.notFound("The live token") }
            try await audit.append([AuditEntry(at: now, actorID: principal.userID, actorRole: principal.role.rawValue,
                                               action: "token.revoke", customerID: nil, detail: id)], on: db)
        }
    }

    /// The principal for a bearer token secret, or nil if unknown, revoked or expired.
    public func principal(forToken secret: String, sourceIP: String?, requestID: String?) async throws(DangolError) -> Principal? {
        guard secret.hasPrefix("dgl_"), secret.count < 200 else { return nil }
        let hash = TokenHasher.hash(secret)
        let now = services.clock.now()
        let found = try await services.read { db -> (APITokenRecord, UserRecord)? in
            guard let token = try await users.token(hash: hash, on: db), let user = try await users.find(id: token.userID, on: db) else { return nil }
            return (token, user)
        }
        guard let (token, user) = found, token.revokedAt == nil, user.disabledAt == nil,
              token.expiresAt.map({ $0 > now }) ?? true else { return nil }
        return Principal(userID: user.id, role: user.role, scopes: Set(token.scopes), sourceIP: sourceIP, requestID: requestID)
    }

    // MARK: Console sessions

    /// Starts a console session; returns the cookie secret and the CSRF token.
    public func createSession(userID: String, lifetimeHours: Int64 = 12) async throws(DangolError) -> (secret: String, csrf: String) {
        let secret = TokenHasher.makeSecret(prefix: "s_")
        let csrf = TokenHasher.makeSecret(prefix: "c_")
        let now = services.clock.now()
        try await services.transaction { db in
            try await users.insertSession(tokenHash: TokenHasher.hash(secret), userID: userID, csrfToken: csrf, createdAt: now,
                                          expiresAt: Timestamp(rawValue: now.rawValue + lifetimeHours * 3_600_000), on: db)
        }
        return (secret, csrf)
    }

    /// The user and CSRF token of a live session.
    public func session(secret: String) async throws(DangolError) -> (user: UserInfo, csrf: String)? {
        let now = services.clock.now()
        let found = try await services.read { db -> (UserRecord, String)? in
            guard let session = try await users.session(tokenHash: TokenHasher.hash(secret), now: now, on: db),
                  let user = try await users.find(id: session.userID, on: db), user.disabledAt == nil else { return nil }
            return (user, session.csrfToken)
        }
        return found.map { (UserInfo(id: $0.0.id, username: $0.0.username, displayName: $0.0.displayName, role: $0.0.role), $0.1) }
    }

    /// Ends a session.
    public func endSession(secret: String) async throws(DangolError) {
        try await services.transaction { db in try await users.deleteSession(tokenHash: TokenHasher.hash(secret), on: db) }
    }

    // MARK: Password hashing off the event loop

    func hashPassword(_ password: String) async -> String {
        let cost = bcryptCost
        return (try? await NIOThreadPool.singleton.runIfActive { Bcrypt.hash(password, cost: cost) }) ?? Bcrypt.hash(password, cost: cost)
    }

    func verifyPassword(_ password: String, hash: String) async -> Bool {
        (try? await NIOThreadPool.singleton.runIfActive { Bcrypt.verify(password, hash: hash) }) ?? false
    }
}
