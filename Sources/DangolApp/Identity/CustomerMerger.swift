import DangolCore
import DangolIdentity
import DangolStore
import Foundation
import SQLKit

/// Merges two records of one customer into a golden record, and undoes a merge exactly.
///
/// A merge, in one transaction: the golden record is built by the survivorship rules (``SurvivorshipPolicy``); the
/// absorbed customer's identifiers, external records, relationships and transactions move to the survivor (values the survivor
/// already has stay behind, retired); its consent events stay where they are but count for the survivor, whose
/// consent is derived from both histories (most recent explicit event wins; at the same instant, the withdrawal);
/// the absorbed customer is marked `merged_into` the survivor and disappears from lists and lookups; the `merges`
/// row keeps the lineage (rule, probability, who, the decision per field) and a snapshot for the unmerge.
///
/// An unmerge restores the state before the merge: the moved rows go back, retired identifiers come back, the
/// survivor's fields return to their values before the merge unless someone changed them since, and records that
/// arrived in between go with the identifier they were matched by (`resolved_via`).
public struct CustomerMerger: Sendable {
    public let services: AppServices
    /// The survivorship policy; nil uses the one stored in settings (`PUT /settings/identity`), else the standard one.
    public var policy: SurvivorshipPolicy?
    private let customers = CustomerRepository()
    private let identifiers = IdentifierRepository()
    private let merges = MergeRepository()
    private let history = HistoryRepository()
    private let settings = SettingsRepository()
    private let audit = AuditRepository()
    private let events = DomainEventRepository()

    public init(services: AppServices, policy: SurvivorshipPolicy? = nil) {
        self.services = services
        self.policy = policy
    }

    /// How a merge was decided.
    public enum Rule: String, Sendable, CaseIterable {
        /// A data steward confirmed it.
        case steward
        /// The match probability passed the auto-merge threshold.
        case auto
        /// The records share a strong identifier.
        case deterministic
    }

    /// Merges `absorbed` into `survivor`. Both must be live customers of the same kind.
    /// - Throws: `forbidden` for roles other than admin and manager; `notFound`; `conflict` when the two are the
    ///   same, of different kinds, or one of them is deleted or already merged.
    public func merge(survivor survivorID: CustomerID, absorbed absorbedID: CustomerID, rule: Rule = .steward,
                      probability: Double? = nil, by principal: Principal) async throws(DangolError) -> MergeView {
        try Self.requireSteward(principal)
        guard survivorID != absorbedID else { throw DangolError(.conflict, "A customer cannot be merged into itself.") }
        if let probability, !(0...1).contains(probability) {
            throw DangolError.invalid(field: "probability", code: "range", "The probability must be between 0 and 1.")
        }
        let now = services.clock.now()
        let mergeID = services.ids.next()
        var policy = self.policy
        if policy == nil { policy = try await IdentitySettingsService(services: services).load().survivorship }
        let merger = CustomerMerger(services: services, policy: policy)
        let record = try await services.transaction { db in
            try await merger.merge(survivor: survivorID, absorbed: absorbedID, rule: rule, probability: probability, mergeID: mergeID,
                                   at: now, by: principal, on: db)
        }
        return try Self.view(record)
    }

    /// The merge itself, inside the caller's transaction (a review confirmation records its decision in the same one).
    func merge(survivor survivorID: CustomerID, absorbed absorbedID: CustomerID, rule: Rule, probability: Double?, mergeID: String,
               at now: Timestamp, by principal: Principal, on db: any SQLDatabase) async throws -> MergeRecord {
        guard let survivor = try await customers.find(survivorID, on: db) else { throw DangolError.notFound("The surviving customer") }
        guard let absorbed = try await customers.find(absorbedID, on: db) else { throw DangolError.notFound("The absorbed customer") }
        for (customer, role) in [(survivor, "surviving"), (absorbed, "absorbed")] {
            guard customer.isLive, try await merges.mergedInto(customer.id, on: db) == nil else {
                throw DangolError(.conflict, "The \(role) customer \(customer.id.rawValue) is deleted or already merged.")
            }
        }
        guard survivor.kind == absorbed.kind else {
            throw DangolError(.conflict, "A \(absorbed.kind.rawValue) cannot be merged into a \(survivor.kind.rawValue).")
        }

        let golden = GoldenRecord.build(
            survivor: MergeSide(customer: survivor, source: try await merges.firstSource(of: survivorID, on: db) ?? "api"),
            absorbed: MergeSide(customer: absorbed, source: try await merges.firstSource(of: absorbedID, on: db) ?? "api"),
            policy: policy ?? .standard, at: now)

        // Identifiers: values the survivor lacks move; the others stay with the absorbed customer, retired.
        let survivorKeys = Set(try await identifiers.list(customerID: survivorID, on: db).map { IdentifierKey(type: $0.type, matchKey: $0.matchKey) })
        var moved: [String] = []
        var retired: [String] = []
        for identifier in try await identifiers.list(customerID: absorbedID, on: db) {
            if survivorKeys.contains(IdentifierKey(type: identifier.type, matchKey: identifier.matchKey)) {
                if identifier.isLive { retired.append(identifier.id) }
            } else {
                moved.append(identifier.id)
            }
        }
        // Relationships: those the survivor does not already have (same other party and kind) move.
        let survivorLinks = Set(try await settings.relationships(of: survivorID, on: db).map { Self.relationshipKey($0, without: survivorID) })
        let movedRelationships = try await settings.relationships(of: absorbedID, on: db)
            .filter { !survivorLinks.contains(Self.relationshipKey($0, without: absorbedID)) }.map(\.id)
        let sourceRecords = try await merges.sourceRecords(of: absorbedID, on: db)
        let transactions = try await TransactionRepository().ids(of: absorbedID, on: db).map(\.id)

        try await merges.setLive(identifierIDs: retired, live: false, on: db)
        try await merges.moveIdentifiers(moved, from: absorbedID, to: survivorID, on: db)
        try await merges.moveSourceRecords(sourceRecords, from: absorbedID, to: survivorID, on: db)
        try await merges.moveRelationships(movedRelationships, from: absorbedID, to: survivorID, on: db)
        try await TransactionRepository().move(transactions, from: absorbedID, to: survivorID, on: db)
        try await customers.update(golden.customer, on: db)
        try await merges.setMergedInto(absorbedID, survivor: survivorID, updatedAt: now, on: db)
        if golden.customer.lifecycleStage != survivor.lifecycleStage {
            try await history.appendLifecycle([(survivorID, LifecycleEvent(
                from: survivor.lifecycleStage, to: golden.customer.lifecycleStage, at: now, byUserID: principal.userID,
                reason: "merge \(mergeID)"))], on: db)
        }

        let snapshot = MergeSnapshot(survivorBefore: survivor, survivorAfter: golden.customer, absorbedUpdatedAt: absorbed.updatedAt,
                                     movedIdentifiers: moved, retiredIdentifiers: retired, movedSourceRecords: sourceRecords,
                                     movedRelationships: movedRelationships, movedTransactions: transactions)
        let record = MergeRecord(id: mergeID, survivorID: survivorID, absorbedID: absorbedID, rule: rule.rawValue,
                                 probability: probability, decisions: try Self.json(golden.decisions),
                                 snapshot: try Self.json(snapshot), mergedBy: principal.userID, mergedAt: now)
        try await merges.insert(record, on: db)
        let detail = "merge=\(mergeID) rule=\(rule.rawValue) identifiers=\(moved.count) records=\(sourceRecords.count)"
        try await audit.append([
            auditEntry(principal, "customer.merge", survivorID, now, detail: detail + " absorbed=\(absorbedID.rawValue)"),
            auditEntry(principal, "customer.merge", absorbedID, now, detail: detail + " survivor=\(survivorID.rawValue)"),
        ], on: db)
        try await events.append([.init(type: "customer.merged", customerID: survivorID, payload: """
            {"merge":"\(mergeID)","absorbed":"\(absorbedID.rawValue)","rule":"\(rule.rawValue)"}
            """, at: now)], on: db)
        return record
    }

    /// Undoes a merge.
    /// - Throws: `notFound`; `conflict` when it was already undone or the survivor has since been merged into
    ///   another customer (undo that merge first).
    public func unmerge(_ mergeID: String, by principal: Principal) async throws(DangolError) -> MergeView {
        try Self.requireSteward(principal)
        let now = services.clock.now()
        let record = try await services.transaction { db in
            guard var record = try await merges.find(mergeID, on: db) else { throw DangolError.notFound("The merge") }
            guard record.unmergedAt == nil else { throw DangolError(.conflict, "The merge \(mergeID) was already undone.") }
            let survivorID = record.survivorID
            let absorbedID = record.absorbedID
            if let later = try await merges.mergedInto(survivorID, on: db) {
                throw DangolError(.conflict, """
                    The surviving customer has since been merged into \(later.rawValue); undo that merge first.
                    """)
            }
            guard try await merges.mergedInto(absorbedID, on: db) == survivorID,
                  let current = try await customers.find(survivorID, on: db) else {
                throw DangolError(.conflict, "The merge \(mergeID) no longer matches the customers' state.")
            }
            let snapshot: MergeSnapshot
            do {
                snapshot = try JSONDecoder().decode(MergeSnapshot.self, from: Data(record.snapshot.utf8))
            } catch {
                throw DangolError(.conflict, "The merge \(mergeID) has no readable snapshot; it cannot be undone automatically.")
            }

            // What goes back: the moved identifiers, and whatever arrived later through one of them.
            let survivorIdentifiers = try await identifiers.list(customerID: survivorID, on: db)
            var back = Set(snapshot.movedIdentifiers).intersection(survivorIdentifiers.map(\.id))
            var grew = true
            while grew {
                let followers = survivorIdentifiers.filter {
                    !back.contains($0.id) && $0.firstSeen >= record.mergedAt && $0.resolvedVia.map(back.contains) == true
                }
                grew = !followers.isEmpty
                back.formUnion(followers.map(\.id))
            }
            let movedKeys = Set(snapshot.movedSourceRecords.map { "\($0.source)\u{1F}\($0.externalID)" })
            let recordsBack = try await merges.sourceRecords(of: survivorID, on: db).filter { link in
                movedKeys.contains("\(link.source)\u{1F}\(link.externalID)")
                    || (link.firstSeen >= record.mergedAt && link.resolvedVia.map(back.contains) == true)
            }

            try await merges.moveIdentifiers(Array(back), from: survivorID, to: absorbedID, on: db)
            try await merges.setLive(identifierIDs: snapshot.retiredIdentifiers, live: true, on: db)
            try await merges.moveSourceRecords(recordsBack, from: survivorID, to: absorbedID, on: db)
            try await merges.moveRelationships(snapshot.movedRelationships, from: survivorID, to: absorbedID, on: db)
            let movedTransactions = Set(snapshot.movedTransactions)
            let transactionsBack = try await TransactionRepository().ids(of: survivorID, on: db).filter { transaction in
                movedTransactions.contains(transaction.id)
                    || (transaction.createdAt >= record.mergedAt && transaction.resolvedVia.map(back.contains) == true)
            }.map(\.id)
            try await TransactionRepository().move(transactionsBack, from: survivorID, to: absorbedID, on: db)
            let restored = Self.restore(current, before: snapshot.survivorBefore, after: snapshot.survivorAfter, now: now)
            try await customers.update(restored, on: db)
            try await merges.setMergedInto(absorbedID, survivor: nil, updatedAt: snapshot.absorbedUpdatedAt, on: db)
            if restored.lifecycleStage != current.lifecycleStage {
                try await history.appendLifecycle([(survivorID, LifecycleEvent(
                    from: current.lifecycleStage, to: restored.lifecycleStage, at: now, byUserID: principal.userID,
                    reason: "unmerge \(mergeID)"))], on: db)
            }
            try await merges.markUnmerged(mergeID, by: principal.userID, at: now, on: db)
            record.unmergedBy = principal.userID
            record.unmergedAt = now
            let detail = "merge=\(mergeID) identifiers=\(back.count) records=\(recordsBack.count)"
            try await audit.append([
                auditEntry(principal, "customer.unmerge", survivorID, now, detail: detail),
                auditEntry(principal, "customer.unmerge", absorbedID, now, detail: detail),
            ], on: db)
            try await events.append([.init(type: "customer.unmerged", customerID: survivorID, payload: """
                {"merge":"\(mergeID)","restored":"\(absorbedID.rawValue)"}
                """, at: now)], on: db)
            return record
        }
        return try Self.view(record)
    }

    /// The merges a customer took part in (as survivor or absorbed), newest first.
    public func merges(of customerID: CustomerID, by principal: Principal) async throws(DangolError) -> [MergeView] {
        let records = try await services.read { db in try await merges.list(customerID: customerID, on: db) }
        var views: [MergeView] = []
        for record in records { views.append(try Self.view(record)) }
        return views
    }

    /// One merge.
    public func merge(_ mergeID: String, by principal: Principal) async throws(DangolError) -> MergeView {
        guard let record = try await services.read({ db in try await merges.find(mergeID, on: db) }) else {
            throw DangolError.notFound("The merge")
        }
        return try Self.view(record)
    }

    /// The survivor's profile after an unmerge: each field the merge changed returns to its value before the merge,
    /// unless it was changed again since (then the later change stays); tags the merge added are removed.
    static func restore(_ current: Customer, before: Customer, after: Customer, now: Timestamp) -> Customer {
        var restored = current
        if current.displayName == after.displayName { restored.displayName = before.displayName }
        if current.lifecycleStage == after.lifecycleStage { restored.lifecycleStage = before.lifecycleStage }
        if current.ownerID == after.ownerID { restored.ownerID = before.ownerID }
        let added = Set(after.tags).subtracting(before.tags)
        restored.tags = current.tags.filter { !added.contains($0) }
        for key in Set(after.attributes.keys).union(before.attributes.keys) where current.attributes[key] == after.attributes[key] {
            restored.attributes[key] = before.attributes[key]
        }
        // Untouched since the merge: the update time returns too, so the record is exactly as before.
        var untouched = restored
        untouched.tags = before.tags
        untouched.updatedAt = before.updatedAt
        restored.updatedAt = current.updatedAt == after.updatedAt && untouched == before && Set(restored.tags) == Set(before.tags)
            ? before.updatedAt : now
        return restored
    }

    static func requireSteward(_ principal: Principal) throws(DangolError) {
        guard principal.role == .admin || principal.role == .manager else {
            throw DangolError(.forbidden, "Only an admin or a manager may merge or unmerge customers.")
        }
        try principal.require(scope: "customers:write")
    }

    private static func relationshipKey(_ relationship: SettingsRepository.Relationship, without customerID: CustomerID) -> String {
        let other = relationship.personID == customerID ? relationship.organisationID : relationship.personID
        return other.rawValue + "\u{1F}" + relationship.kind
    }

    private func auditEntry(_ principal: Principal, _ action: String, _ customerID: CustomerID, _ at: Timestamp, detail: String) -> AuditEntry {
        AuditEntry(at: at, actorID: principal.userID, actorRole: principal.role.rawValue, action: action, customerID: customerID,
                   detail: detail, sourceIP: principal.sourceIP, requestID: principal.requestID)
    }

    private static func json(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    static func view(_ record: MergeRecord) throws(DangolError) -> MergeView {
        let decisions = (try? JSONDecoder().decode([FieldDecision].self, from: Data(record.decisions.utf8))) ?? []
        let snapshot = try? JSONDecoder().decode(MergeSnapshot.self, from: Data(record.snapshot.utf8))
        return MergeView(
            id: record.id, survivorID: record.survivorID, absorbedID: record.absorbedID, rule: record.rule,
            probability: record.probability,
            decisions: decisions.map { FieldDecisionView(field: $0.field.rawValue, rule: $0.rule.rawValue, origin: $0.origin.rawValue, key: $0.key) },
            mergedBy: record.mergedBy, mergedAt: record.mergedAt, unmergedBy: record.unmergedBy, unmergedAt: record.unmergedAt,
            movedIdentifiers: snapshot?.movedIdentifiers.count ?? 0, movedSourceRecords: snapshot?.movedSourceRecords.count ?? 0,
            movedRelationships: snapshot?.movedRelationships.count ?? 0)
    }
}
