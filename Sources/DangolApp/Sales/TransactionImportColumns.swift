import DangolCore

/// Where each column a sales import reads sits in a row, found once from the header (by name, case-insensitive), so
/// that reading a field is an index, not a dictionary lookup per field per row.
struct TransactionImportColumns: Sendable {
    let externalID: Int
    let occurredAt: Int
    let channel: Int
    let kind: Int?
    let refundOf: Int?
    let store: Int?
    let currency: Int?
    let amount: Int?
    let sku: Int?
    let quantity: Int?
    let unitPrice: Int?
    let unitCost: Int?
    let customerID: Int?
    let customerNumber: Int?
    let mobilePhone: Int?
    let email: Int?

    /// Nil when the header lacks one of the required `external_id`, `occurred_at` and `channel`.
    init?(header: [String]) {
        let named = Dictionary(header.enumerated().map { ($1.trimmingWhitespace().lowercased(), $0) }, uniquingKeysWith: { first, _ in first })
        guard let externalID = named["external_id"], let occurredAt = named["occurred_at"], let channel = named["channel"] else { return nil }
        self.externalID = externalID
        self.occurredAt = occurredAt
        self.channel = channel
        kind = named["kind"]
        refundOf = named["refund_of"]
        store = named["store"]
        currency = named["currency"]
        amount = named["amount"]
        sku = named["sku"]
        quantity = named["quantity"]
        unitPrice = named["unit_price"]
        unitCost = named["unit_cost"]
        customerID = named["customer_id"]
        customerNumber = named["customer_number"]
        mobilePhone = named["mobile_phone"]
        email = named["email"]
    }

    /// The field at `index`, trimmed; nil when the column is missing or the field is empty.
    func value(_ row: [String], _ index: Int?) -> String? {
        guard let index, index < row.count else { return nil }
        let text = row[index].trimmingWhitespace()
        return text.isEmpty ? nil : text
    }
}
