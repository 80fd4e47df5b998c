/// The result of normalising one identifier value with ``IdentifierNormalizer``: what to store, what to match on, and
/// any non-fatal findings to show the user.
public struct NormalizedIdentifier: Sendable, Hashable, Codable {
    /// The identifier's type.
    public let type: IdentifierType
    /// The canonical value stored and shown (masked where personal): `"+821012345678"`, `"Hong.Gil@gmail.com"`,
    /// `"1248100998"`.
    public let normalized: String
    /// The key for uniqueness and lookup (`unique (type, match_key)` for strong types). Equal to ``normalized``
    /// except for e-mail (lowercased; Gmail dots and `+tag` removed) and login IDs (lowercased).
    public let matchKey: String
    /// Non-fatal findings, e.g. `brn.checksum` or `phone.legacy_prefix`.
    public let warnings: [NormalizationWarning]

    /// Creates a result. `matchKey` defaults to `normalized`.
    public init(type: IdentifierType, normalized: String, matchKey: String? = nil, warnings: [NormalizationWarning] = []) {
        self.type = type
        self.normalized = normalized
        self.matchKey = matchKey ?? normalized
        self.warnings = warnings
    }
}
