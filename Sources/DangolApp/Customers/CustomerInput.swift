import DangolCore

/// A customer as sent by the API, the console or an import row. Every field is optional here so that validation can
/// report all problems at once, field by field.
public struct CustomerInput: Codable, Sendable, Hashable {
    public var kind: CustomerKind?
    public var displayName: String?
    public var lifecycleStage: LifecycleStage?
    public var ownerID: String?
    public var tags: [String]?
    public var attributes: [String: AttributeValue]?
    public var identifiers: [IdentifierInput]?
    public var consents: [ConsentInput]?

    public init(kind: CustomerKind? = nil, displayName: String? = nil, lifecycleStage: LifecycleStage? = nil, ownerID: String? = nil,
                tags: [String]? = nil, attributes: [String: AttributeValue]? = nil, identifiers: [IdentifierInput]? = nil,
                consents: [ConsentInput]? = nil) {
        self.kind = kind
        self.displayName = displayName
        self.lifecycleStage = lifecycleStage
        self.ownerID = ownerID
        self.tags = tags
        self.attributes = attributes
        self.identifiers = identifiers
        self.consents = consents
    }
}

/// An identifier to add: its type (`email`, `mobile_phone` or `phone`, `brn`, …), the value as typed, and provenance.
public struct IdentifierInput: Codable, Sendable, Hashable {
    public var type: String
    public var value: String
    public var source: String?
    public var verified: Bool?
    /// Accept a business/corporate registration number whose checksum fails (a few real numbers do).
    public var overrideChecksum: Bool?

    public init(type: String, value: String, source: String? = nil, verified: Bool? = nil, overrideChecksum: Bool? = nil) {
        self.type = type
        self.value = value
        self.source = source
        self.verified = verified
        self.overrideChecksum = overrideChecksum
    }
}

/// A consent event to record: grant or withdraw one purpose.
public struct ConsentInput: Codable, Sendable, Hashable {
    public var purpose: String
    public var granted: Bool
    public var channel: String?
    public var source: String?
    public var recipient: String?
    public var textVersion: String?
    public var evidence: String?
    /// When the customer decided; defaults to now. Must not be in the future.
    public var at: Timestamp?

    public init(purpose: String, granted: Bool, channel: String? = nil, source: String? = nil, recipient: String? = nil,
                textVersion: String? = nil, evidence: String? = nil, at: Timestamp? = nil) {
        self.purpose = purpose
        self.granted = granted
        self.channel = channel
        self.source = source
        self.recipient = recipient
        self.textVersion = textVersion
        self.evidence = evidence
        self.at = at
    }
}

/// A lifecycle transition request.
public struct TransitionInput: Codable, Sendable, Hashable {
    public var to: LifecycleStage
    public var reason: String?
    public init(to: LifecycleStage, reason: String? = nil) {
        self.to = to
        self.reason = reason
    }
}
