import DangolCore
import DangolStore
import SQLKit
import Foundation

/// The customer master's use cases: create, update, soft delete, lifecycle transitions. Each call lands entirely or
/// not at all, writes an audit entry and appends domain events in the same transaction.
public struct CustomerService: Sendable {
    public let services: AppServices
    let customers = CustomerRepository()
    let identifiers = IdentifierRepository()
    let history = HistoryRepository()
    let audit = AuditRepository()
    let events = DomainEventRepository()
    let settings = SettingsRepository()
    let users = UserRepository()
    let validator = CustomerValidator()
    var presenter: CustomerPresenter { CustomerPresenter(vault: services.vault) }

    public init(services: AppServices) { self.services = services }

    /// Creates a customer with identifiers and consents. Strong identifiers already held by a live customer fail with
    /// `identifierConflict` naming that customer's id.
    public func create(_ input: CustomerInput, by principal: Principal) async throws(DangolError) -> CustomerView {
        try principal.requireCustomerWrite()
        let now = services.clock.now()
        let customerID = services.ids.customerID()
        let (customer, records) = try await services.transaction { db in
            try await insertNew(input, customerID: customerID, at: now, by: principal, on: db)
        }
        return try await present(customer, records, for: principal, reveal: false)
    }

    /// Validates and inserts a new customer inside the caller's transaction (used by `create` and by identity
    /// resolution when an incoming record matches no one).
    func insertNew(_ input: CustomerInput, customerID: CustomerID, at now: Timestamp, by principal: Principal,
                   on db: any SQLDatabase) async throws -> (Customer, [IdentifierRecord]) {
        let context = try await loadValidationContext(on: db)
        var errors: [FieldError] = []
        let profile = validator.validateNew(input, definitions: context.definitions, userIDs: context.userIDs, errors: &errors)
        let kind = input.kind ?? .person
        var fieldPaths: [String: String] = [:]
        let records = prepareIdentifiers(input.identifiers ?? [], kind: kind, customerID: customerID, context: context,
                                         now: now, source: "api", errors: &errors, fieldPaths: &fieldPaths)
        var consents: [ConsentEvent] = []
        for (index, consent) in (input.consents ?? []).enumerated() {
            if let event = validator.validateConsent(consent, field: "consents/\(index)", now: now, recordedBy: principal.userID,
                                                     defaultChannel: "api", errors: &errors) {
                consents.append(event)
            }
        }
        guard errors.isEmpty, let profile else { throw DangolError.invalid(errors) }
        try await ensureNoConflicts(records, owner: customerID, fieldPaths: fieldPaths, on: db)
        let customer = Customer(id: customerID, kind: profile.kind, displayName: profile.displayName,
                                lifecycleStage: profile.stage, ownerID: profile.ownerID, tags: profile.tags,
                                attributes: profile.attributes, createdAt: now, updatedAt: now)
        try await customers.insert([customer], on: db)
        try await insertIdentifiers(records, owner: customerID, on: db)
        try await history.appendLifecycle([(customerID, LifecycleEvent(from: nil, to: profile.stage, at: now,
                                                                        byUserID: principal.userID, reason: "created"))], on: db)
        try await history.appendConsents(consents.map { (customerID, $0) }, on: db)
        try await audit.append([auditEntry(principal, "customer.create", customerID, now,
                                           detail: "identifiers: " + records.map(\.type.rawValue).joined(separator: ","))], on: db)
        var domainEvents = [DomainEventRepository.Event(type: "customer.created", customerID: customerID,
                                                        payload: #"{"kind":"\#(profile.kind.rawValue)"}"#, at: now)]
        if !consents.isEmpty {
            domainEvents.append(.init(type: "consent.changed", customerID: customerID, at: now))
        }
        try await events.append(domainEvents, on: db)
        return (customer, records)
    }

    /// Changes profile fields. Fields left out (nil) are kept; identifiers and consents have their own calls.
    public func update(_ id: CustomerID, with input: CustomerInput, by principal: Principal) async throws(DangolError) -> CustomerView {
        try principal.requireCustomerWrite()
        let now = services.clock.now()
        let (customer, records) = try await services.transaction { db in
            guard var customer = try await customers.find(id, on: db), customer.isLive else { throw DangolError.notFound("The customer") }
            let context = try await loadValidationContext(on: db)
            var errors: [FieldError] = []
            if let kind = input.kind, kind != customer.kind {
                errors.append(FieldError(field: "kind", code: "immutable", message: "The kind of a customer cannot change."))
            }
            if input.displayName != nil, let name = validator.validateName(input.displayName, required: true, errors: &errors) {
                customer.displayName = name
            }
            if let tags = input.tags { customer.tags = validator.validateTags(tags, errors: &errors) }
            if let attributes = input.attributes {
                customer.attributes = validator.validateAttributes(attributes, definitions: context.definitions, errors: &errors)
            }
            if let owner = input.ownerID {
                // An empty owner removes the assignment.
                if !owner.isEmpty { validator.validateOwner(owner, userIDs: context.userIDs, errors: &errors) }
                customer.ownerID = owner.isEmpty ? nil : owner
            }
            if input.lifecycleStage != nil && input.lifecycleStage != customer.lifecycleStage {
                errors.append(FieldError(field: "lifecycleStage", code: "use_transition",
                                         message: "Change the lifecycle stage with the transition endpoint, which records why."))
            }
            if input.identifiers != nil || input.consents != nil {
                errors.append(FieldError(field: input.identifiers != nil ? "identifiers" : "consents", code: "use_subresource",
                                         message: "Add identifiers and consents through their own endpoints."))
            }
            guard errors.isEmpty else { throw DangolError.invalid(errors) }
            customer.updatedAt = now
            try await customers.update(customer, on: db)
            try await audit.append([auditEntry(principal, "customer.update", id, now)], on: db)
            try await events.append([.init(type: "customer.updated", customerID: id, at: now)], on: db)
            return (customer, try await identifiers.list(customerID: id, on: db))
        }
        return try await present(customer, records, for: principal, reveal: false)
    }

    /// Soft-deletes a customer: history is kept, strong identifiers are freed. A reason is required.
    public func delete(_ id: CustomerID, reason: String, by principal: Principal) async throws(DangolError) {
        try principal.requireCustomerWrite()
        let reasonText = NameNormalizer.normalize(reason)
        guard !reasonText.isEmpty else { throw DangolError.invalid(field: "reason", code: "required", "A reason for deleting is required.") }
        let now = services.clock.now()
        try await services.transaction { db in
            guard let customer = try await customers.find(id, on: db), customer.isLive else { throw DangolError.notFound("The customer") }
            try await customers.softDelete(id, reason: String(reasonText.prefix(500)), at: now, on: db)
            try await audit.append([auditEntry(principal, "customer.delete", id, now)], on: db)
            try await events.append([.init(type: "customer.deleted", customerID: id, at: now)], on: db)
        }
    }

    /// Moves a customer to another lifecycle stage, recording from, to, when, who and why.
    public func transition(_ id: CustomerID, _ input: TransitionInput, by principal: Principal) async throws(DangolError) -> [LifecycleEvent] {
        try principal.requireCustomerWrite()
        let now = services.clock.now()
        return try await services.transaction { db in
            guard var customer = try await customers.find(id, on: db), customer.isLive else { throw DangolError.notFound("The customer") }
            guard customer.lifecycleStage.canTransition(to: input.to) else {
                throw DangolError(.conflict, "The customer is already in the stage \(input.to.rawValue).")
            }
            let event = LifecycleEvent(from: customer.lifecycleStage, to: input.to, at: now, byUserID: principal.userID,
                                       reason: input.reason.map { String(NameNormalizer.normalize($0).prefix(500)) })
            customer.lifecycleStage = input.to
            customer.updatedAt = now
            try await customers.update(customer, on: db)
            try await history.appendLifecycle([(id, event)], on: db)
            try await audit.append([auditEntry(principal, "customer.transition", id, now, detail: "\(event.from?.rawValue ?? "-")→\(input.to.rawValue)")], on: db)
            try await events.append([.init(type: "lifecycle.changed", customerID: id,
                                           payload: #"{"from":"\#(event.from?.rawValue ?? "")","to":"\#(input.to.rawValue)"}"#, at: now)], on: db)
            return try await history.lifecycle(of: id, on: db)
        }
    }

    // MARK: Shared pieces

    struct ValidationContext: Sendable {
        var definitions: [String: AttributeDefinition]
        var userIDs: Set<String>
        var rrnEnabled: Bool
    }

    func loadValidationContext(on db: any SQLDatabase) async throws -> ValidationContext {
        let definitions = try await settings.attributeDefinitions(on: db)
        let userIDs = Set(try await users.list(on: db).map(\.id))
        let rrn = try await settings.legalBasis(feature: LegalBasisFeature.rrnCollection, on: db)
        return ValidationContext(definitions: Dictionary(uniqueKeysWithValues: definitions.map { ($0.key, $0) }),
                                 userIDs: userIDs, rrnEnabled: rrn?.enabled ?? false)
    }

    func prepareIdentifiers(_ inputs: [IdentifierInput], kind: CustomerKind, customerID: CustomerID, context: ValidationContext,
                            now: Timestamp, source: String, errors: inout [FieldError], fieldPrefix: String = "identifiers") -> [IdentifierRecord] {
        var fieldPaths: [String: String] = [:]
        return prepareIdentifiers(inputs, kind: kind, customerID: customerID, context: context, now: now, source: source,
                                  errors: &errors, fieldPaths: &fieldPaths, fieldPrefix: fieldPrefix)
    }

    /// Prepares identifiers and remembers, per record id, the input field it came from (for conflict errors).
    func prepareIdentifiers(_ inputs: [IdentifierInput], kind: CustomerKind, customerID: CustomerID, context: ValidationContext,
                            now: Timestamp, source: String, errors: inout [FieldError], fieldPaths: inout [String: String],
                            fieldPrefix: String = "identifiers") -> [IdentifierRecord] {
        let preparer = IdentifierPreparer(vault: services.vault, rrnCollectionEnabled: context.rrnEnabled)
        var records: [IdentifierRecord] = []
        var seen: Set<IdentifierKey> = []
        for (index, input) in inputs.enumerated() {
            switch preparer.prepare(input, kind: kind, customerID: customerID, recordID: services.ids.next(), defaultSource: source,
                                    at: now, field: "\(fieldPrefix)/\(index)") {
            case .success(let record):
                let key = IdentifierKey(type: record.type, matchKey: record.matchKey)
                if seen.insert(key).inserted {
                    records.append(record)
                    fieldPaths[record.id] = "\(fieldPrefix)/\(index)/value"
                }
            case .failure(let error):
                errors.append(error)
            }
        }
        return records
    }

    /// Fails with `identifierConflict` if a strong identifier is held by another live customer.
    func ensureNoConflicts(_ records: [IdentifierRecord], owner: CustomerID, fieldPaths: [String: String] = [:],
                           on db: any SQLDatabase) async throws {
        let strong = records.filter(\.isStrong)
        let holders = try await identifiers.holders(of: strong.map { IdentifierKey(type: $0.type, matchKey: $0.matchKey) }, on: db)
        for record in strong {
            let key = IdentifierKey(type: record.type, matchKey: record.matchKey)
            if let holder = holders[key], holder != owner {
                throw DangolError(.identifierConflict,
                                  "This \(key.type.rawValue) already belongs to customer \(holder.rawValue).",
                                  fieldErrors: [FieldError(field: fieldPaths[record.id] ?? "identifiers", code: "identifier.conflict",
                                                           message: "The \(key.type.rawValue) belongs to customer \(holder.rawValue).")],
                                  conflictingCustomerID: holder)
            }
        }
    }

    /// Inserts identifiers; a unique violation (a concurrent writer took the identifier) becomes a named conflict.
    func insertIdentifiers(_ records: [IdentifierRecord], owner: CustomerID, on db: any SQLDatabase) async throws {
        do {
            try await identifiers.insert(records, on: db)
        } catch let error where DatabaseError.isUniqueViolation(error) {
            throw DangolError(.identifierConflict, "A strong identifier was taken by another customer at the same moment; nothing was saved.")
        }
    }

    func auditEntry(_ principal: Principal, _ action: String, _ customerID: CustomerID?, _ at: Timestamp, detail: String? = nil) -> AuditEntry {
        AuditEntry(at: at, actorID: principal.userID, actorRole: principal.role.rawValue, action: action, customerID: customerID,
                   detail: detail, sourceIP: principal.sourceIP, requestID: principal.requestID)
    }

    /// Builds the view and audits it when it shows personal data unmasked.
    func present(_ customer: Customer, _ records: [IdentifierRecord], for principal: Principal, reveal: Bool) async throws(DangolError) -> CustomerView {
        let view = presenter.view(customer, identifiers: records, for: principal, reveal: reveal)
        if !view.masked {
            let entry = auditEntry(principal, "customer.read_unmasked", customer.id, services.clock.now())
            try await services.transaction { db in try await audit.append([entry], on: db) }
        }
        return view
    }
}

/// Features that may only be switched on with a recorded legal basis.
public enum LegalBasisFeature {
    /// Collecting resident registration numbers (주민등록번호 수집).
    public static let rrnCollection = "rrn_collection"
}
