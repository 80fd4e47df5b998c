import DangolCore
import DangolIdentity
import DangolStore
import Foundation
import SQLKit

/// Resolves an incoming record (an API upsert) to a customer as it arrives: the same customer if one is
/// recognised, a new one otherwise — never a silent duplicate, never a wrong fusion.
///
/// In one transaction:
/// 1. the record is validated and normalised like a create;
/// 2. **deterministic**: a strong identifier (customer number, e-mail, mobile, login, BRN, CRN, RRN) already held by
///    a live customer resolves to that customer — the record's new identifiers are added to it (remembering which
///    identifier matched, for a later unmerge) and its consent events recorded; strong identifiers held by two
///    different customers are a conflict for a steward, and so is a mobile phone held by someone with a clearly
///    different name (``SharedPhoneGuard``: households share phones);
/// 3. **probabilistic**: otherwise candidates sharing a weak value (name + birth date, a phone's last digits…) are
///    scored by the Fellegi–Sunter model (``IdentityResolver/score(incoming:candidates:models:thresholds:)``);
///    the best one at or above the auto-merge threshold gets the record, review-band candidates go to the review
///    queue next to a new customer, and below that a new customer is created.
/// Records sharing an identifier value are resolved one after the other (see
/// `IdentifierRepository.lockForResolution`), so two requests for the same new person end as one customer.
public struct CustomerResolver: Sendable {
    public let services: AppServices
    private let customerService: CustomerService
    private let identifiers = IdentifierRepository()
    private let customers = CustomerRepository()
    private let history = HistoryRepository()
    private let settings = SettingsRepository()
    private let reviews = MatchReviewRepository()
    private let audit = AuditRepository()
    private let events = DomainEventRepository()

    /// How many candidates per blocking value are compared at most.
    static let candidateLimit = 200

    public init(services: AppServices) {
        self.services = services
        customerService = CustomerService(services: services)
    }

    /// How an incoming record was resolved.
    public enum Outcome: String, Sendable, Codable {
        /// No one matched: a new customer.
        case created
        /// A live customer holds one of the record's strong identifiers.
        case matchedByIdentifier = "matched_by_identifier"
        /// The match model was sure enough (at or above the auto-merge threshold).
        case matchedByModel = "matched_by_model"
        /// A new customer, with likely duplicates sent to the review queue.
        case createdForReview = "created_for_review"
    }

    /// The result of resolving one record.
    public struct Result: Sendable, Codable {
        public var outcome: Outcome
        public var customer: CustomerView
        /// The match probability when the model decided.
        public var probability: Double?
        /// Review queue entries opened for this record.
        public var reviewIDs: [String]
    }

    /// Resolves `input` (the same shape as a create).
    public func resolve(_ input: CustomerInput, by principal: Principal) async throws(DangolError) -> Result {
        try principal.requireCustomerWrite()
        let now = services.clock.now()
        let newID = services.ids.customerID()
        let configuration = try await loadConfiguration()
        let (outcome, customerID, probability, reviewIDs) = try await services.transaction { db in
            try await resolve(input, newID: newID, configuration: configuration, at: now, by: principal, on: db)
        }
        let view = try await customerService.view(customerID, for: principal)
        return Result(outcome: outcome, customer: view, probability: probability, reviewIDs: reviewIDs)
    }

    func resolve(_ input: CustomerInput, newID: CustomerID, configuration: Configuration, at now: Timestamp,
                         by principal: Principal, on db: any SQLDatabase) async throws -> (Outcome, CustomerID, Double?, [String]) {
        let kind = input.kind ?? .person
        let context = try await customerService.loadValidationContext(on: db)
        var errors: [FieldError] = []
        let incoming = customerService.prepareIdentifiers(input.identifiers ?? [], kind: kind, customerID: newID, context: context,
                                                          now: now, source: "api", errors: &errors)
        guard errors.isEmpty else { throw DangolError.invalid(errors) }
        let keys = incoming.map { IdentifierKey(type: $0.type, matchKey: $0.matchKey) }
        try await identifiers.lockForResolution(keys, on: db)

        // 1. Deterministic: strong identifiers already held.
        let holding = try await identifiers.holdingIdentifiers(ofMany: keys.filter(\.type.isStrong), on: db)
        let holders = Set(holding.values.map(\.customerID))
        if holders.count > 1 {
            throw DangolError(.conflict, """
                The record's identifiers belong to different customers (\(holders.map(\.rawValue).sorted().joined(separator: ", "))); \
                merge them or correct the record.
                """)
        }
        if let holder = holding.values.sorted(by: { $0.identifierID < $1.identifierID }).first {
            let linking = Set(holding.filter { $0.value.customerID == holder.customerID }.map(\.key.type))
            if linking == [.mobilePhone], let holderCustomer = try await customers.find(holder.customerID, on: db) {
                let holderRecord = IdentityRecordBuilder.record(holderCustomer, identifiers: try await identifiers.list(customerID: holder.customerID, on: db))
                let incomingRecord = IdentityRecordBuilder.record(id: newID.rawValue, kind: kind, name: input.displayName.map(NameNormalizer.normalize) ?? "",
                                                                  identifiers: incoming)
                if SharedPhoneGuard.refuses(incoming: incomingRecord, holder: holderRecord, linkingTypes: linking) {
                    throw DangolError(.identifierConflict, """
                        This mobile phone belongs to customer \(holder.customerID.rawValue), whose name or birth date is different; \
                        record it as other_phone or correct it.
                        """, conflictingCustomerID: holder.customerID)
                }
            }
            try await attach(input, incoming: incoming, to: holder.customerID, via: holder.identifierID, kind: kind,
                             reason: "identifier", at: now, by: principal, on: db)
            return (.matchedByIdentifier, holder.customerID, nil, [])
        }

        // 2. Probabilistic: score the candidates that share a weak value or a phone's last digits.
        let name = input.displayName.map(NameNormalizer.normalize) ?? ""
        let record = IdentityRecordBuilder.record(id: newID.rawValue, kind: kind, name: name, identifiers: incoming)
        let candidateIDs = try await identifiers.candidateCustomers(
            weakKeys: keys.filter { !$0.type.isStrong }, phoneTails: incoming.compactMap(\.tail), limit: Self.candidateLimit, on: db)
        var candidates: [IdentityRecord] = []
        let stored = try await identifiers.list(customerIDs: candidateIDs, on: db)
        for id in candidateIDs {
            guard let customer = try await customers.find(id, on: db), customer.isLive, customer.kind == kind,
                  try await MergeRepository().mergedInto(id, on: db) == nil else { continue }
            candidates.append(IdentityRecordBuilder.record(customer, identifiers: stored[id] ?? []))
        }
        let byID = Dictionary(candidates.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let scored = IdentityResolver.score(incoming: record, candidates: candidates, models: configuration.models,
                                            thresholds: configuration.thresholds)
            .map { explanation in
                var vetted = explanation
                vetted.outcome = AutoMergeVeto.outcome(explanation, incoming: record, candidate: byID[explanation.rightID])
                return vetted
            }
            .sorted { $0.probability > $1.probability }
        if let best = scored.first, best.outcome == .autoMerge || best.outcome == .strongIdentifier {
            let target = CustomerID(best.rightID)
            try await attach(input, incoming: incoming, to: target, via: nil, kind: kind, reason: "model p=\(Self.format(best.probability))",
                             at: now, by: principal, on: db)
            return (.matchedByModel, target, best.probability, [])
        }

        // 3. A new customer; likely duplicates go to review.
        _ = try await customerService.insertNew(input, customerID: newID, at: now, by: principal, on: db)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        var reviewIDs: [String] = []
        for explanation in scored where explanation.outcome == .review {
            let other = CustomerID(explanation.rightID)
            let id = services.ids.next()
            let added = try await reviews.propose([MatchReviewRecord(
                id: id, leftID: min(newID, other), rightID: max(newID, other), probability: explanation.probability,
                weight: explanation.weight, explanation: String(decoding: try encoder.encode(explanation), as: UTF8.self),
                origin: "realtime", createdAt: now)], on: db)
            if added > 0 { reviewIDs.append(id) }
        }
        return (reviewIDs.isEmpty ? .created : .createdForReview, newID, scored.first?.probability, reviewIDs)
    }

    /// Adds what the record brings to an existing customer: identifiers it lacks (remembering the identifier that
    /// matched), its consent events, an audit entry. Profile fields are left to the customer's owner and stewards.
    private func attach(_ input: CustomerInput, incoming: [IdentifierRecord], to customerID: CustomerID, via: String?, kind: CustomerKind,
                        reason: String, at now: Timestamp, by principal: Principal, on db: any SQLDatabase) async throws {
        guard let customer = try await customers.find(customerID, on: db), customer.isLive else {
            throw DangolError(.conflict, "The matching customer \(customerID.rawValue) is no longer live.")
        }
        guard customer.kind == kind else {
            throw DangolError(.conflict, "The record's identifiers belong to a \(customer.kind.rawValue), but the record is a \(kind.rawValue).")
        }
        let existing = try await identifiers.list(customerID: customerID, on: db)
        let have = Set(existing.map { IdentifierKey(type: $0.type, matchKey: $0.matchKey) })
        var fresh: [IdentifierRecord] = []
        var repeated: [IdentifierKey] = []
        for var record in incoming {
            let key = IdentifierKey(type: record.type, matchKey: record.matchKey)
            if have.contains(key) { repeated.append(key); continue }
            record.customerID = customerID
            record.resolvedVia = via
            fresh.append(record)
        }
        try await customerService.ensureNoConflicts(fresh, owner: customerID, on: db)
        try await customerService.insertIdentifiers(fresh, owner: customerID, on: db)
        try await identifiers.touch(customerID: customerID, keys: repeated, at: now, on: db)
        var consents: [ConsentEvent] = []
        var errors: [FieldError] = []
        for (index, consent) in (input.consents ?? []).enumerated() {
            if let event = customerService.validator.validateConsent(consent, field: "consents/\(index)", now: now,
                                                                     recordedBy: principal.userID, defaultChannel: "api", errors: &errors) {
                consents.append(event)
            }
        }
        guard errors.isEmpty else { throw DangolError.invalid(errors) }
        try await history.appendConsents(consents.map { (customerID, $0) }, on: db)
        try await audit.append([AuditEntry(at: now, actorID: principal.userID, actorRole: principal.role.rawValue, action: "customer.resolve",
                                           customerID: customerID, detail: "matched by \(reason); identifiers added: \(fresh.count)",
                                           sourceIP: principal.sourceIP, requestID: principal.requestID)], on: db)
        var domainEvents: [DomainEventRepository.Event] = []
        if !fresh.isEmpty { domainEvents.append(.init(type: "identifier.added", customerID: customerID, at: now)) }
        if !consents.isEmpty { domainEvents.append(.init(type: "consent.changed", customerID: customerID, at: now)) }
        try await events.append(domainEvents, on: db)
    }

    /// The match models and thresholds in force: those stored by the last `dangol dedupe` run, else the engine's
    /// starting models and default thresholds.
    struct Configuration: Sendable {
        var models: MatchModels
        var thresholds: MatchThresholds
    }

    static let modelsSetting = "identity.models"
    static let thresholdsSetting = "identity.thresholds"

    func loadConfiguration() async throws(DangolError) -> Configuration {
        let (models, thresholds) = try await services.read { db in
            (try await settings.value(Self.modelsSetting, on: db), try await settings.value(Self.thresholdsSetting, on: db))
        }
        let decoder = JSONDecoder()
        return Configuration(
            models: models.flatMap { try? decoder.decode(MatchModels.self, from: Data($0.utf8)) } ?? .starting,
            thresholds: thresholds.flatMap { try? decoder.decode(MatchThresholds.self, from: Data($0.utf8)) } ?? MatchThresholds())
    }

    /// The models stored by the last dedupe run, if any.
    func storedModels() async throws(DangolError) -> MatchModels? {
        let text = try await services.read { db in try await settings.value(Self.modelsSetting, on: db) }
        return text.flatMap { try? JSONDecoder().decode(MatchModels.self, from: Data($0.utf8)) }
    }

    /// Stores fitted models for real-time resolution.
    func storeModels(_ models: MatchModels, by principal: Principal) async throws(DangolError) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        guard let data = try? encoder.encode(models) else { return }
        let now = services.clock.now()
        try await services.transaction { db in
            try await settings.setValue(Self.modelsSetting, String(decoding: data, as: UTF8.self), by: principal.userID, at: now, on: db)
        }
    }

    private static func format(_ probability: Double) -> String { String(format: "%.4f", probability) }
}
