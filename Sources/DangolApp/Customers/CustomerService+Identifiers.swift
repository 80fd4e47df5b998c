import DangolCore
import DangolStore
import SQLKit

extension CustomerService {
    /// Adds identifiers to a customer. Strong identifiers held by another live customer fail with `identifierConflict`;
    /// one the customer already has is only marked as seen again.
    public func addIdentifiers(_ id: CustomerID, _ inputs: [IdentifierInput], by principal: Principal) async throws(DangolError) -> CustomerView {
        try principal.requireCustomerWrite()
        guard !inputs.isEmpty else { throw DangolError.invalid(field: "identifiers", code: "required", "Give at least one identifier.") }
        let now = services.clock.now()
        let (customer, records) = try await services.transaction { db in
            guard let customer = try await customers.find(id, on: db), customer.isLive else { throw DangolError.notFound("The customer") }
            let context = try await loadValidationContext(on: db)
            var errors: [FieldError] = []
            var fieldPaths: [String: String] = [:]
            let prepared = prepareIdentifiers(inputs, kind: customer.kind, customerID: id, context: context, now: now, source: "api",
                                              errors: &errors, fieldPaths: &fieldPaths)
            guard errors.isEmpty else { throw DangolError.invalid(errors) }
            try await ensureNoConflicts(prepared, owner: id, fieldPaths: fieldPaths, on: db)
            let existing = Set(try await identifiers.list(customerID: id, on: db).map { IdentifierKey(type: $0.type, matchKey: $0.matchKey) })
            let fresh = prepared.filter { !existing.contains(IdentifierKey(type: $0.type, matchKey: $0.matchKey)) }
            let repeated = prepared.filter { existing.contains(IdentifierKey(type: $0.type, matchKey: $0.matchKey)) }
            try await insertIdentifiers(fresh, owner: id, on: db)
            try await identifiers.touch(customerID: id, keys: repeated.map { IdentifierKey(type: $0.type, matchKey: $0.matchKey) }, at: now, on: db)
            if !fresh.isEmpty {
                try await audit.append([auditEntry(principal, "identifier.add", id, now,
                                                   detail: fresh.map(\.type.rawValue).joined(separator: ","))], on: db)
                try await events.append([.init(type: "identifier.added", customerID: id, at: now)], on: db)
            }
            return (customer, try await identifiers.list(customerID: id, on: db))
        }
        return try await present(customer, records, for: principal, reveal: false)
    }

    /// Removes one identifier from a customer.
    public func removeIdentifier(_ id: CustomerID, identifierID: String, by principal: Principal) async throws(DangolError) {
        try principal.requireCustomerWrite()
        let now = services.clock.now()
        try await services.transaction { db in
            guard let customer = try await customers.find(id, on: db), customer.isLive else { throw DangolError.notFound("The customer") }
            guard let removed = try await identifiers.delete(id: identifierID, customerID: id, on: db) else {
                throw DangolError.notFound("The identifier")
            }
            try await audit.append([auditEntry(principal, "identifier.remove", id, now, detail: removed.type.rawValue)], on: db)
            try await events.append([.init(type: "identifier.removed", customerID: id, at: now)], on: db)
        }
    }

    /// The identifiers of a customer, masked per viewer.
    public func identifiers(of id: CustomerID, for principal: Principal) async throws(DangolError) -> [IdentifierView] {
        try await view(id, for: principal).identifiers
    }
}
