import DangolCore

/// What to list: every condition given must hold. Text searches are over normalised keys, never raw values.
public struct CustomerFilter: Sendable, Hashable {
    public var stage: LifecycleStage?
    public var ownerID: String?
    public var kind: CustomerKind?
    public var tag: String?
    /// Equality on a custom attribute's canonical text.
    public var attribute: (key: String, value: String)? {
        get { attributeKey.map { ($0, attributeValue ?? "") } }
        set { attributeKey = newValue?.key; attributeValue = newValue?.value }
    }
    private var attributeKey: String?
    private var attributeValue: String?
    /// A fragment of the name (matched against the lowercased, space-free name key).
    public var nameFragment: String?
    /// The last four digits of any phone.
    public var phoneTail: String?
    /// The beginning of an email match key.
    public var emailPrefix: String?
    public var includeDeleted = false
    /// The RFM segment of the latest analytics refresh (`champions`, `at_risk`, …).
    public var rfmSegment: String?
    /// The value-matrix quadrant of the latest refresh (`most_valuable`, `growable`, `maintain`, `below_cost`).
    public var valueQuadrant: String?
    /// The churn-risk band of the latest refresh (`low`, `medium`, `high`).
    public var churnBand: String?
    /// The least margin CLV (minor units) of the latest refresh.
    public var minimumCLV: Double?

    /// Whether any condition on `customer_scores` is set.
    var hasScoreConditions: Bool { rfmSegment != nil || valueQuadrant != nil || churnBand != nil || minimumCLV != nil }

    public init() {}
}
