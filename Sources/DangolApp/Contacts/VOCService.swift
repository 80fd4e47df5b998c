import DangolCore
import DangolStore
import SQLKit

/// The voice of the customer (고객의 소리): opening cases, moving them through their status flow, and escalating
/// those past their deadline to the owner's manager. Every change is in `voc_events` and the outbox
/// (`voc.opened`, `voc.status_changed`, `voc.overdue`, `voc.resolved`).
public struct VOCService: Sendable {
    public let services: AppServices
    public var serviceLevel: VOCCase.ServiceLevel
    private let cases = VOCRepository()
    private let events = DomainEventRepository()

    public init(services: AppServices, serviceLevel: VOCCase.ServiceLevel = .standard) {
        self.services = services
        self.serviceLevel = serviceLevel
    }

    /// A new case.
    public struct Opening: Codable, Sendable, Hashable {
        public var kind: VOCCase.Kind
        public var severity: VOCCase.Severity?
        public var category: String?
        public var channel: String
        public var subject: String
        public var description: String?
        public var ownerId: String?

        public init(kind: VOCCase.Kind, severity: VOCCase.Severity? = nil, category: String? = nil, channel: String, subject: String,
                    description: String? = nil, ownerId: String? = nil) {
            self.kind = kind
            self.severity = severity
            self.category = category
            self.channel = channel
            self.subject = subject
            self.description = description
            self.ownerId = ownerId
        }
    }

    /// A status change; `resolution` is required to resolve, `ownerId` to assign.
    public struct Transition: Codable, Sendable, Hashable {
        public var to: VOCCase.Status
        public var note: String?
        public var resolution: String?
        public var ownerId: String?

        public init(to: VOCCase.Status, note: String? = nil, resolution: String? = nil, ownerId: String? = nil) {
            self.to = to
            self.note = note
            self.resolution = resolution
            self.ownerId = ownerId
        }
    }

    public func open(for customerID: CustomerID, _ opening: Opening, by principal: Principal) async throws(DangolError) -> VOCCaseRecord {
        try principal.requireCustomerWrite()
        var errors: [FieldError] = []
        let subject = opening.subject.trimmingWhitespace()
        if subject.isEmpty || subject.count > 200 { errors.append(FieldError(field: "subject", code: "length", message: "subject has 1–200 characters.")) }
        if (opening.description ?? "").count > 5_000 { errors.append(FieldError(field: "description", code: "length", message: "description has at most 5,000 characters.")) }
        if opening.channel.trimmingWhitespace().isEmpty { errors.append(FieldError(field: "channel", code: "required", message: "channel is required.")) }
        guard errors.isEmpty else { throw DangolError.invalid(errors) }
        let now = services.clock.now()
        // Compliments and suggestions are not urgent unless said so; complaints default to medium.
        let severity = opening.severity ?? (opening.kind == .complaint || opening.kind == .inquiry ? .medium : .low)
        let record = VOCCaseRecord(
            id: services.ids.next(), customerID: customerID, kind: opening.kind, category: opening.category, severity: severity,
            channel: opening.channel, subject: subject, description: opening.description,
            status: opening.ownerId == nil ? .received : .assigned, ownerID: opening.ownerId, openedAt: now,
            dueAt: serviceLevel.dueAt(openedAt: now, severity: severity), updatedAt: now)
        try await services.transaction { db in
            guard let customer = try await CustomerRepository().find(customerID, on: db), customer.isLive else {
                throw DangolError.notFound("The customer")
            }
            if let owner = opening.ownerId, try await UserRepository().find(id: owner, on: db) == nil {
                throw DangolError.invalid(field: "ownerId", code: "unknown", "No user has this id.")
            }
            try await cases.insert(record, on: db)
            try await cases.appendEvent(caseID: record.id, customerID: customerID, from: nil, to: record.status, by: principal.userID,
                                        note: nil, at: now, on: db)
            try await events.append([.init(type: "voc.opened", customerID: customerID, payload: """
                {"case":"\(record.id)","kind":"\(record.kind.rawValue)","severity":"\(severity.rawValue)"}
                """, at: now)], on: db)
        }
        return record
    }

    /// Moves a case to another status.
    /// - Throws: `conflict` for a move the flow does not allow; `invalidInput` when resolving without a resolution or
    ///   assigning without an owner.
    public func transition(_ caseID: String, _ transition: Transition, by principal: Principal) async throws(DangolError) -> VOCCaseRecord {
        try principal.requireCustomerWrite()
        let now = services.clock.now()
        return try await services.transaction { db in
            guard var record = try await cases.find(caseID, on: db) else { throw DangolError.notFound("The case") }
            guard record.status.next.contains(transition.to) else {
                throw DangolError(.conflict, "A case cannot go from \(record.status.rawValue) to \(transition.to.rawValue).")
            }
            if transition.to == .resolved {
                guard let resolution = transition.resolution?.trimmingWhitespace(), !resolution.isEmpty else {
                    throw DangolError.invalid(field: "resolution", code: "required", "Say how the case was resolved.")
                }
                record.resolution = resolution
                record.resolvedAt = now
            }
            if transition.to == .assigned {
                guard let owner = transition.ownerId ?? record.ownerID else {
                    throw DangolError.invalid(field: "ownerId", code: "required", "Assigning needs an owner.")
                }
                guard try await UserRepository().find(id: owner, on: db) != nil else {
                    throw DangolError.invalid(field: "ownerId", code: "unknown", "No user has this id.")
                }
                record.ownerID = owner
            }
            if transition.to == .reopened {
                // A reopened case gets a fresh deadline.
                record.dueAt = serviceLevel.dueAt(openedAt: now, severity: record.severity)
                record.escalatedAt = nil
                record.escalatedTo = nil
                record.resolvedAt = nil
            }
            let from = record.status
            record.status = transition.to
            record.updatedAt = now
            try await cases.update(record, on: db)
            try await cases.appendEvent(caseID: caseID, customerID: record.customerID, from: from, to: transition.to, by: principal.userID,
                                        note: transition.note, at: now, on: db)
            try await events.append([.init(type: transition.to == .resolved ? "voc.resolved" : "voc.status_changed", customerID: record.customerID,
                                           payload: #"{"case":"\#(caseID)","from":"\#(from.rawValue)","to":"\#(transition.to.rawValue)"}"#,
                                           at: now)], on: db)
            return record
        }
    }

    /// Escalates every open case past its deadline to its owner's manager (or leaves it unassigned when there is
    /// none), once. Returns the escalated cases. Run it from a scheduler (`dangol voc escalate`).
    public func escalateOverdue(by principal: Principal) async throws(DangolError) -> [VOCCaseRecord] {
        try principal.requireCustomerWrite()
        let now = services.clock.now()
        return try await services.transaction { db in
            var escalated: [VOCCaseRecord] = []
            for var record in try await cases.overdue(at: now, on: db) {
                var manager: String?
                if let owner = record.ownerID { manager = try await UserRepository().find(id: owner, on: db)?.managerID }
                record.escalatedAt = now
                record.escalatedTo = manager
                record.updatedAt = now
                try await cases.update(record, on: db)
                try await events.append([.init(type: "voc.overdue", customerID: record.customerID, payload: """
                    {"case":"\(record.id)","due":\(record.dueAt.rawValue),"escalated_to":\(manager.map { "\"\($0)\"" } ?? "null")}
                    """, at: now)], on: db)
                escalated.append(record)
            }
            return escalated
        }
    }

    /// The board: cases with a status (all when nil), oldest deadline first; `overdue` marks those past it.
    public func board(status: VOCCase.Status?, customerID: CustomerID? = nil, for principal: Principal) async throws(DangolError) -> [VOCCaseRecord] {
        try principal.require(scope: "customers:read")
        return try await services.read { db in try await cases.list(status: status, customerID: customerID, limit: 500, on: db) }
    }
}
