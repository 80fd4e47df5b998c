import DangolCore
import DangolStore

/// A recorded transaction as the API shows it. No personal data: the buyer is an id.
public struct TransactionView: Codable, Sendable, Hashable {
    public var id: String
    public var source: String
    public var externalId: String
    public var customerId: CustomerID?
    public var kind: String
    public var channel: String
    public var store: String?
    public var occurredAt: Timestamp
    public var amount: Int64
    public var cost: Int64?
    public var currency: String
    public var refundOf: String?
    public var attachedAt: Timestamp?
    public var lines: [TransactionLine]

    init(_ record: TransactionRecord) {
        id = record.id
        source = record.source
        externalId = record.externalID
        customerId = record.customerID
        kind = record.kind.rawValue
        channel = record.channel
        store = record.store
        occurredAt = record.occurredAt
        amount = record.amountMinor
        cost = record.costMinor
        currency = record.currency
        refundOf = record.refundOf
        attachedAt = record.attachedAt
        lines = record.lines
    }
}

/// The result of recording one transaction.
public struct TransactionResult: Codable, Sendable, Hashable {
    public var transaction: TransactionView
    /// False when the same source and external id was recorded before (nothing changed).
    public var created: Bool
    /// How the buyer's details were resolved, when they were given (`created`, `matched_by_identifier`…).
    public var resolution: String?
}
