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

    public init() {}
}
