import DangolCore
import DangolIdentity
import DangolStore
import SQLKit

/// What one written batch did.
struct ImportBatchOutcome: Sendable {
    var created = 0
    var matched = 0
    var unchanged = 0
    /// Rows rejected while resolving (identifiers of different customers, a customer of another kind).
    var rejects: [ImportReject] = []
    /// Review queue entries opened for new customers that look like existing ones.
    var reviews = 0
    /// Rows whose mobile phone was another person's (SharedPhoneGuard) and was kept as their other_phone.
    var sharedPhones = 0
}

/// Resolves a prepared batch against the database and writes it, inside the caller's transaction, with a fixed
/// number of statements per batch whatever its size: one source-record lookup, one identifier-holder lookup, then
/// one bulk insert per table (the rows travel as one JSON parameter, see `BulkRows`).
///
/// For each row, in file order:
/// - its source record exists (imported before under the same source), or an earlier row of the batch had the same
///   external id → **unchanged**;
/// - its strong identifiers belong to exactly one live customer — in the database or created by an earlier row of
///   this batch → **matched**: the customer gets the row's missing identifiers, the ones it has are marked seen, the
///   row's lineage points at it. Profile, tags, attributes and consents of the row are not applied: a stale file must
///   not re-grant a withdrawn consent;
/// - the only link is a mobile phone held by someone whose name and birth date speak against the row
///   (``SharedPhoneGuard``: households share phones) → the number is kept as the row's `other_phone` and the row is
///   resolved without it;
/// - they belong to two customers, or to a customer of the other kind → **rejected** with the reason;
/// - otherwise, when its weak values (name + birth date, web domain, name + address) point at an existing customer
///   that the match model scores at or above the auto-merge threshold → **matched** to that customer as above;
/// - otherwise a **new** customer with a `created` lifecycle event, its consent events and its lineage — and a review
///   queue entry for each existing customer the model found likely but not certain.
/// The batch appends one `customers.imported` domain event listing the customers it created (and which of them came
/// with consents) rather than two events per customer.
/// One `import.batch` audit entry records the counts.
struct ImportBatchWriter: Sendable {
    let services: AppServices
    let options: ImportOptions
    let principal: Principal
    /// Scores rows no strong identifier resolves; nil turns probabilistic matching off.
    let matcher: ImportCandidateMatcher?
    let idFloor = ImportIDFloor()
    private let customers = CustomerRepository()
    private let identifiers = IdentifierRepository()
    private let history = HistoryRepository()
    private let sourceRecords = SourceRecordRepository()
    private let events = DomainEventRepository()
    private let audit = AuditRepository()

    init(services: AppServices, options: ImportOptions, principal: Principal, matcher: ImportCandidateMatcher? = nil) {
        self.services = services
        self.options = options
        self.principal = principal
        self.matcher = matcher
    }

    func write(_ batch: PreparedImportBatch, on db: any SQLDatabase) async throws -> ImportBatchOutcome {
        let now = batch.now
        let rows = batch.rows
        var outcome = ImportBatchOutcome()

        let known = try await sourceRecords.customers(source: options.source, externalIDs: rows.map(\.externalID), on: db)
        var lookupKeys: [IdentifierKey] = []
        for row in rows where known[row.externalID] == nil { lookupKeys.append(contentsOf: row.strongKeys) }
        let holding = try await identifiers.holdingIdentifiers(ofMany: lookupKeys, on: db)
        let holders = holding.mapValues(\.customerID)
        var ids = ImportIDAllocator(now: now, floor: idFloor)
        let holderProfiles = holders.isEmpty ? [:] : try await customers.liveProfiles(of: Array(Set(holders.values)), on: db)
        let holderKinds = holderProfiles.mapValues(\.kind)
        let holderNames = holderProfiles.mapValues(\.name)
        // Holders linked by a mobile phone alone are checked against the row's name and birth date (SharedPhoneGuard).
        var phoneOnlyHolders: Set<CustomerID> = []
        for row in rows where known[row.externalID] == nil {
            let linked = Dictionary(grouping: row.strongKeys.compactMap { key in holders[key].map { ($0, key.type) } }, by: \.0)
            for (holder, pairs) in linked where Set(pairs.map(\.1)) == [.mobilePhone] { phoneOnlyHolders.insert(holder) }
        }
        let holderIdentifiers = phoneOnlyHolders.isEmpty ? [:] : try await identifiers.list(customerIDs: Array(phoneOnlyHolders), on: db)
        let candidates = try await matcher?.candidates(for: rows.filter { known[$0.externalID] == nil }, on: db)
        var reviews: [MatchReviewRecord] = []

        var newCustomers: [Customer] = []
        var newIdentifiers: [[IdentifierRecord]] = []
        var newIndex: [CustomerID: Int] = [:]
        var lifecycle: [(CustomerID, LifecycleEvent)] = []
        var consents: [(CustomerID, ConsentEvent)] = []
        var domainEvents: [DomainEventRepository.Event] = []
        var withConsents: [CustomerID] = []
        var attachments: [CustomerID: [IdentifierRecord]] = [:]
        var claimed: [IdentifierKey: CustomerID] = [:]
        var seenExternalIDs: Set<String> = []
        var links: [(externalID: String, customerID: CustomerID)] = []
        // External id → the identifier a matched row was resolved by (lineage that an unmerge follows).
        var resolvedVia: [String: String] = [:]
        newCustomers.reserveCapacity(rows.count)
        newIdentifiers.reserveCapacity(rows.count)
        links.reserveCapacity(rows.count)

        func kindOf(_ customer: CustomerID) -> CustomerKind? {
            newIndex[customer].map { newCustomers[$0].kind } ?? holderKinds[customer]
        }
        for var row in rows {
            if known[row.externalID] != nil || seenExternalIDs.contains(row.externalID) {
                outcome.unchanged += 1
                continue
            }
            var strongKeys = row.strongKeys
            var owners: Set<CustomerID> = []
            for key in strongKeys {
                if let holder = holders[key] { owners.insert(holder) }
                if let holder = claimed[key] { owners.insert(holder) }
            }
            if owners.count > 1 {
                outcome.rejects.append(ImportReject(
                    line: row.line, problems: ["identifiers belong to different customers; merge them or correct the row"],
                    fields: row.fields))
                continue
            }
            // A mobile phone that is the only link to someone whose name and birth date speak against the row is a
            // shared phone (SharedPhoneGuard): the row keeps the number as its other_phone and is resolved without it.
            if let owner = owners.first, kindOf(owner) == row.kind {
                let linking = Set(strongKeys.filter { holders[$0] == owner || claimed[$0] == owner }.map(\.type))
                if linking == [.mobilePhone] {
                    let ownerRecord = newIndex[owner].map {
                        IdentityRecordBuilder.record(newCustomers[$0], identifiers: newIdentifiers[$0])
                    } ?? IdentityRecordBuilder.record(id: owner.rawValue, kind: row.kind, name: holderNames[owner] ?? "",
                                                      identifiers: holderIdentifiers[owner] ?? [])
                    let incoming = IdentityRecordBuilder.record(id: "incoming", kind: row.kind, name: row.displayName, identifiers: row.identifiers)
                    if SharedPhoneGuard.refuses(incoming: incoming, holder: ownerRecord, linkingTypes: linking) {
                        row.identifiers = row.identifiers.map(SharedPhoneGuard.asSharedPhone)
                        strongKeys = row.strongKeys
                        owners = []
                        outcome.sharedPhones += 1
                    }
                }
            }
            var decision = ImportCandidateMatcher.Decision()
            if owners.isEmpty, let matcher, let candidates { decision = matcher.decide(row, candidates: candidates) }
            if let owner = owners.first ?? decision.attachTo?.customer {
                let ownerKind = newIndex[owner].map { newCustomers[$0].kind } ?? holderKinds[owner] ?? candidates?.kinds[owner]
                guard let ownerKind else {
                    outcome.rejects.append(ImportReject(
                        line: row.line, problems: ["identifiers belong to a customer that is deleted or merged"], fields: row.fields))
                    continue
                }
                guard ownerKind == row.kind else {
                    outcome.rejects.append(ImportReject(
                        line: row.line,
                        problems: ["identifiers belong to an existing \(ownerKind.rawValue), but the row is a \(row.kind.rawValue)"],
                        fields: row.fields))
                    continue
                }
                outcome.matched += 1
                seenExternalIDs.insert(row.externalID)
                links.append((row.externalID, owner))
                let via = strongKeys.lazy.compactMap { holding[$0] }.first { $0.customerID == owner }?.identifierID
                if let via { resolvedVia[row.externalID] = via }
                for key in strongKeys { claimed[key] = owner }
                if let index = newIndex[owner] {
                    let have = Set(newIdentifiers[index].map { IdentifierKey(type: $0.type, matchKey: $0.matchKey) })
                    for var record in row.identifiers where !have.contains(IdentifierKey(type: record.type, matchKey: record.matchKey)) {
                        record.customerID = owner
                        record.id = ids.next()
                        newIdentifiers[index].append(record)
                    }
                } else {
                    attachments[owner, default: []].append(contentsOf: row.identifiers.map { record in
                        var record = record
                        record.resolvedVia = via
                        return record
                    })
                }
                continue
            }

            let id = ids.customerID()
            newIndex[id] = newCustomers.count
            newCustomers.append(Customer(id: id, kind: row.kind, displayName: row.displayName, lifecycleStage: row.stage,
                                         ownerID: row.ownerID, tags: row.tags, attributes: row.attributes, createdAt: now,
                                         updatedAt: now))
            var records = row.identifiers
            for index in records.indices {
                records[index].customerID = id
                records[index].id = ids.next()
            }
            newIdentifiers.append(records)
            for key in strongKeys { claimed[key] = id }
            seenExternalIDs.insert(row.externalID)
            links.append((row.externalID, id))
            lifecycle.append((id, LifecycleEvent(from: nil, to: row.stage, at: now, byUserID: principal.userID, reason: "created")))
            if !row.consents.isEmpty {
                for consent in row.consents { consents.append((id, consent)) }
                withConsents.append(id)
            }
            for explanation in decision.reviews {
                reviews.append(ImportCandidateMatcher.review(explanation, newCustomer: id, id: services.ids.next(), at: now))
            }
            outcome.created += 1
        }

        var identifierRows = newIdentifiers.flatMap { $0 }
        var touched: [String] = []
        if !attachments.isEmpty {
            let existing = try await identifiers.list(customerIDs: Array(attachments.keys), on: db)
            for (owner, records) in attachments.sorted(by: { $0.key < $1.key }) {
                var have: [IdentifierKey: String] = [:]
                for record in existing[owner] ?? [] { have[IdentifierKey(type: record.type, matchKey: record.matchKey)] = record.id }
                var added = false
                for var record in records {
                    let key = IdentifierKey(type: record.type, matchKey: record.matchKey)
                    if let existingID = have[key] {
                        touched.append(existingID)
                    } else {
                        record.customerID = owner
                        record.id = ids.next()
                        have[key] = record.id
                        identifierRows.append(record)
                        added = true
                    }
                }
                if added { domainEvents.append(.init(type: "identifier.added", customerID: owner, at: now)) }
            }
        }

        if !newCustomers.isEmpty {
            domainEvents.append(.init(type: "customers.imported", customerID: nil,
                                      payload: Self.importedPayload(created: newCustomers.map(\.id), withConsents: withConsents), at: now))
        }
        // In key order, consecutive entries of the identifier indexes land on the same B-tree pages.
        // Sorted through their keys: sorting the records themselves copied every one (a dozen strings) per move.
        identifierRows = identifierRows.indices
            .map { (type: identifierRows[$0].type.rawValue, key: identifierRows[$0].matchKey, index: $0) }
            .sorted { ($0.type, $0.key) < ($1.type, $1.key) }
            .map { identifierRows[$0.index] }
        try await customers.insertMany(newCustomers, on: db)
        try await identifiers.insertMany(identifierRows, on: db)
        try await identifiers.touch(identifierIDs: Array(Set(touched)), at: now, on: db)
        try await history.appendLifecycleMany(lifecycle, on: db)
        try await history.appendConsentsMany(consents, on: db)
        try await sourceRecords.insertMany(source: options.source, links: links, at: now, resolvedVia: resolvedVia, on: db)
        try await events.appendMany(domainEvents, on: db)
        outcome.reviews = try await MatchReviewRepository().propose(reviews, on: db)
        let rejected = batch.rejects.count + outcome.rejects.count
        let detail = """
            source=\(options.source) lines=\(batch.firstLine)-\(batch.lastLine) created=\(outcome.created) \
            matched=\(outcome.matched) unchanged=\(outcome.unchanged) rejected=\(rejected)
            """
        try await audit.append([AuditEntry(at: now, actorID: principal.userID, actorRole: principal.role.rawValue,
                                           action: "import.batch", customerID: nil, detail: detail,
                                           sourceIP: principal.sourceIP, requestID: principal.requestID)], on: db)
        return outcome
    }

    /// The payload of a batch's `customers.imported` event: the ids created, and those of them created with
    /// consent events (what a per-customer `customer.created` and `consent.changed` would have said). One event per
    /// batch instead of two per customer: the outbox is an index write per row, and an import writes millions.
    static func importedPayload(created: [CustomerID], withConsents: [CustomerID]) -> String {
        // Ids are UUID text (no characters that need escaping in JSON).
        func list(_ ids: [CustomerID]) -> String { "[" + ids.map { "\"\($0.rawValue)\"" }.joined(separator: ",") + "]" }
        return #"{"via":"import","created":"# + list(created) + #","with_consents":"# + list(withConsents) + "}"
    }
}
