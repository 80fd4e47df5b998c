import DangolCore
import SQLKit

/// Users, API tokens and console sessions.
public struct UserRepository: Sendable {
    public init() {}

    public func insert(_ user: UserRecord, on db: any SQLDatabase) async throws {
        try await db.raw("""
            INSERT INTO users (id, username, display_name, role, password_hash, manager_id, created_at, disabled_at)
            VALUES (\(bind: user.id), \(bind: user.username), \(bind: user.displayName), \(bind: user.role.rawValue),
            \(bind: user.passwordHash), \(bind: user.managerID), \(bind: user.createdAt.rawValue), \(bind: user.disabledAt?.rawValue))
            """).run()
    }

    public func updatePassword(userID: String, passwordHash: String, on db: any SQLDatabase) async throws {
        try await db.raw("UPDATE users SET password_hash = \(bind: passwordHash) WHERE id = \(bind: userID)").run()
    }

    public func find(username: String, on db: any SQLDatabase) async throws -> UserRecord? {
        try await db.raw("SELECT * FROM users WHERE username = \(bind: username)").first().flatMap(Self.decodeUser)
    }

    public func find(id: String, on db: any SQLDatabase) async throws -> UserRecord? {
        try await db.raw("SELECT * FROM users WHERE id = \(bind: id)").first().flatMap(Self.decodeUser)
    }

    public func list(on db: any SQLDatabase) async throws -> [UserRecord] {
        try await db.raw("SELECT * FROM users ORDER BY username").all().compactMap(Self.decodeUser)
    }

    // MARK: Tokens

    public func insertToken(_ token: APITokenRecord, on db: any SQLDatabase) async throws {
        try await db.raw("""
            INSERT INTO api_tokens (id, user_id, name, token_hash, scopes, created_at, expires_at, revoked_at)
            VALUES (\(bind: token.id), \(bind: token.userID), \(bind: token.name), \(bind: token.tokenHash),
            \(bind: token.scopes.joined(separator: " ")), \(bind: token.createdAt.rawValue), \(bind: token.expiresAt?.rawValue), NULL)
            """).run()
    }

    /// The token with this hash and its user, if it exists (revoked or not: the caller decides).
    public func token(hash: String, on db: any SQLDatabase) async throws -> APITokenRecord? {
        try await db.raw("SELECT * FROM api_tokens WHERE token_hash = \(bind: hash)").first().flatMap(Self.decodeToken)
    }

    public func tokens(userID: String?, on db: any SQLDatabase) async throws -> [APITokenRecord] {
        let condition: SQLQueryString = userID.map { "WHERE user_id = \(bind: $0)" } ?? ""
        return try await db.raw("SELECT * FROM api_tokens \(condition) ORDER BY created_at").all().compactMap(Self.decodeToken)
    }

    /// Revokes a token; returns false when there was no such live token.
    public func revokeToken(id: String, at: Timestamp, on db: any SQLDatabase) async throws -> Bool {
        let found = try await db.raw("SELECT id FROM api_tokens WHERE id = \(bind: id) AND revoked_at IS NULL").first()
        guard found != nil else { return false }
        try await db.raw("UPDATE api_tokens SET revoked_at = \(bind: at.rawValue) WHERE id = \(bind: id)").run()
        return true
    }

    // MARK: Sessions

    public func insertSession(tokenHash: String, userID: String, csrfToken: String, createdAt: Timestamp, expiresAt: Timestamp,
                              on db: any SQLDatabase) async throws {
        try await db.raw("""
            INSERT INTO sessions (token_hash, user_id, csrf_token, created_at, expires_at)
            VALUES (\(bind: tokenHash), \(bind: userID), \(bind: csrfToken), \(bind: createdAt.rawValue), \(bind: expiresAt.rawValue))
            """).run()
    }

    /// The user and CSRF token of a live session.
    public func session(tokenHash: String, now: Timestamp, on db: any SQLDatabase) async throws -> (userID: String, csrfToken: String)? {
        guard let row = try await db.raw("""
            SELECT user_id, csrf_token FROM sessions WHERE token_hash = \(bind: tokenHash) AND expires_at > \(bind: now.rawValue)
            """).first() else { return nil }
        return (try row.decode(column: "user_id", as: String.self), try row.decode(column: "csrf_token", as: String.self))
    }

    public func deleteSession(tokenHash: String, on db: any SQLDatabase) async throws {
        try await db.raw("DELETE FROM sessions WHERE token_hash = \(bind: tokenHash)").run()
    }

    static func decodeUser(_ row: any SQLRow) -> UserRecord? {
        guard let role = (try? row.decode(column: "role", as: String.self)).flatMap(Role.init(rawValue:)),
              let id = try? row.decode(column: "id", as: String.self),
              let username = try? row.decode(column: "username", as: String.self),
              let displayName = try? row.decode(column: "display_name", as: String.self),
              let hash = try? row.decode(column: "password_hash", as: String.self),
              let createdAt = try? row.decode(column: "created_at", as: Int64.self)
        else { return nil }
        return UserRecord(
            id: id, username: username, displayName: displayName, role: role, passwordHash: hash,
            managerID: try? row.decode(column: "manager_id", as: String?.self), createdAt: Timestamp(rawValue: createdAt),
            disabledAt: (try? row.decode(column: "disabled_at", as: Int64?.self))?.map(Timestamp.init(rawValue:))
        )
    }

    static func decodeToken(_ row: any SQLRow) -> APITokenRecord? {
        guard let id = try? row.decode(column: "id", as: String.self),
              let userID = try? row.decode(column: "user_id", as: String.self),
              let name = try? row.decode(column: "name", as: String.self),
              let hash = try? row.decode(column: "token_hash", as: String.self),
              let scopes = try? row.decode(column: "scopes", as: String.self),
              let createdAt = try? row.decode(column: "created_at", as: Int64.self)
        else { return nil }
        return APITokenRecord(
            id: id, userID: userID, name: name, tokenHash: hash, scopes: scopes.split(separator: " ").map(String.init),
            createdAt: Timestamp(rawValue: createdAt),
            expiresAt: (try? row.decode(column: "expires_at", as: Int64?.self))?.map(Timestamp.init(rawValue:)),
            revokedAt: (try? row.decode(column: "revoked_at", as: Int64?.self))?.map(Timestamp.init(rawValue:))
        )
    }
}
