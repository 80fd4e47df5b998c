/// One transition in a customer's lifecycle history: from, to, when, who, why.
public struct LifecycleEvent: Sendable, Hashable, Codable {
    /// nil for the stage a customer was created with.
    public var from: LifecycleStage?
    public var to: LifecycleStage
    public var at: Timestamp
    /// The user who made the change, or nil for the system.
    public var byUserID: String?
    public var reason: String?

    public init(from: LifecycleStage?, to: LifecycleStage, at: Timestamp, byUserID: String?, reason: String?) {
        self.from = from
        self.to = to
        self.at = at
        self.byUserID = byUserID
        self.reason = reason
    }
}
