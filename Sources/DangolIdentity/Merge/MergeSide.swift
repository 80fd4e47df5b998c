import DangolCore

/// One of the two records in a merge, with what the survivorship rules need to know about it.
public struct MergeSide: Sendable, Hashable {
    public var customer: Customer
    /// Where the record came from (`api`, an import's source name…), for ``SurvivorshipRule/mostTrustedSource``.
    public var source: String

    public init(customer: Customer, source: String) {
        self.customer = customer
        self.source = source
    }
}

/// Which record gave a field its value in a golden record, and by which rule — kept as the merge's lineage.
public struct FieldDecision: Sendable, Hashable, Codable {
    /// The record that supplied the value.
    public enum Origin: String, Sendable, Hashable, Codable {
        case survivor, absorbed
    }

    public var field: SurvivorshipField
    public var rule: SurvivorshipRule
    public var origin: Origin
    /// For ``SurvivorshipField/attributes``: the attribute key.
    public var key: String?

    public init(field: SurvivorshipField, rule: SurvivorshipRule, origin: Origin, key: String? = nil) {
        self.field = field
        self.rule = rule
        self.origin = origin
        self.key = key
    }
}
