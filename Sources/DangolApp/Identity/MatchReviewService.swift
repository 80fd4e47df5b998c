import DangolCore
import DangolIdentity
import DangolStore
import Foundation
import SQLKit

/// The review queue: pairs a match model found likely but not certain, shown side by side for a data steward to
/// confirm (the two are merged) or reject (the pair is never proposed again).
public struct MatchReviewService: Sendable {
    public let services: AppServices
    private let reviews = MatchReviewRepository()
    private let audit = AuditRepository()

    public init(services: AppServices) { self.services = services }

    /// Proposes candidate pairs with the engine's explanation; pairs proposed before (in any state) are skipped.
    /// Returns how many are new.
    @discardableResult
    public func propose(_ pairs: [(CustomerID, CustomerID, PairExplanation)], origin: String) async throws(DangolError) -> Int {
        let now = services.clock.now()
        var records: [MatchReviewRecord] = []
        for (a, b, explanation) in pairs where a != b {
            records.append(MatchReviewRecord(id: services.ids.next(), leftID: min(a, b), rightID: max(a, b),
                                             probability: explanation.probability, weight: explanation.weight,
                                             explanation: Self.json(explanation), origin: origin, createdAt: now))
        }
        return try await services.transaction { db in try await reviews.propose(records, on: db) }
    }

    /// Pending reviews (or decided ones), most probable first, each with both customers as the principal may see them.
    public func list(status: MatchReviewRecord.Status = .pending, limit: Int = 50, offset: Int = 0,
                     for principal: Principal) async throws(DangolError) -> [MatchReviewView] {
        try Self.requireSteward(principal)
        guard (1...200).contains(limit), offset >= 0 else {
            throw DangolError.invalid(field: "limit", code: "range", "limit must be 1–200 and offset not negative.")
        }
        let records = try await services.read { db in try await reviews.list(status: status, limit: limit, offset: offset, on: db) }
        var views: [MatchReviewView] = []
        for record in records { views.append(try await view(record, for: principal, reveal: false)) }
        return views
    }

    /// One review, the two records side by side. `reveal` shows personal data unmasked to roles allowed to (audited).
    public func review(_ id: String, for principal: Principal, reveal: Bool = false) async throws(DangolError) -> MatchReviewView {
        try Self.requireSteward(principal)
        guard let record = try await services.read({ db in try await reviews.find(id, on: db) }) else {
            throw DangolError.notFound("The review")
        }
        return try await view(record, for: principal, reveal: reveal)
    }

    /// Confirms a pending review: the two customers are merged (into `survivor`, by default the older record) in the
    /// same transaction that records the decision.
    public func confirm(_ id: String, survivor: CustomerID? = nil, by principal: Principal) async throws(DangolError) -> MatchReviewView {
        try Self.requireSteward(principal, writing: true)
        let now = services.clock.now()
        let mergeID = services.ids.next()
        let merger = CustomerMerger(services: services, policy: try await IdentitySettingsService(services: services).load().survivorship)
        let record = try await services.transaction { db in
            var record = try await pending(id, on: db)
            let keep = survivor ?? record.leftID
            guard keep == record.leftID || keep == record.rightID else {
                throw DangolError.invalid(field: "survivorId", code: "not-in-pair", "The survivor must be one of the two customers.")
            }
            let other = keep == record.leftID ? record.rightID : record.leftID
            _ = try await merger.merge(survivor: keep, absorbed: other, rule: .steward, probability: record.probability,
                                       mergeID: mergeID, at: now, by: principal, on: db)
            try await reviews.decide(id, status: .confirmed, by: principal.userID, at: now, mergeID: mergeID, on: db)
            record.status = .confirmed
            record.decidedBy = principal.userID
            record.decidedAt = now
            record.mergeID = mergeID
            return record
        }
        return try await view(record, for: principal, reveal: false)
    }

    /// Rejects a pending review: the two stay apart and the pair is never proposed again.
    public func reject(_ id: String, by principal: Principal) async throws(DangolError) -> MatchReviewView {
        try Self.requireSteward(principal, writing: true)
        let now = services.clock.now()
        let record = try await services.transaction { db in
            var record = try await pending(id, on: db)
            try await reviews.decide(id, status: .rejected, by: principal.userID, at: now, mergeID: nil, on: db)
            try await audit.append([AuditEntry(at: now, actorID: principal.userID, actorRole: principal.role.rawValue,
                                               action: "match.reject", customerID: record.leftID, detail: "review=\(id) other=\(record.rightID.rawValue)",
                                               sourceIP: principal.sourceIP, requestID: principal.requestID)], on: db)
            record.status = .rejected
            record.decidedBy = principal.userID
            record.decidedAt = now
            return record
        }
        return try await view(record, for: principal, reveal: false)
    }

    private func pending(_ id: String, on db: any SQLDatabase) async throws -> MatchReviewRecord {
        guard let record = try await reviews.find(id, on: db) else { throw DangolError.notFound("The review") }
        guard record.status == .pending else {
            throw DangolError(.conflict, "The review \(id) was already \(record.status.rawValue).")
        }
        return record
    }

    private func view(_ record: MatchReviewRecord, for principal: Principal, reveal: Bool) async throws(DangolError) -> MatchReviewView {
        let customers = CustomerService(services: services)
        let explanation = try? JSONDecoder().decode(PairExplanation.self, from: Data(record.explanation.utf8))
        return MatchReviewView(
            id: record.id, status: record.status.rawValue, probability: record.probability, weight: record.weight,
            origin: record.origin,
            left: try await customers.view(record.leftID, for: principal, reveal: reveal),
            right: try await customers.view(record.rightID, for: principal, reveal: reveal),
            fields: explanation?.fields.map { MatchReviewView.Field(field: $0.field.rawValue, level: $0.level, weight: $0.weight) } ?? [],
            createdAt: record.createdAt, decidedBy: record.decidedBy, decidedAt: record.decidedAt, mergeID: record.mergeID)
    }

    static func requireSteward(_ principal: Principal, writing: Bool = false) throws(DangolError) {
        guard principal.role == .admin || principal.role == .manager else {
            throw DangolError(.forbidden, "Only an admin or a manager may review matches.")
        }
        try principal.require(scope: writing ? "customers:write" : "customers:read")
    }

    private static func json(_ explanation: PairExplanation) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return (try? encoder.encode(explanation)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }
}

/// A review as the API and console show it: both records side by side and the evidence per field.
public struct MatchReviewView: Sendable, Hashable, Codable {
    /// One field's comparison: its level (`exact`, `jaro-winkler ≥ 0.92`, `missing`…) and weight (log₂ m/u).
    public struct Field: Sendable, Hashable, Codable {
        public var field: String
        public var level: String
        public var weight: Double
    }

    public var id: String
    public var status: String
    public var probability: Double
    public var weight: Double
    public var origin: String
    public var left: CustomerView
    public var right: CustomerView
    public var fields: [Field]
    public var createdAt: Timestamp
    public var decidedBy: String?
    public var decidedAt: Timestamp?
    public var mergeID: String?
}
