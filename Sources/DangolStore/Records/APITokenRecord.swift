import DangolCore

/// A bearer API token. Only the SHA-256 hash of the secret is stored; the secret is shown once, at creation.
public struct APITokenRecord: Sendable, Hashable {
    public var id: String
    public var userID: String
    public var name: String
    public var tokenHash: String
    /// Scopes such as `customers:read`, `customers:write`, `admin`.
    public var scopes: [String]
    public var createdAt: Timestamp
    public var expiresAt: Timestamp?
    public var revokedAt: Timestamp?

    public init(id: String, userID: String, name: String, tokenHash: String, scopes: [String], createdAt: Timestamp,
                expiresAt: Timestamp? = nil, revokedAt: Timestamp? = nil) {
        self.id = id
        self.userID = userID
        self.name = name
        self.tokenHash = tokenHash
        self.scopes = scopes
        self.createdAt = createdAt
        self.expiresAt = expiresAt
        self.revokedAt = revokedAt
    }
}
