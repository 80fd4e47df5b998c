import DangolCore

/// The configurable rules that build a golden record: one ``SurvivorshipRule`` per field and the ranking of sources
/// from most to least trusted.
///
/// ```swift
/// var policy = SurvivorshipPolicy.standard
/// policy.rules[.displayName] = .mostTrustedSource
/// policy.sourceTrust = ["crm", "pos", "web"]
/// ```
public struct SurvivorshipPolicy: Sendable, Hashable, Codable {
    /// The rule per field; a field without an entry uses ``SurvivorshipRule/mostComplete``.
    public var rules: [SurvivorshipField: SurvivorshipRule]
    /// Source names, most trusted first. A source not listed ranks below every listed one.
    public var sourceTrust: [String]

    public init(rules: [SurvivorshipField: SurvivorshipRule], sourceTrust: [String]) {
        self.rules = rules
        self.sourceTrust = sourceTrust
    }

    /// Names from the most trusted source (people type their own name best in the CRM itself), the stage and owner
    /// that say most, attributes from both with the most recent value winning a conflict.
    public static let standard = SurvivorshipPolicy(
        rules: [.displayName: .mostTrustedSource, .lifecycleStage: .mostComplete, .owner: .mostComplete, .attributes: .mostRecent],
        sourceTrust: ["api", "console", "crm", "pos", "web", "import"])

    /// The rule for a field.
    public func rule(for field: SurvivorshipField) -> SurvivorshipRule { rules[field] ?? .mostComplete }

    /// The rank of a source: 0 is the most trusted; unlisted sources share the last rank.
    public func trustRank(of source: String) -> Int { sourceTrust.firstIndex(of: source) ?? sourceTrust.count }
}
