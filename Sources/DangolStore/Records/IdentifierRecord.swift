import DangolCore

/// A stored identifier of a customer. For a resident registration number, `raw` is nil, `normalized` holds the
/// AES-GCM ciphertext (base64) and `matchKey` the keyed hash (HMAC) used for lookup: the clear value is never stored.
public struct IdentifierRecord: Sendable, Hashable {
    public var id: String
    public var customerID: CustomerID
    public var type: IdentifierType
    public var raw: String?
    public var normalized: String
    public var matchKey: String
    /// The masked display form, computed once from the clear value (`010-****-5678`, `900101-1******`).
    public var masked: String
    /// The last four digits of a phone number, for "search by phone tail".
    public var tail: String?
    public var source: String
    public var verified: Bool
    public var isStrong: Bool
    /// False once the customer is deleted, freeing a strong identifier for someone else.
    public var isLive: Bool
    public var firstSeen: Timestamp
    public var lastSeen: Timestamp
    /// The id of the identifier an incoming record was matched by when this one was added to an existing customer
    /// (nil when it came with the customer). After an unmerge it follows that identifier.
    public var resolvedVia: String?

    public init(id: String, customerID: CustomerID, type: IdentifierType, raw: String?, normalized: String, matchKey: String,
                masked: String, tail: String?, source: String, verified: Bool, isStrong: Bool, isLive: Bool = true,
                firstSeen: Timestamp, lastSeen: Timestamp, resolvedVia: String? = nil) {
        self.id = id
        self.customerID = customerID
        self.type = type
        self.raw = raw
        self.normalized = normalized
        self.matchKey = matchKey
        self.masked = masked
        self.tail = tail
        self.source = source
        self.verified = verified
        self.isStrong = isStrong
        self.isLive = isLive
        self.firstSeen = firstSeen
        self.lastSeen = lastSeen
        self.resolvedVia = resolvedVia
    }
}
