/// Where a customer stands in the relationship: 잠재 prospect → 가망 lead → 거래 active → 이탈 churned.
public enum LifecycleStage: String, Sendable, Hashable, Codable, CaseIterable {
    /// 잠재 고객: known to us, no expressed interest yet.
    case prospect
    /// 가망 고객: has shown interest (inquiry, visit, sign-up).
    case lead
    /// 거래 고객: has bought.
    case active
    /// 이탈 고객: has stopped buying.
    case churned

    /// The Korean name shown in the console.
    public var koreanName: String {
        switch self {
        case .prospect: "잠재"
        case .lead: "가망"
        case .active: "거래"
        case .churned: "이탈"
        }
    }

    /// Whether moving from `self` to `target` is a real transition. Any stage may move to any other (a churned
    /// customer can be won back, a lead can be disqualified back to prospect), but not to itself.
    public func canTransition(to target: LifecycleStage) -> Bool { target != self }
}
