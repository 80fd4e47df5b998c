/// One entry of a customer's membership-point ledger (마일리지·포인트 원장). The ledger is append-only: a balance is
/// never stored, it is the sum of the entries.
public struct PointEntry: Sendable, Hashable, Codable {
    /// What an entry does.
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        /// Points earned (positive): a new lot that expires at `expiresAt`.
        case earn
        /// Points spent (negative), taken from the oldest lots first.
        case redeem
        /// Points that reached their expiry date unspent (negative), taken from exactly those lots.
        case expire
        /// A correction with a reason: positive adds a lot, negative takes from the oldest lots.
        case adjust
        /// Points of a refunded purchase taken back (negative), from the oldest lots.
        case reverse
    }

    /// The position in the ledger (insertion order).
    public var sequence: Int64
    public var kind: Kind
    /// Signed: positive for earn and positive adjustments, negative otherwise.
    public var points: Int64
    public var at: Timestamp
    /// For a positive entry: when its points expire; nil never.
    public var expiresAt: Timestamp?
    public var reason: String?
    /// What caused it (a transaction id, a campaign…).
    public var reference: String?

    public init(sequence: Int64 = 0, kind: Kind, points: Int64, at: Timestamp, expiresAt: Timestamp? = nil, reason: String? = nil,
                reference: String? = nil) {
        self.sequence = sequence
        self.kind = kind
        self.points = points
        self.at = at
        self.expiresAt = expiresAt
        self.reason = reason
        self.reference = reference
    }
}
