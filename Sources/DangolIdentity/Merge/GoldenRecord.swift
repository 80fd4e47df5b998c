import DangolCore

/// The customer that results from merging two records, with the decision behind every field.
public struct GoldenRecord: Sendable, Hashable {
    /// The survivor's id, kind and creation time with the chosen profile; `updatedAt` is the merge time.
    public var customer: Customer
    public var decisions: [FieldDecision]

    /// Builds the golden record of `absorbed` merged into `survivor` under `policy`.
    ///
    /// A rule only chooses between two values that are both present: when one side lacks the field (no owner, no
    /// such attribute), the other side's value is kept whatever the rule. Tags are the union of both.
    public static func build(survivor: MergeSide, absorbed: MergeSide, policy: SurvivorshipPolicy, at now: Timestamp) -> GoldenRecord {
        var golden = survivor.customer
        var decisions: [FieldDecision] = []
        let other = absorbed.customer

        func prefersAbsorbed(_ rule: SurvivorshipRule, completeness: (Customer) -> Int) -> Bool {
            switch rule {
            case .mostTrustedSource:
                return policy.trustRank(of: absorbed.source) < policy.trustRank(of: survivor.source)
            case .mostRecent:
                return other.updatedAt > survivor.customer.updatedAt
            case .mostComplete:
                return completeness(other) > completeness(survivor.customer)
            }
        }

        let nameRule = policy.rule(for: .displayName)
        if prefersAbsorbed(nameRule, completeness: { $0.displayName.count }) {
            golden.displayName = other.displayName
            decisions.append(FieldDecision(field: .displayName, rule: nameRule, origin: .absorbed))
        } else {
            decisions.append(FieldDecision(field: .displayName, rule: nameRule, origin: .survivor))
        }

        let stageRule = policy.rule(for: .lifecycleStage)
        if prefersAbsorbed(stageRule, completeness: { stageCompleteness($0.lifecycleStage) }) {
            golden.lifecycleStage = other.lifecycleStage
            decisions.append(FieldDecision(field: .lifecycleStage, rule: stageRule, origin: .absorbed))
        } else {
            decisions.append(FieldDecision(field: .lifecycleStage, rule: stageRule, origin: .survivor))
        }

        let ownerRule = policy.rule(for: .owner)
        if let otherOwner = other.ownerID,
           survivor.customer.ownerID == nil || prefersAbsorbed(ownerRule, completeness: { $0.ownerID == nil ? 0 : 1 }) {
            golden.ownerID = otherOwner
            decisions.append(FieldDecision(field: .owner, rule: ownerRule, origin: .absorbed))
        } else if survivor.customer.ownerID != nil {
            decisions.append(FieldDecision(field: .owner, rule: ownerRule, origin: .survivor))
        }

        let attributeRule = policy.rule(for: .attributes)
        for key in other.attributes.keys.sorted() {
            guard let value = other.attributes[key] else { continue }
            if survivor.customer.attributes[key] == nil
                || (survivor.customer.attributes[key] != value && prefersAbsorbed(attributeRule, completeness: { _ in 0 })) {
                golden.attributes[key] = value
                decisions.append(FieldDecision(field: .attributes, rule: attributeRule, origin: .absorbed, key: key))
            }
        }

        golden.tags = Array(Set(survivor.customer.tags).union(other.tags)).sorted()
        golden.updatedAt = now
        return GoldenRecord(customer: golden, decisions: decisions)
    }

    /// How much a lifecycle stage says about the relationship: a customer who bought (active, or churned after
    /// buying) says more than a lead, a lead more than a prospect.
    static func stageCompleteness(_ stage: LifecycleStage) -> Int {
        switch stage {
        case .prospect: 0
        case .lead: 1
        case .churned: 2
        case .active: 3
        }
    }
}
