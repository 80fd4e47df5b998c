/// One entry of a customer's append-only consent history: a grant or a withdrawal of one purpose.
/// Events are never edited or deleted; the current state is derived from them (`ConsentState`).
public struct ConsentEvent: Sendable, Hashable, Codable {
    /// Order of insertion within the store; breaks ties between events with the same timestamp.
    public var sequence: Int64
    public var purpose: ConsentPurpose
    /// For third-party provision: who receives the data.
    public var recipient: String?
    /// true = granted (동의), false = withdrawn / refused (철회·거부).
    public var granted: Bool
    /// Where the customer gave it: `web`, `app`, `store`, `call_center`, `paper`, `import`, `api`…
    public var channel: String
    /// The system or form that recorded it (e.g. `signup-form`, `pos`, `crm-console`).
    public var source: String
    /// The version of the consent text the customer was shown (e.g. `privacy-2026-03`).
    public var textVersion: String?
    /// A pointer to evidence (a signed form's scan id, a recording id, a web log id).
    public var evidence: String?
    /// The user who recorded it; nil when the customer acted on their own (web, app).
    public var recordedBy: String?
    public var at: Timestamp

    public init(sequence: Int64 = 0, purpose: ConsentPurpose, recipient: String? = nil, granted: Bool, channel: String,
                source: String, textVersion: String? = nil, evidence: String? = nil, recordedBy: String? = nil,
                at: Timestamp) {
        self.sequence = sequence
        self.purpose = purpose
        self.recipient = recipient
        self.granted = granted
        self.channel = channel
        self.source = source
        self.textVersion = textVersion
        self.evidence = evidence
        self.recordedBy = recordedBy
        self.at = at
    }
}
