import DangolCore
import DangolIdentity
import DangolStore
import Foundation
import SQLKit

/// Probabilistic matching for import rows that no strong identifier resolves. The candidates of a batch are the
/// existing customers holding one of its rows' weak values (name + birth date, web domain, name + address), found
/// with one indexed lookup per batch, and each row is scored against its candidates by the match model: at or above
/// the auto-merge threshold the row attaches to that customer (unless ``AutoMergeVeto`` says a person must decide), in
/// the review band it becomes a new customer with a review queue entry, below that a new customer.
///
/// Rows without a weak value cost nothing; a phone-only look-alike is left to `dangol dedupe`, whose blocking sees the
/// whole database at once.
struct ImportCandidateMatcher: Sendable {
    let configuration: CustomerResolver.Configuration

    /// Candidates for one batch.
    struct Candidates: Sendable {
        var holderOfKey: [IdentifierKey: CustomerID] = [:]
        var records: [CustomerID: IdentityRecord] = [:]
        var kinds: [CustomerID: CustomerKind] = [:]
    }

    /// What the model says about one row.
    struct Decision: Sendable {
        var attachTo: (customer: CustomerID, probability: Double)?
        var reviews: [PairExplanation] = []
    }

    static let weakTypes: Set<IdentifierType> = [.nameBirthDate, .webDomain, .nameAddress]

    func candidates(for rows: [PreparedImportRow], on db: any SQLDatabase) async throws -> Candidates {
        var keys: [IdentifierKey] = []
        for row in rows {
            for identifier in row.identifiers where Self.weakTypes.contains(identifier.type) {
                keys.append(IdentifierKey(type: identifier.type, matchKey: identifier.matchKey))
            }
        }
        guard !keys.isEmpty else { return Candidates() }
        let identifiers = IdentifierRepository()
        var result = Candidates()
        result.holderOfKey = try await identifiers.holders(ofMany: keys, on: db)
        guard !result.holderOfKey.isEmpty else { return result }
        let ids = Array(Set(result.holderOfKey.values))
        let profiles = try await CustomerRepository().liveProfiles(of: ids, on: db)
        let stored = try await identifiers.list(customerIDs: Array(profiles.keys), on: db)
        for (id, profile) in profiles {
            result.kinds[id] = profile.kind
            result.records[id] = IdentityRecordBuilder.record(id: id.rawValue, kind: profile.kind, name: profile.name,
                                                              identifiers: stored[id] ?? [])
        }
        return result
    }

    func decide(_ row: PreparedImportRow, candidates: Candidates) -> Decision {
        var seen: Set<CustomerID> = []
        var records: [IdentityRecord] = []
        for identifier in row.identifiers where Self.weakTypes.contains(identifier.type) {
            guard let holder = candidates.holderOfKey[IdentifierKey(type: identifier.type, matchKey: identifier.matchKey)],
                  let record = candidates.records[holder], record.kind == row.kind, seen.insert(holder).inserted else { continue }
            records.append(record)
        }
        guard !records.isEmpty else { return Decision() }
        let incoming = IdentityRecordBuilder.record(id: "incoming", kind: row.kind, name: row.displayName, identifiers: row.identifiers)
        let scored = IdentityResolver.score(incoming: incoming, candidates: records, models: configuration.models,
                                            thresholds: configuration.thresholds).sorted { $0.probability > $1.probability }
        let byID = Dictionary(records.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var vetted = scored
        for index in vetted.indices {
            vetted[index].outcome = AutoMergeVeto.outcome(vetted[index], incoming: incoming, candidate: byID[vetted[index].rightID])
        }
        var decision = Decision()
        if let best = vetted.first, best.outcome == .autoMerge || best.outcome == .strongIdentifier {
            decision.attachTo = (CustomerID(best.rightID), best.probability)
        } else {
            decision.reviews = vetted.filter { $0.outcome == .review }
        }
        return decision
    }

    /// A review queue entry for a new customer and a candidate.
    static func review(_ explanation: PairExplanation, newCustomer: CustomerID, id: String, at now: Timestamp) -> MatchReviewRecord {
        let other = CustomerID(explanation.rightID)
        var explained = explanation
        explained.leftID = newCustomer.rawValue
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let json = (try? encoder.encode(explained)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
        return MatchReviewRecord(id: id, leftID: min(newCustomer, other), rightID: max(newCustomer, other),
                                 probability: explanation.probability, weight: explanation.weight, explanation: json,
                                 origin: "realtime", createdAt: now)
    }
}
