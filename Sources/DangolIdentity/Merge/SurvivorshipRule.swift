/// How one field of the golden record is chosen when two customer records merge.
public enum SurvivorshipRule: String, Sendable, Hashable, Codable, CaseIterable {
    /// The value of the record whose source ranks highest in ``SurvivorshipPolicy/sourceTrust``.
    case mostTrustedSource = "most_trusted_source"
    /// The value of the record changed most recently.
    case mostRecent = "most_recent"
    /// The fullest value: a longer name, an assigned owner, the further lifecycle stage, every attribute.
    case mostComplete = "most_complete"
}

/// A profile field of the golden record that a ``SurvivorshipRule`` decides. Tags are always the union of both
/// records, and consent is derived from both histories (see `ConsentState`), so neither needs a rule.
public enum SurvivorshipField: String, Sendable, Hashable, Codable, CaseIterable {
    case displayName = "display_name"
    case lifecycleStage = "lifecycle_stage"
    case owner
    case attributes
}

/// Survivorship rules encode as a JSON object keyed by field name (`{"display_name": "most_trusted_source"}`).
extension SurvivorshipField: CodingKeyRepresentable {}
