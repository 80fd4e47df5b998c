import DangolCore
import DangolIdentity
import Testing

@Suite("Golden record: survivorship rules per field")
struct GoldenRecordTests {
    static func customer(_ id: String, name: String, stage: LifecycleStage = .prospect, owner: String? = nil,
                         tags: [String] = [], attributes: [String: AttributeValue] = [:], updated: Int64) -> Customer {
        Customer(id: CustomerID(id), kind: .person, displayName: name, lifecycleStage: stage, ownerID: owner, tags: tags,
                 attributes: attributes, createdAt: Timestamp(rawValue: 1_000), updatedAt: Timestamp(rawValue: updated))
    }

    @Test("The name comes from the most trusted source, whichever record survives")
    func trustedName() {
        let survivor = MergeSide(customer: Self.customer("a", name: "홍길동", updated: 5_000), source: "web")
        let absorbed = MergeSide(customer: Self.customer("b", name: "홍 길동", updated: 2_000), source: "api")
        let golden = GoldenRecord.build(survivor: survivor, absorbed: absorbed, policy: .standard, at: Timestamp(rawValue: 9_000))
        #expect(golden.customer.displayName == "홍 길동")
        #expect(golden.customer.id == CustomerID("a"))
        #expect(golden.customer.updatedAt == Timestamp(rawValue: 9_000))
        #expect(golden.decisions.contains(FieldDecision(field: .displayName, rule: .mostTrustedSource, origin: .absorbed)))

        let reversed = GoldenRecord.build(survivor: MergeSide(customer: absorbed.customer, source: "api"),
                                          absorbed: MergeSide(customer: survivor.customer, source: "web"),
                                          policy: .standard, at: Timestamp(rawValue: 9_000))
        #expect(reversed.customer.displayName == "홍 길동")
    }

    @Test("Most recent, most complete: stage, owner, attributes and the union of tags")
    func otherRules() {
        let survivor = MergeSide(customer: Self.customer("a", name: "김영희", stage: .lead, owner: nil, tags: ["VIP"],
                                                         attributes: ["grade": .text("silver"), "shoe": .text("240")], updated: 5_000),
                                 source: "pos")
        let absorbed = MergeSide(customer: Self.customer("b", name: "김영희", stage: .active, owner: "user-7", tags: ["온라인", "VIP"],
                                                         attributes: ["grade": .text("gold"), "eyes": .text("-1.5")], updated: 7_000),
                                 source: "web")
        let golden = GoldenRecord.build(survivor: survivor, absorbed: absorbed, policy: .standard, at: Timestamp(rawValue: 9_000))
        #expect(golden.customer.lifecycleStage == .active)
        #expect(golden.customer.ownerID == "user-7")
        #expect(golden.customer.tags == ["VIP", "온라인"])
        // Attributes: most recent wins the conflict (absorbed was updated later); both sides' other keys are kept.
        #expect(golden.customer.attributes == ["grade": .text("gold"), "shoe": .text("240"), "eyes": .text("-1.5")])

        var policy = SurvivorshipPolicy.standard
        policy.rules[.attributes] = .mostTrustedSource
        policy.rules[.lifecycleStage] = .mostRecent
        let trusted = GoldenRecord.build(survivor: survivor, absorbed: absorbed, policy: policy, at: Timestamp(rawValue: 9_000))
        #expect(trusted.customer.attributes["grade"] == .text("silver"))
        #expect(trusted.customer.lifecycleStage == .active)
    }

    @Test("A churned record does not override an active one under 'most complete'")
    func stageOrder() {
        let survivor = MergeSide(customer: Self.customer("a", name: "A", stage: .active, updated: 1), source: "api")
        let absorbed = MergeSide(customer: Self.customer("b", name: "B", stage: .churned, updated: 2), source: "api")
        #expect(GoldenRecord.build(survivor: survivor, absorbed: absorbed, policy: .standard, at: Timestamp(rawValue: 3))
            .customer.lifecycleStage == .active)
    }
}

@Suite("Consent of merged customers")
struct MergedConsentTests {
    static func event(_ sequence: Int64, _ purpose: ConsentPurpose, _ granted: Bool, at: Int64) -> ConsentEvent {
        ConsentEvent(sequence: sequence, purpose: purpose, granted: granted, channel: "api", source: "test",
                     at: Timestamp(rawValue: at))
    }

    @Test("The most recent explicit event wins across both histories")
    func mostRecentWins() {
        let survivor = [Self.event(1, .marketingSMS, true, at: 100), Self.event(2, .marketingEmail, false, at: 100)]
        let absorbed = [Self.event(3, .marketingSMS, false, at: 200), Self.event(4, .marketingEmail, true, at: 300)]
        let state = ConsentState(history: survivor + absorbed, tieBreak: .restrictive)
        #expect(!state.isGranted(.marketingSMS))
        #expect(state.isGranted(.marketingEmail))
    }

    @Test("At the same instant the withdrawal wins, whatever the insertion order")
    func tieIsRestrictive() {
        let grantLater = [Self.event(1, .marketingSMS, false, at: 100), Self.event(2, .marketingSMS, true, at: 100)]
        #expect(!ConsentState(history: grantLater, tieBreak: .restrictive).isGranted(.marketingSMS))
        #expect(ConsentState(history: grantLater, tieBreak: .insertionOrder).isGranted(.marketingSMS))
        let withdrawLater = [Self.event(1, .marketingSMS, true, at: 100), Self.event(2, .marketingSMS, false, at: 100)]
        #expect(!ConsentState(history: withdrawLater, tieBreak: .restrictive).isGranted(.marketingSMS))
    }
}
