import DangolCore
import DangolStore
import SQLKit

extension CustomerService {
    /// The customer page: profile, identifiers, consent state and history, lifecycle history, relationships.
    /// `reveal` asks for unmasked data (honoured for admins); unmasked reads are audited.
    public func detail(_ id: CustomerID, for principal: Principal, reveal: Bool = false) async throws(DangolError) -> CustomerDetail {
        try principal.require(scope: "customers:read")
        let loaded = try await services.read { db in
            guard let customer = try await customers.find(id, on: db) else { throw DangolError.notFound("The customer") }
            let records = try await identifiers.list(customerID: id, on: db)
            let consents = try await history.consents(of: id, on: db)
            let lifecycle = try await history.lifecycle(of: id, on: db)
            let relationships = try await settings.relationships(of: id, on: db)
            var related: [CustomerID: Customer] = [:]
            for relationship in relationships {
                let other = relationship.personID == id ? relationship.organisationID : relationship.personID
                if let customer = try await customers.find(other, on: db) { related[other] = customer }
            }
            return (customer, records, consents, lifecycle, relationships, related)
        }
        let (customer, records, consents, lifecycle, relationships, related) = loaded
        let view = try await present(customer, records, for: principal, reveal: reveal)
        let relationshipViews = relationships.map { relationship in
            let otherID = relationship.personID == id ? relationship.organisationID : relationship.personID
            let other = related[otherID]
            let otherClear = other.map {
                PersonalDataPolicy.showsUnmasked(role: principal.role, viewerUserID: principal.userID, customerOwnerID: $0.ownerID, reveal: reveal)
            } ?? false
            let name = other.map { $0.kind == .person && !otherClear ? PersonalDataMasker.maskName($0.displayName) : $0.displayName } ?? "?"
            return RelationshipView(id: relationship.id, kind: relationship.kind, personID: relationship.personID,
                                    organisationID: relationship.organisationID, title: relationship.title, otherName: name)
        }
        return CustomerDetail(customer: view, consent: ConsentState(history: consents), consentHistory: consents,
                              lifecycleHistory: lifecycle, relationships: relationshipViews)
    }

    /// One customer view (no histories).
    public func view(_ id: CustomerID, for principal: Principal, reveal: Bool = false) async throws(DangolError) -> CustomerView {
        try principal.require(scope: "customers:read")
        let (customer, records) = try await services.read { db in
            guard let customer = try await customers.find(id, on: db) else { throw DangolError.notFound("The customer") }
            return (customer, try await identifiers.list(customerID: id, on: db))
        }
        return try await present(customer, records, for: principal, reveal: reveal)
    }

    /// A page of customers matching the filter, masked per viewer. Unmasked rows are audited in one batch.
    public func list(_ filter: CustomerFilter, after cursor: String?, limit: Int, for principal: Principal,
                     reveal: Bool = false) async throws(DangolError) -> Page<CustomerView> {
        try principal.require(scope: "customers:read")
        let pageSize = min(max(limit, 1), 200)
        if let cursor, !CustomerID.isWellFormed(cursor) {
            throw DangolError.invalid(field: "cursor", code: "cursor.invalid", "The cursor is not valid.")
        }
        let (customers, records) = try await services.read { db in
            let found = try await self.customers.list(filter, after: cursor.map(CustomerID.init(rawValue:)), limit: pageSize + 1, on: db)
            let page = Array(found.prefix(pageSize))
            return (found, try await identifiers.list(customerIDs: page.map(\.id), on: db))
        }
        let page = Array(customers.prefix(pageSize))
        let views = try await presentAll(page, identifiers: records, for: principal, reveal: reveal, detail: "list")
        return Page(items: views, nextCursor: customers.count > pageSize ? page.last?.id.rawValue : nil)
    }

    /// The live customers with these ids, in the order given (unknown, deleted and merged ones left out), masked per
    /// viewer like ``list(_:after:limit:for:reveal:)``; unmasked rows are audited in one batch with `detail` saying
    /// which list showed them (`lookalikes`).
    public func views(_ ids: [CustomerID], for principal: Principal, detail: String) async throws(DangolError) -> [CustomerView] {
        try principal.require(scope: "customers:read")
        let (found, records) = try await services.read { db in
            let found = try await customers.findLive(ids, on: db)
            return (found, try await identifiers.list(customerIDs: found.map(\.id), on: db))
        }
        var position: [CustomerID: Int] = [:]
        for (index, id) in ids.enumerated() where position[id] == nil { position[id] = index }
        let ordered = found.sorted { (position[$0.id] ?? 0) < (position[$1.id] ?? 0) }
        return try await presentAll(ordered, identifiers: records, for: principal, reveal: false, detail: detail)
    }

    /// Views of `customers` for the viewer; the unmasked ones are audited together.
    private func presentAll(_ customers: [Customer], identifiers records: [CustomerID: [IdentifierRecord]], for principal: Principal,
                            reveal: Bool, detail: String) async throws(DangolError) -> [CustomerView] {
        let views = customers.map { presenter.view($0, identifiers: records[$0.id] ?? [], for: principal, reveal: reveal) }
        let unmasked = views.filter { !$0.masked }
        if !unmasked.isEmpty {
            let now = services.clock.now()
            let entries = unmasked.map { auditEntry(principal, "customer.read_unmasked", $0.id, now, detail: detail) }
            try await services.transaction { db in try await audit.append(entries, on: db) }
        }
        return views
    }

    /// Finds the live customer holding an identifier (`type=phone&value=010-1234-5678`). For weak identifiers several
    /// customers may match; the earliest is returned and the rest are listed by `lookupAll`.
    public func lookup(type typeName: String, value: String, for principal: Principal) async throws(DangolError) -> CustomerView {
        let matches = try await lookupAll(type: typeName, value: value, for: principal)
        guard let first = matches.first else { throw DangolError.notFound("A customer with this identifier") }
        return first
    }

    /// Every live customer carrying the identifier.
    public func lookupAll(type typeName: String, value: String, for principal: Principal) async throws(DangolError) -> [CustomerView] {
        try principal.require(scope: "customers:read")
        guard let type = IdentifierType(apiName: typeName) else {
            throw DangolError.invalid(field: "type", code: "identifier.unknown_type", "Unknown identifier type.")
        }
        let rrnEnabled = true  // lookups of an RRN are allowed whenever one could have been stored
        let key = try IdentifierPreparer(vault: services.vault, rrnCollectionEnabled: rrnEnabled).lookupKey(type: type, value: value)
        let found = try await services.read { db in
            let ids = try await identifiers.customers(type: key.type, matchKey: key.matchKey, on: db)
            var result: [(Customer, [IdentifierRecord])] = []
            for id in ids.prefix(20) {
                if let customer = try await customers.find(id, on: db), customer.isLive {
                    result.append((customer, try await identifiers.list(customerID: id, on: db)))
                }
            }
            return result
        }
        var views: [CustomerView] = []
        for (customer, records) in found {
            views.append(try await present(customer, records, for: principal, reveal: false))
        }
        return views
    }

    /// The audit log of one customer (admins and managers).
    public func auditTrail(_ id: CustomerID, for principal: Principal) async throws(DangolError) -> [AuditEntry] {
        guard principal.role == .admin || principal.role == .manager else {
            throw DangolError(.forbidden, "Only admins and managers may read the audit log.")
        }
        return try await services.read { db in try await audit.list(customerID: id, on: db) }
    }
}
