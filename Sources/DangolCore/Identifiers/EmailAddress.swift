/// An e-mail address that passed ``EmailNormalizer``'s checks.
///
/// ```swift
/// let email = try EmailAddress(" Hong.Gil+news@GoogleMail.com ")
/// email.normalized  // "Hong.Gil+news@googlemail.com"
/// email.matchKey    // "honggil@gmail.com"
/// ```
public struct EmailAddress: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The part before `@`, exactly as typed (some mail servers treat it case-sensitively).
    public let localPart: String
    /// The part after `@`, lowercased.
    public let domain: String
    /// The key for uniqueness and lookup: the whole address lowercased; for Gmail (`gmail.com`, `googlemail.com`) also
    /// without dots and `+tag` in the local part and with the domain `gmail.com`, because Gmail delivers all of those
    /// spellings to the same mailbox.
    public let matchKey: String

    /// Parses and normalises an address; see ``EmailNormalizer/normalize(_:)``.
    public init(_ raw: String) throws(NormalizationError) {
        self = try EmailNormalizer.normalize(raw)
    }

    /// Creates an address from already-validated parts.
    init(localPart: String, domain: String, matchKey: String) {
        self.localPart = localPart
        self.domain = domain
        self.matchKey = matchKey
    }

    /// The stored value: the local part as typed, `@`, the lowercased domain.
    public var normalized: String { localPart + "@" + domain }

    /// The normalised address. Mask it before showing it to roles that may not see personal data.
    public var description: String { normalized }
}
