import DangolCore
import DangolCSV
import DangolStore
import Foundation

/// Imports sales from CSV files of any size: streamed, in batches that each land entirely or not at all,
/// idempotent per source and external id, every bad row in the reject file with its line and reason.
///
/// Columns (by header): `external_id` (required), `occurred_at` (ISO 8601, or `YYYY-MM-DD HH:MM[:SS]` in Seoul time),
/// `channel` (store, web, app, call_center, partner), `kind` (purchase/refund), `refund_of`, `store`, `currency`
/// (KRW), `amount`, and one line per row: `sku`, `quantity`, `unit_price`, `unit_cost`. Consecutive rows with the
/// same `external_id` are one transaction with several lines. The buyer: `customer_id`, or a strong identifier —
/// `customer_number`, `mobile_phone`, `email` — held by a live customer (deterministic resolution); otherwise the
/// sale is anonymous (it still counts in revenue and can be attached later).
///
/// Tiers are not re-evaluated per imported sale; the nightly `dangol tiers evaluate` picks the imports up.
public struct TransactionImporter: Sendable {
    public let services: AppServices

    public init(services: AppServices) { self.services = services }

    /// What an import did.
    public struct Summary: Sendable, Hashable {
        public var rowsRead = 0
        public var created = 0
        public var unchanged = 0
        public var rejected = 0
        /// Created transactions with a known buyer.
        public var identified = 0
        public var rejectFile: String?
        public var elapsedSeconds = 0.0
    }

    /// Imports a file. `progress` hears rows read, bytes read and the file's size after each batch; `batchLanded`
    /// hears the running summary (with the rejects so far) after each batch has been committed.
    public func importFile(path: String, source: String = "import", batchSize: Int = 5_000, rejectPath: String? = nil,
                           by principal: Principal, progress: @Sendable (Int, Int64, Int64) -> Void = { _, _, _ in },
                           batchLanded: (@Sendable (Summary, Int64, Int64) async -> Void)? = nil) async throws(DangolError) -> Summary {
        try principal.requireCustomerWrite()
        guard (1...50_000).contains(batchSize) else { throw DangolError.invalid(field: "batchSize", code: "range", "batch size is 1–50,000.") }
        let started = ContinuousClock.now
        let reader: CSVFileReader
        do {
            reader = try CSVFileReader(path: path, options: CSVReaderOptions())
        } catch {
            throw DangolError(error.code == CSVOpenError.Code.fileNotFound ? .notFound : .invalidInput, "The input file cannot be read: \(error.reason).")
        }
        guard case .success(let header)? = reader.next() else {
            throw DangolError(.invalidInput, "The input has no readable header line.")
        }
        let columns = Dictionary(header.fields.enumerated().map { ($1.trimmingWhitespace().lowercased(), $0) }, uniquingKeysWith: { first, _ in first })
        guard columns["external_id"] != nil, columns["occurred_at"] != nil, columns["channel"] != nil else {
            throw DangolError(.invalidInput, "The header needs external_id, occurred_at and channel columns.")
        }
        let rejectFile = ImportRejectFile(path: rejectPath ?? path + ".rejects.csv", header: header.fields, replacingStale: rejectPath == nil)
        var summary = Summary()
        var finished = false
        let externalColumn = columns["external_id"] ?? 0
        func externalID(_ fields: [String]) -> String? { externalColumn < fields.count ? fields[externalColumn].trimmingWhitespace() : nil }
        // A batch closes only between two external ids, so a transaction's lines are always written together: the
        // first row of the next transaction, read to find the boundary, opens the next batch.
        var lookahead: (line: Int, fields: [String])?
        var writing: Task<Result<Outcome, DangolError>, Never>?
        func finish(_ outcome: Outcome) throws(DangolError) {
            try rejectFile.write(outcome.rejects)
            summary.created += outcome.created
            summary.unchanged += outcome.unchanged
            summary.identified += outcome.identified
            progress(summary.rowsRead, reader.bytesRead, reader.totalBytes)
        }
        while !finished {
            var batch: [(line: Int, fields: [String])] = []
            if let row = lookahead {
                batch.append(row)
                lookahead = nil
            }
            reading: while true {
                guard let result = reader.next() else {
                    finished = true
                    break
                }
                summary.rowsRead += 1
                switch result {
                case .success(let record):
                    let row = (line: record.line, fields: record.fields)
                    if batch.count >= batchSize, let last = batch.last, externalID(row.fields) != externalID(last.fields) {
                        lookahead = row
                        break reading
                    }
                    batch.append(row)
                case .failure(let error):
                    try rejectFile.write([ImportReject(line: error.line, problems: [error.reason], fields: [])])
                }
            }
            // Parse and validate this batch while the previous one is being written (two cores: one each).
            let prepared = prepare(batch, header: header.fields.count, columns: columns, source: source)
            if let writing {
                try finish(await writing.value.get())
                if let batchLanded {
                    var running = summary
                    running.rejected = rejectFile.count
                    await batchLanded(running, reader.bytesRead, reader.totalBytes)
                }
            }
            writing = Task { () async -> Result<Outcome, DangolError> in
                do throws(DangolError) { return .success(try await store(prepared)) } catch { return .failure(error) }
            }
        }
        if let writing { try finish(await writing.value.get()) }
        summary.rejected = rejectFile.count
        summary.rejectFile = try rejectFile.close()
        let elapsed = ContinuousClock.now - started
        summary.elapsedSeconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        return summary
    }

    private struct Outcome {
        var created = 0
        var unchanged = 0
        var identified = 0
        var rejects: [ImportReject] = []
    }

    /// A batch parsed and validated, ready to be resolved and written.
    private struct PreparedBatch: Sendable {
        var groups: [(lines: [Int], fields: [[String]], input: TransactionInput?, problems: [String])] = []
        var records: [(record: TransactionRecord, group: Int)] = []
        var keys: [Int: IdentifierKey] = [:]
        var rejects: [ImportReject] = []
        var now: Timestamp
    }

    /// Groups rows into transactions, validates them with the API's rules and notes the identifier each buyer is
    /// resolved by. No I/O: runs while the previous batch is written.
    private func prepare(_ rows: [(line: Int, fields: [String])], header: Int, columns: [String: Int], source: String) -> PreparedBatch {
        var outcome = PreparedBatch(now: services.clock.now())
        guard !rows.isEmpty else { return outcome }
        let now = outcome.now
        let validator = TransactionService(services: services)
        func value(_ row: [String], _ name: String) -> String? {
            guard let index = columns[name], index < row.count else { return nil }
            let text = row[index].trimmingWhitespace()
            return text.isEmpty ? nil : text
        }
        // Group consecutive rows of one external id into one input.
        var groups: [(lines: [Int], fields: [[String]], input: TransactionInput?, problems: [String])] = []
        for row in rows {
            guard row.fields.count == header else {
                outcome.rejects.append(ImportReject(line: row.line, problems: ["the row has \(row.fields.count) fields but the header has \(header)"], fields: row.fields))
                continue
            }
            var problems: [String] = []
            let externalID = value(row.fields, "external_id") ?? ""
            var line: TransactionInput.Line?
            if value(row.fields, "sku") != nil || value(row.fields, "unit_price") != nil {
                let quantity = Int64(value(row.fields, "quantity") ?? "1")
                let price = value(row.fields, "unit_price").flatMap { Int64($0) }
                if quantity == nil { problems.append("quantity: not a whole number") }
                if price == nil { problems.append("unit_price: not a whole number") }
                if let quantity, let price {
                    line = .init(sku: value(row.fields, "sku"), quantity: quantity, unitPrice: price,
                                 unitCost: value(row.fields, "unit_cost").flatMap { Int64($0) })
                }
            }
            if var last = groups.last, var input = last.input, input.externalId == externalID, !externalID.isEmpty, problems.isEmpty, let line {
                input.lines = (input.lines ?? []) + [line]
                last.input = input
                last.lines.append(row.line)
                last.fields.append(row.fields)
                groups[groups.count - 1] = last
                continue
            }
            let occurred = value(row.fields, "occurred_at").flatMap(Self.parseTime)
            if occurred == nil { problems.append("occurred_at: not a date and time (ISO 8601 or YYYY-MM-DD HH:MM)") }
            let amount = value(row.fields, "amount").map { Int64($0) }
            if let amount, amount == nil { problems.append("amount: not a whole number of minor units") }
            let input = occurred.map {
                TransactionInput(source: source, externalId: externalID, kind: value(row.fields, "kind"), channel: value(row.fields, "channel") ?? "",
                                 store: value(row.fields, "store"), occurredAt: $0, currency: value(row.fields, "currency"), amount: amount ?? nil,
                                 refundOf: value(row.fields, "refund_of"), customerId: value(row.fields, "customer_id"),
                                 lines: line.map { [$0] })
            }
            groups.append(([row.line], [row.fields], problems.isEmpty ? input : nil, problems))
        }
        // Validate with the API's rules; resolve buyers by strong identifiers in one lookup.
        var records: [(record: TransactionRecord, group: Int)] = []
        var keys: [Int: IdentifierKey] = [:]
        for (index, group) in groups.enumerated() {
            guard let input = group.input else {
                outcome.rejects.append(ImportReject(line: group.lines[0], problems: group.problems, fields: group.fields[0]))
                continue
            }
            var errors: [FieldError] = []
            guard let record = validator.validate(input, id: services.ids.next(), now: now, prefix: "", errors: &errors) else {
                outcome.rejects.append(ImportReject(line: group.lines[0], problems: errors.map { "\($0.field): \($0.message)" }, fields: group.fields[0]))
                continue
            }
            let row = group.fields[0]
            if input.customerId == nil {
                if let number = value(row, "customer_number") {
                    keys[records.count] = IdentifierKey(type: .customerNumber, matchKey: number)
                } else if let phone = value(row, "mobile_phone"), let normalized = try? PhoneNormalizer.normalize(phone) {
                    keys[records.count] = IdentifierKey(type: .mobilePhone, matchKey: normalized.e164)
                } else if let email = value(row, "email"), let normalized = try? EmailNormalizer.normalize(email) {
                    keys[records.count] = IdentifierKey(type: .email, matchKey: normalized.matchKey)
                }
            }
            records.append((record, index))
        }
        outcome.groups = groups
        outcome.records = records
        outcome.keys = keys
        return outcome
    }

    /// Resolves the buyers of a prepared batch and writes it in one database transaction.
    private func store(_ batch: PreparedBatch) async throws(DangolError) -> Outcome {
        var outcome = Outcome()
        outcome.rejects = batch.rejects
        guard !batch.records.isEmpty else {
            outcome.rejects.sort { $0.line < $1.line }
            return outcome
        }
        let now = batch.now
        let groups = batch.groups
        let recordsToWrite = batch.records
        let lookups = batch.keys
        let result = try await services.transaction { db in
            let holders = try await IdentifierRepository().holdingIdentifiers(ofMany: Array(Set(lookups.values)), on: db)
            var written: [TransactionRecord] = []
            var rejects: [ImportReject] = []
            for (position, entry) in recordsToWrite.enumerated() {
                var record = entry.record
                if let text = groups[entry.group].input?.customerId {
                    let id = CustomerID(text)
                    guard CustomerID.isWellFormed(text), let customer = try await CustomerRepository().find(id, on: db), customer.isLive else {
                        rejects.append(ImportReject(line: groups[entry.group].lines[0], problems: ["customer_id: no live customer has this id"],
                                                    fields: groups[entry.group].fields[0]))
                        continue
                    }
                    record.customerID = id
                } else if let key = lookups[position], let holder = holders[key] {
                    record.customerID = holder.customerID
                    record.resolvedVia = holder.identifierID
                }
                written.append(record)
            }
            let inserted = try await TransactionRepository().insert(written, on: db)
            if !inserted.isEmpty {
                try await DomainEventRepository().append([.init(type: "transactions.imported", customerID: nil,
                                                                payload: #"{"source":"import","count":\#(inserted.count)}"#, at: now)], on: db)
            }
            return (written, inserted, rejects)
        }
        outcome.rejects += result.2
        outcome.created = result.1.count
        outcome.unchanged = result.0.count - result.1.count
        outcome.identified = result.0.filter { result.1.contains($0.id) && $0.customerID != nil }.count
        outcome.rejects.sort { $0.line < $1.line }
        return outcome
    }

    /// ISO 8601 with a zone, or a local Seoul date and time (`2026-11-20 14:05`, seconds optional).
    static func parseTime(_ text: String) -> Timestamp? {
        if let parsed = Timestamp(iso8601: text) { return parsed }
        let parts = text.split(separator: " ")
        guard parts.count == 2, let date = CivilDate(iso8601: String(parts[0])) else { return nil }
        let clock = parts[1].split(separator: ":").compactMap { Int($0) }
        guard clock.count == 2 || clock.count == 3, (0..<24).contains(clock[0]), (0..<60).contains(clock[1]),
              clock.count == 2 || (0..<60).contains(clock[2]) else { return nil }
        let seconds = Int64(date.daysSinceEpoch) * 86_400 + Int64(clock[0] * 3_600 + clock[1] * 60 + (clock.count == 3 ? clock[2] : 0)) - 9 * 3_600
        return Timestamp(rawValue: seconds * 1_000)
    }
}
