import DangolCore

/// Sales encoded for a bulk insert ahead of the write: an importer builds them while the previous batch is being
/// written (on the other core), leaving only the buyer's two columns to fill in inside the write, once the buyers'
/// identifiers have been looked up there.
public struct TransactionRows: Sendable {
    /// Rows in `TransactionRepository.columns` order.
    private(set) var transactions: BulkRows
    /// Rows of `transaction_lines`, each sale's lines after one another.
    private(set) var lines: BulkRows
    /// The ids of the sales, in order.
    public private(set) var ids: [String] = []

    /// No sales yet; `capacity` is a hint: the number of sales to come.
    public init(capacity: Int = 0) {
        transactions = BulkRows(capacity: capacity * 15 * 8)
        lines = BulkRows(capacity: capacity * 2 * 7 * 8)
        ids.reserveCapacity(capacity)
    }

    /// The number of sales.
    public var count: Int { ids.count }

    /// Adds a sale with its lines.
    public mutating func append(_ transaction: TransactionRecord) {
        ids.append(transaction.id)
        transactions.row {
            $0.text(transaction.id); $0.text(transaction.source); $0.text(transaction.externalID)
            $0.text(transaction.customerID?.rawValue); $0.text(transaction.kind.rawValue); $0.text(transaction.channel)
            $0.text(transaction.store); $0.int(transaction.occurredAt.rawValue); $0.int(transaction.amountMinor)
            $0.int(transaction.costMinor); $0.text(transaction.currency); $0.text(transaction.refundOf)
            $0.text(transaction.resolvedVia); $0.int(transaction.createdAt.rawValue); $0.int(transaction.attachedAt?.rawValue)
        }
        for (index, line) in transaction.lines.enumerated() {
            lines.row {
                $0.text(transaction.id); $0.int(Int64(index + 1)); $0.text(line.sku); $0.int(line.quantity)
                $0.int(line.unitPriceMinor); $0.int(line.amountMinor); $0.int(line.costMinor)
            }
        }
    }

    /// Sets the buyer of sale `index` and the identifier they were recognised by.
    public mutating func setBuyer(_ customerID: CustomerID?, resolvedVia: String?, at index: Int) {
        transactions.setText(customerID?.rawValue, row: index, column: Self.customerColumn)
        transactions.setText(resolvedVia, row: index, column: Self.resolvedViaColumn)
    }

    /// The buyer of sale `index`, if set.
    public func buyer(at index: Int) -> CustomerID? {
        transactions.text(row: index, column: Self.customerColumn).map { CustomerID($0) }
    }

    /// Whether sale `index` has a buyer (without making a string of the id).
    public func hasBuyer(at index: Int) -> Bool {
        transactions.isText(row: index, column: Self.customerColumn)
    }

    /// Only the sales at the indices for which `keep` is true (with their lines).
    public func filter(_ keep: (Int) -> Bool) -> TransactionRows {
        var kept = self
        kept.transactions = transactions.filter(keep)
        let keptIDs = Set(ids.indices.filter(keep).map { ids[$0] })
        kept.lines = lines.filter { row in keptIDs.contains(lines.text(row: row, column: 0) ?? "") }
        kept.ids = ids.indices.filter(keep).map { ids[$0] }
        return kept
    }

    private static let customerColumn = 3
    private static let resolvedViaColumn = 12
}
