/// The current consent of one customer, derived from their event history. For each purpose (and, for third-party
/// provision, each recipient) the most recent event wins; events at the same instant are settled in favour of the
/// withdrawal ("when unclear, the more restrictive"). A purpose with no event is not granted: silence is never consent.
public struct ConsentState: Sendable, Hashable, Codable {
    /// The state of one purpose (and recipient).
    public struct Entry: Sendable, Hashable, Codable {
        public var purpose: ConsentPurpose
        public var recipient: String?
        public var granted: Bool
        /// When the deciding event happened.
        public var since: Timestamp
        public var channel: String
        public var textVersion: String?
    }

    /// One entry per purpose/recipient that has any history, in `ConsentPurpose` order then by recipient.
    public private(set) var entries: [Entry]

    /// How two events of the same purpose at the same instant are ordered.
    public enum TieBreak: Sendable {
        /// The one recorded later wins.
        case insertionOrder
        /// A withdrawal wins over a grant (the default): in the histories of merged customers the order in which two
        /// records were written says nothing about which decision came last.
        case restrictive
    }

    /// Derives the state from a history in any order. For each purpose the most recent explicit event wins; `tieBreak`
    /// settles events at the same instant.
    public init(history: [ConsentEvent], tieBreak: TieBreak = .restrictive) {
        var latest: [Key: ConsentEvent] = [:]
        for event in history {
            let key = Key(purpose: event.purpose, recipient: event.purpose.requiresRecipient ? event.recipient : nil)
            if let current = latest[key] {
                if current.at > event.at { continue }
                if current.at == event.at {
                    switch tieBreak {
                    case .insertionOrder:
                        if current.sequence > event.sequence { continue }
                    case .restrictive:
                        if !current.granted && event.granted { continue }
                        if current.granted == event.granted && current.sequence > event.sequence { continue }
                    }
                }
            }
            latest[key] = event
        }
        let order = Dictionary(uniqueKeysWithValues: ConsentPurpose.allCases.enumerated().map { ($1, $0) })
        entries = latest.map { key, event in
            Entry(purpose: key.purpose, recipient: key.recipient, granted: event.granted, since: event.at,
                  channel: event.channel, textVersion: event.textVersion)
        }
        .sorted { lhs, rhs in
            (order[lhs.purpose] ?? 0, lhs.recipient ?? "") < (order[rhs.purpose] ?? 0, rhs.recipient ?? "")
        }
    }

    /// Whether the purpose is currently granted (for third-party provision: to this recipient).
    public func isGranted(_ purpose: ConsentPurpose, recipient: String? = nil) -> Bool {
        entries.contains { $0.purpose == purpose && $0.granted && (!purpose.requiresRecipient || $0.recipient == recipient) }
    }

    private struct Key: Hashable {
        var purpose: ConsentPurpose
        var recipient: String?
    }
}
