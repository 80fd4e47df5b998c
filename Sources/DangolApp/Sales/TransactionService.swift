import DangolCore
import DangolStore
import SQLKit

/// Recording sales: one transaction or a batch of up to 1,000, idempotent per source and external id, with the buyer
/// known, resolved from details, or anonymous; attaching an anonymous sale later (a receipt claimed by phone number).
/// A sale with a buyer updates their tier and earns points (a refund takes them back) in the same transaction.
/// Every call lands entirely or not at all, and appends `transaction.recorded` / `transaction.attached` events.
public struct TransactionService: Sendable {
    public let services: AppServices
    private let transactions = TransactionRepository()
    private let merges = MergeRepository()
    private let customers = CustomerRepository()
    private let events = DomainEventRepository()

    public init(services: AppServices) { self.services = services }

    /// The most transactions one batch call takes.
    public static let batchLimit = 1_000

    /// Records one transaction.
    public func record(_ input: TransactionInput, by principal: Principal) async throws(DangolError) -> TransactionResult {
        try await recordBatch([input], by: principal)[0]
    }

    /// Records up to 1,000 transactions in one database transaction. Every item is validated first; if any is
    /// invalid, nothing is recorded and the error lists each bad field as `items/<index>/<field>`.
    public func recordBatch(_ inputs: [TransactionInput], by principal: Principal) async throws(DangolError) -> [TransactionResult] {
        try principal.requireCustomerWrite()
        guard !inputs.isEmpty, inputs.count <= Self.batchLimit else {
            throw DangolError.invalid(field: "items", code: "count", "Send 1 to \(Self.batchLimit) transactions per call.")
        }
        let now = services.clock.now()
        var errors: [FieldError] = []
        var prepared: [TransactionRecord] = []
        for (index, input) in inputs.enumerated() {
            let prefix = inputs.count == 1 ? "" : "items/\(index)/"
            if let record = validate(input, id: services.ids.next(), now: now, prefix: prefix, errors: &errors) { prepared.append(record) }
        }
        guard errors.isEmpty else { throw DangolError.invalid(errors) }
        let resolver = CustomerResolver(services: services)
        let configuration = inputs.contains { $0.customer != nil } ? try await resolver.loadConfiguration() : nil
        return try await services.transaction { db in
            var results: [TransactionResult] = []
            var records = prepared
            var resolutions: [String?] = Array(repeating: nil, count: inputs.count)
            for index in records.indices {
                let input = inputs[index]
                if let text = input.customerId {
                    records[index].customerID = try await liveCustomer(CustomerID(text), field: (inputs.count == 1 ? "" : "items/\(index)/") + "customerId", on: db)
                } else if let details = input.customer, let configuration {
                    let (outcome, customer, _, _) = try await resolver.resolve(details, newID: services.ids.customerID(),
                                                                               configuration: configuration, at: now, by: principal, on: db)
                    records[index].customerID = customer
                    resolutions[index] = outcome.rawValue
                }
            }
            let inserted = try await transactions.insert(records, on: db)
            var recordedEvents: [DomainEventRepository.Event] = []
            for (index, record) in records.enumerated() {
                if inserted.contains(record.id) {
                    recordedEvents.append(.init(type: "transaction.recorded", customerID: record.customerID, payload: """
                        {"transaction":"\(record.id)","kind":"\(record.kind.rawValue)","amount":\(record.amountMinor),"currency":"\(record.currency)"}
                        """, at: now))
                    results.append(TransactionResult(transaction: TransactionView(record), created: true, resolution: resolutions[index]))
                } else {
                    guard let existing = try await transactions.find(source: record.source, externalID: record.externalID, on: db) else {
                        throw DangolError(.conflict, "The transaction \(record.externalID) was recorded and removed at the same moment; send it again.")
                    }
                    results.append(TransactionResult(transaction: TransactionView(existing), created: false, resolution: resolutions[index]))
                }
            }
            try await events.append(recordedEvents, on: db)
            // Tiers follow purchases at once (and nightly, for spend rolling off the window).
            let buyers = Set(records.filter { inserted.contains($0.id) }.compactMap(\.customerID))
            let program = buyers.isEmpty ? LoyaltyProgram.standard : try await LoyaltySettingsService.program(on: db)
            for buyer in buyers.sorted(by: { $0.rawValue < $1.rawValue }) {
                try await TierService(services: services, program: program.tiers, currency: program.currency)
                    .evaluate(buyer, at: now, reason: "purchase", on: db)
            }
            // Then points, at the tier just reached.
            let earner = PointsEarner(program: program.points, tiers: program.tiers)
            for record in records where inserted.contains(record.id) && record.customerID != nil {
                try await earner.apply(record, at: now, on: db)
            }
            return results
        }
    }

    /// Attaches an anonymous transaction to a customer (e.g. a receipt claimed later by phone number).
    /// - Throws: `notFound`; `conflict` when the transaction already has a customer.
    public func attach(_ id: String, to customerID: CustomerID, by principal: Principal) async throws(DangolError) -> TransactionView {
        try principal.requireCustomerWrite()
        let now = services.clock.now()
        return try await services.transaction { db in
            guard try await transactions.find(id: id, on: db) != nil else { throw DangolError.notFound("The transaction") }
            let customer = try await liveCustomer(customerID, field: "customerId", on: db)
            guard try await transactions.attach(id: id, to: customer, via: nil, at: now, on: db) else {
                throw DangolError(.conflict, "The transaction already belongs to a customer.")
            }
            try await events.append([.init(type: "transaction.attached", customerID: customer, payload: #"{"transaction":"\#(id)"}"#, at: now)], on: db)
            // A receipt claimed later earns its points now.
            if let attached = try await transactions.find(id: id, on: db) {
                let program = try await LoyaltySettingsService.program(on: db)
                try await TierService(services: services, program: program.tiers, currency: program.currency)
                    .evaluate(customer, at: now, reason: "purchase", on: db)
                try await PointsEarner(program: program.points, tiers: program.tiers).apply(attached, at: now, on: db)
            }
            try await AuditRepository().append([AuditEntry(at: now, actorID: principal.userID, actorRole: principal.role.rawValue,
                                                           action: "transaction.attach", customerID: customer, detail: "transaction=\(id)",
                                                           sourceIP: principal.sourceIP, requestID: principal.requestID)], on: db)
            guard let record = try await transactions.find(id: id, on: db) else { throw DangolError.notFound("The transaction") }
            return TransactionView(record)
        }
    }

    /// Attaches an anonymous transaction to the customer whose mobile phone this is (a receipt claimed at the till).
    /// - Throws: `invalidInput` for a number that is not a phone; `notFound` when no live customer has it.
    public func attach(_ id: String, phone: String, by principal: Principal) async throws(DangolError) -> TransactionView {
        let normalized: String
        do {
            normalized = try PhoneNormalizer.normalize(phone).e164
        } catch {
            throw DangolError.invalid(field: "phone", code: "invalid", error.message)
        }
        let holders = try await services.read { db in
            try await IdentifierRepository().customers(type: .mobilePhone, matchKey: normalized, on: db)
        }
        guard let holder = holders.first else { throw DangolError.notFound("A customer with this phone number") }
        return try await attach(id, to: holder, by: principal)
    }

    /// A live customer, following merges to the survivor (a sale sent for a merged record goes to the golden one).
    private func liveCustomer(_ id: CustomerID, field: String, on db: any SQLDatabase) async throws -> CustomerID {
        var current = id
        for _ in 0..<16 {
            guard let next = try await merges.mergedInto(current, on: db) else { break }
            current = next
        }
        guard CustomerID.isWellFormed(id.rawValue), let customer = try await customers.find(current, on: db), customer.isLive else {
            throw DangolError.invalid(field: field, code: "unknown", "No live customer has this id.")
        }
        return current
    }

    /// Checks one input and turns it into a record (customer not yet decided).
    func validate(_ input: TransactionInput, id: String, now: Timestamp, prefix: String, errors: inout [FieldError]) -> TransactionRecord? {
        let start = errors.count
        func fail(_ field: String, _ code: String, _ message: String) {
            errors.append(FieldError(field: prefix + field, code: code, message: message))
        }
        let source = input.source.trimmingWhitespace()
        if source.isEmpty || source.count > 100 { fail("source", "invalid", "source has 1–100 characters.") }
        let externalID = input.externalId.trimmingWhitespace()
        if externalID.isEmpty || externalID.count > 200 { fail("externalId", "invalid", "externalId has 1–200 characters.") }
        let kind = TransactionRecord.Kind(rawValue: input.kind ?? "purchase")
        if kind == nil { fail("kind", "invalid", "kind is purchase or refund.") }
        if !TransactionInput.channels.contains(input.channel) {
            fail("channel", "invalid", "channel is one of \(TransactionInput.channels.sorted().joined(separator: ", ")).")
        }
        let currency = input.currency ?? "KRW"
        if currency.count != 3 || !currency.unicodeScalars.allSatisfy({ $0.value >= 65 && $0.value <= 90 }) {
            fail("currency", "invalid", "currency is an ISO 4217 code such as KRW.")
        }
        if input.occurredAt.rawValue > now.rawValue + 300_000 { fail("occurredAt", "future", "occurredAt is in the future.") }
        if input.customerId != nil && input.customer != nil { fail("customer", "ambiguous", "Give customerId or customer, not both.") }
        if let text = input.customerId, !CustomerID.isWellFormed(text) { fail("customerId", "invalid", "customerId is not a customer id.") }
        if kind == .refund, (input.refundOf ?? "").isEmpty { fail("refundOf", "required", "A refund names the purchase it refunds.") }
        var lines: [TransactionLine] = []
        var linesTotal: Int64 = 0
        var cost: Int64? = 0
        for (index, line) in (input.lines ?? []).enumerated() {
            if line.quantity <= 0 { fail("lines/\(index)/quantity", "range", "quantity is a positive whole number.") }
            if line.unitPrice < 0 { fail("lines/\(index)/unitPrice", "range", "unitPrice must not be negative.") }
            let (product, overflow) = line.quantity.multipliedReportingOverflow(by: line.unitPrice)
            if overflow { fail("lines/\(index)/unitPrice", "range", "quantity × unitPrice is too large."); continue }
            let amount = line.amount ?? product
            if amount < 0 { fail("lines/\(index)/amount", "range", "amount must not be negative.") }
            linesTotal = linesTotal &+ amount
            let lineCost = line.unitCost.map { $0 &* line.quantity }
            if lineCost == nil { cost = nil } else if let lineCost, let running = cost { cost = running &+ lineCost }
            lines.append(TransactionLine(sku: line.sku, quantity: line.quantity, unitPriceMinor: line.unitPrice, amountMinor: amount,
                                         costMinor: lineCost))
        }
        if lines.isEmpty { cost = nil }
        guard let amount = input.amount ?? (lines.isEmpty ? nil : linesTotal) else {
            fail("amount", "required", "Give the amount or the lines.")
            return nil
        }
        if amount < 0 { fail("amount", "range", "amount is positive; a refund is kind refund.") }
        guard errors.count == start, let kind else { return nil }
        let sign: Int64 = kind == .refund ? -1 : 1
        return TransactionRecord(
            id: id, source: source, externalID: externalID, customerID: nil, kind: kind, channel: input.channel,
            store: input.store.map { $0.trimmingWhitespace() }.flatMap { $0.isEmpty ? nil : $0 }, occurredAt: input.occurredAt,
            amountMinor: sign * amount, costMinor: cost.map { sign * $0 }, currency: currency, refundOf: input.refundOf,
            createdAt: now,
            lines: lines.map { TransactionLine(sku: $0.sku, quantity: $0.quantity, unitPriceMinor: $0.unitPriceMinor,
                                               amountMinor: sign * $0.amountMinor, costMinor: $0.costMinor.map { sign * $0 }) })
    }
}
