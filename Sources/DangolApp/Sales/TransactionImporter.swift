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

    /// Rows per transaction unless asked otherwise. Each commit writes every index page it touched (and SQLite
    /// checkpoints them into the file later), so a batch of 50,000 rows writes the hot pages of the time and external-id
    /// indexes a fifth as often as one of 10,000: 1M sales took 9.6 s instead of 11.5 s (2026-12-06).
    public static let defaultBatchSize = 50_000

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
    public func importFile(path: String, source: String = "import", batchSize: Int = Self.defaultBatchSize, rejectPath: String? = nil,
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
        guard let columns = TransactionImportColumns(header: header.fields) else {
            throw DangolError(.invalidInput, "The header needs external_id, occurred_at and channel columns.")
        }
        let idFloor = ImportIDFloor()
        let rejectFile = ImportRejectFile(path: rejectPath ?? path + ".rejects.csv", header: header.fields, replacingStale: rejectPath == nil)
        var summary = Summary()
        var finished = false
        let externalColumn = columns.externalID
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
        // The WAL is copied into the file on a connection of its own while the batches are written.
        let checkpoints = try? await services.database.startBackgroundCheckpoints()
        do throws(DangolError) {
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
                let prepared = prepare(batch, header: header.fields.count, columns: columns, source: source, ids: idFloor)
                if let writing {
                    try finish(await writing.value.get())
                    checkpoints?.batchCommitted()
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
        } catch {
            await checkpoints?.finish()
            throw error
        }
        await checkpoints?.finish()
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

    /// A batch parsed, validated and encoded, ready to be resolved and written.
    private struct PreparedBatch: Sendable {
        /// The valid sales, encoded for the insert; the buyer columns are filled in by `store`.
        var rows = TransactionRows()
        /// Per sale in `rows`: where it came from and how its buyer is found.
        var sales: [PreparedSale] = []
        var rejects: [ImportReject] = []
        var now: Timestamp
    }

    /// A valid sale's first CSV line (for a reject), the customer id it names, or the strong identifier its buyer is
    /// resolved by.
    private struct PreparedSale: Sendable {
        var line: Int
        var fields: [String]
        var customerID: String?
        var key: IdentifierKey?
    }

    /// Groups rows into transactions, validates them with the API's rules, encodes them for the insert and notes the
    /// identifier each buyer is resolved by. No I/O: runs while the previous batch is written.
    private func prepare(_ rows: [(line: Int, fields: [String])], header: Int, columns: TransactionImportColumns, source: String,
                         ids: ImportIDFloor) -> PreparedBatch {
        var outcome = PreparedBatch(now: services.clock.now())
        guard !rows.isEmpty else { return outcome }
        let now = outcome.now
        var allocator = ImportIDAllocator(now: now, floor: ids)
        let validator = TransactionService(services: services)
        // Group consecutive rows of one external id into one input.
        // A group keeps its first row's line and fields: a reject names the sale by them.
        var groups: [(line: Int, fields: [String], input: TransactionInput?, problems: [String])] = []
        for row in rows {
            guard row.fields.count == header else {
                outcome.rejects.append(ImportReject(line: row.line, problems: ["the row has \(row.fields.count) fields but the header has \(header)"], fields: row.fields))
                continue
            }
            var problems: [String] = []
            let externalID = columns.value(row.fields, columns.externalID) ?? ""
            var line: TransactionInput.Line?
            if columns.value(row.fields, columns.sku) != nil || columns.value(row.fields, columns.unitPrice) != nil {
                let quantity = Int64(columns.value(row.fields, columns.quantity) ?? "1")
                let price = columns.value(row.fields, columns.unitPrice).flatMap { Int64($0) }
                if quantity == nil { problems.append("quantity: not a whole number") }
                if price == nil { problems.append("unit_price: not a whole number") }
                if let quantity, let price {
                    line = .init(sku: columns.value(row.fields, columns.sku), quantity: quantity, unitPrice: price,
                                 unitCost: columns.value(row.fields, columns.unitCost).flatMap { Int64($0) })
                }
            }
            if let last = groups.indices.last, groups[last].input?.externalId == externalID, !externalID.isEmpty, problems.isEmpty, let line {
                if groups[last].input?.lines == nil { groups[last].input?.lines = [line] } else { groups[last].input?.lines?.append(line) }
                continue
            }
            let occurred = columns.value(row.fields, columns.occurredAt).flatMap(Self.parseTime)
            if occurred == nil { problems.append("occurred_at: not a date and time (ISO 8601 or YYYY-MM-DD HH:MM)") }
            let amount = columns.value(row.fields, columns.amount).map { Int64($0) }
            if let amount, amount == nil { problems.append("amount: not a whole number of minor units") }
            let input = occurred.map {
                TransactionInput(source: source, externalId: externalID, kind: columns.value(row.fields, columns.kind),
                                 channel: columns.value(row.fields, columns.channel) ?? "", store: columns.value(row.fields, columns.store),
                                 occurredAt: $0, currency: columns.value(row.fields, columns.currency), amount: amount ?? nil,
                                 refundOf: columns.value(row.fields, columns.refundOf), customerId: columns.value(row.fields, columns.customerID),
                                 lines: line.map { [$0] })
            }
            groups.append((row.line, row.fields, problems.isEmpty ? input : nil, problems))
        }
        // Validate with the API's rules; note the strong identifier each buyer is resolved by. The sales are written in
        // time order (ids follow it): the time index is then filled leaf after leaf instead of one random leaf per sale
        // when a file interleaves days (a third of the write time on such a file); the file's own order means nothing.
        outcome.rows = TransactionRows(capacity: groups.count)
        outcome.sales.reserveCapacity(groups.count)
        // The sort keys are taken out first: comparing through `groups[$0]` copied a whole group (arrays of fields)
        // per comparison, a fifth of the import's CPU.
        let order = groups.indices.map { (time: groups[$0].input?.occurredAt.rawValue ?? .min, index: $0) }.sorted { $0 < $1 }
        for group in order.lazy.map({ groups[$0.index] }) {
            guard let input = group.input else {
                outcome.rejects.append(ImportReject(line: group.line, problems: group.problems, fields: group.fields))
                continue
            }
            var errors: [FieldError] = []
            guard let record = validator.validate(input, id: allocator.next(), now: now, prefix: "", errors: &errors) else {
                outcome.rejects.append(ImportReject(line: group.line, problems: errors.map { "\($0.field): \($0.message)" }, fields: group.fields))
                continue
            }
            let row = group.fields
            var key: IdentifierKey?
            if input.customerId == nil {
                if let number = columns.value(row, columns.customerNumber) {
                    key = IdentifierKey(type: .customerNumber, matchKey: number)
                } else if let phone = columns.value(row, columns.mobilePhone), let normalized = try? PhoneNormalizer.normalize(phone) {
                    key = IdentifierKey(type: .mobilePhone, matchKey: normalized.e164)
                } else if let email = columns.value(row, columns.email), let normalized = try? EmailNormalizer.normalize(email) {
                    key = IdentifierKey(type: .email, matchKey: normalized.matchKey)
                }
            }
            outcome.rows.append(record)
            outcome.sales.append(PreparedSale(line: group.line, fields: row, customerID: input.customerId, key: key))
        }
        return outcome
    }

    /// Resolves the buyers of a prepared batch and writes it in one database transaction.
    private func store(_ batch: PreparedBatch) async throws(DangolError) -> Outcome {
        var outcome = Outcome()
        outcome.rejects = batch.rejects
        guard batch.rows.count > 0 else {
            outcome.rejects.sort { $0.line < $1.line }
            return outcome
        }
        let now = batch.now
        let sales = batch.sales
        let keys = Array(Set(sales.compactMap(\.key)))
        var rows = batch.rows
        // A bulk load: every buyer is a live customer read in this transaction, every line belongs to a sale inserted
        // in it (see `Database.bulkLoadTransaction`).
        let result = try await services.bulkLoadTransaction { db in
            let holders = keys.isEmpty ? [:] : try await IdentifierRepository().holdingIdentifiers(ofMany: keys, on: db)
            var rejected: Set<Int> = []
            var rejects: [ImportReject] = []
            for (index, sale) in sales.enumerated() {
                if let text = sale.customerID {
                    guard CustomerID.isWellFormed(text), let customer = try await CustomerRepository().find(CustomerID(text), on: db), customer.isLive else {
                        rejects.append(ImportReject(line: sale.line, problems: ["customer_id: no live customer has this id"], fields: sale.fields))
                        rejected.insert(index)
                        continue
                    }
                    rows.setBuyer(CustomerID(text), resolvedVia: nil, at: index)
                } else if let key = sale.key, let holder = holders[key] {
                    rows.setBuyer(holder.customerID, resolvedVia: holder.identifierID, at: index)
                }
            }
            let written = rejected.isEmpty ? rows : rows.filter { !rejected.contains($0) }
            let inserted = try await TransactionRepository().insertReportingSales(written, on: db)
            if !inserted.isEmpty {
                try await DomainEventRepository().append([.init(type: "transactions.imported", customerID: nil,
                                                                payload: #"{"source":"import","count":\#(inserted.count)}"#, at: now)], on: db)
            }
            let identified = inserted.lazy.filter { written.hasBuyer(at: $0) }.count
            return (written: written.count, inserted: inserted.count, identified: identified, rejects: rejects)
        }
        outcome.rejects += result.rejects
        outcome.created = result.inserted
        outcome.unchanged = result.written - result.inserted
        outcome.identified = result.identified
        outcome.rejects.sort { $0.line < $1.line }
        return outcome
    }

    /// ISO 8601 with a zone, or a local Seoul date and time (`2026-11-20 14:05`, seconds optional).
    static func parseTime(_ text: String) -> Timestamp? {
        if let local = parseLocalTime(text) { return local }
        if let parsed = Timestamp(iso8601: text) { return parsed }
        let parts = text.split(separator: " ")
        guard parts.count == 2, let date = CivilDate(iso8601: String(parts[0])) else { return nil }
        let clock = parts[1].split(separator: ":").compactMap { Int($0) }
        guard clock.count == 2 || clock.count == 3, (0..<24).contains(clock[0]), (0..<60).contains(clock[1]),
              clock.count == 2 || (0..<60).contains(clock[2]) else { return nil }
        let seconds = Int64(date.daysSinceEpoch) * 86_400 + Int64(clock[0] * 3_600 + clock[1] * 60 + (clock.count == 3 ? clock[2] : 0)) - 9 * 3_600
        return Timestamp(rawValue: seconds * 1_000)
    }

    /// `YYYY-MM-DD HH:MM` or `YYYY-MM-DD HH:MM:SS` in Seoul time, read byte by byte: the common form of a sales export,
    /// several times faster than splitting strings. Nil for anything else (the general path then decides).
    private static func parseLocalTime(_ text: String) -> Timestamp? {
        let utf8 = text.utf8
        guard utf8.count == 16 || utf8.count == 19 else { return nil }
        return utf8.withContiguousStorageIfAvailable { bytes -> Timestamp? in
            func number(_ start: Int, _ length: Int) -> Int? {
                var value = 0
                for index in start..<(start + length) {
                    let digit = bytes[index] &- 48
                    guard digit < 10 else { return nil }
                    value = value * 10 + Int(digit)
                }
                return value
            }
            guard bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"), bytes[10] == UInt8(ascii: " "), bytes[13] == UInt8(ascii: ":"),
                  let year = number(0, 4), let month = number(5, 2), let day = number(8, 2), let hour = number(11, 2),
                  let minute = number(14, 2), hour < 24, minute < 60, let date = CivilDate(year: year, month: month, day: day)
            else { return nil }
            var second = 0
            if bytes.count == 19 {
                guard bytes[16] == UInt8(ascii: ":"), let value = number(17, 2), value < 60 else { return nil }
                second = value
            }
            let seconds = Int64(date.daysSinceEpoch) * 86_400 + Int64(hour * 3_600 + minute * 60 + second) - 9 * 3_600
            return Timestamp(rawValue: seconds * 1_000)
        } ?? nil
    }
}
