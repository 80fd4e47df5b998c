import DangolCore
import DangolStore
import SQLKit

extension CustomerService {
    /// Records consent events (grants or withdrawals — withdrawing is the same call with `granted: false`) and returns
    /// the current state derived from the whole history.
    public func recordConsents(_ id: CustomerID, _ inputs: [ConsentInput], by principal: Principal) async throws(DangolError) -> ConsentState {
        try principal.requireCustomerWrite()
        guard !inputs.isEmpty else { throw DangolError.invalid(field: "consents", code: "required", "Give at least one consent event.") }
        let now = services.clock.now()
        return try await services.transaction { db in
            guard let customer = try await customers.find(id, on: db), customer.isLive else { throw DangolError.notFound("The customer") }
            var errors: [FieldError] = []
            var events: [ConsentEvent] = []
            for (index, input) in inputs.enumerated() {
                if let event = validator.validateConsent(input, field: "\(index)", now: now, recordedBy: principal.userID,
                                                         defaultChannel: "crm", errors: &errors) {
                    events.append(event)
                }
            }
            guard errors.isEmpty else { throw DangolError.invalid(errors) }
            try await history.appendConsents(events.map { (customer.id, $0) }, on: db)
            let summary = events.map { "\($0.purpose.rawValue)=\($0.granted ? "granted" : "withdrawn")" }.joined(separator: ",")
            try await audit.append([auditEntry(principal, "consent.record", id, now, detail: summary)], on: db)
            try await self.events.append([.init(type: "consent.changed", customerID: id, at: now)], on: db)
            return ConsentState(history: try await history.consents(of: id, on: db))
        }
    }

    /// The consent history (oldest first) and the state derived from it.
    public func consents(of id: CustomerID, for principal: Principal) async throws(DangolError) -> (state: ConsentState, history: [ConsentEvent]) {
        try principal.require(scope: "customers:read")
        let events = try await services.read { db in
            guard try await customers.find(id, on: db) != nil else { throw DangolError.notFound("The customer") }
            return try await history.consents(of: id, on: db)
        }
        return (ConsentState(history: events), events)
    }
}
