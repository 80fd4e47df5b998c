import DangolCore
import DangolStore
import SQLKit

/// Earns points for a purchase and takes them back for a refund (``PointsProgram`` × the buyer's tier multiplier),
/// inside the transaction that records the sale. Keyed by the sale (`txn:<id>`), so a sale never earns twice; a
/// refund takes back at most what can still be spent (the balance never goes negative).
struct PointsEarner: Sendable {
    var program: PointsProgram = .standard
    var tiers: TierProgram = .standard
    private let points = PointRepository()

    func apply(_ sale: TransactionRecord, at now: Timestamp, on db: any SQLDatabase) async throws {
        guard let customer = sale.customerID else { return }
        if sale.kind == .refund && !program.reverseOnRefund { return }
        let tier = try await TierRepository().currentTier(of: customer, on: db).flatMap(tiers.tier(code:))
        let multiplier = tier?.pointMultiplier ?? 1
        let amount: Int64
        if !program.categoryRateBasisPoints.isEmpty, !sale.lines.isEmpty {
            // Lines of a category with its own rate earn that rate; the rest the channel's. Lines are scaled to the
            // sale's amount, so a discount on the whole sale shrinks every line alike.
            let categories = try await ProductRepository().categories(of: Array(Set(sale.lines.compactMap(\.sku))), on: db)
            let linesTotal = sale.lines.reduce(Int64(0)) { $0 + $1.amountMinor }
            let scale = linesTotal == 0 ? 1 : Double(sale.amountMinor) / Double(linesTotal)
            amount = program.points(forLines: sale.lines.map { (Int64((Double($0.amountMinor) * scale).rounded()), $0.sku.flatMap { categories[$0] }) },
                                    channel: sale.channel, multiplier: multiplier)
        } else {
            amount = program.points(forAmount: sale.amountMinor, channel: sale.channel, multiplier: multiplier)
        }
        guard amount > 0 else { return }
        try await points.lock(customer, on: db)
        let key = "txn:" + sale.id
        guard try await points.entry(customerID: customer, idempotencyKey: key, on: db) == nil else { return }
        switch sale.kind {
        case .purchase:
            let entry = PointEntry(kind: .earn, points: amount, at: now,
                                   expiresAt: PointsService.testableAdding(months: program.lifetimeMonths, to: now), reason: nil, reference: sale.id)
            _ = try await points.append(entry, customerID: customer, recordedBy: "system:points", idempotencyKey: key, on: db)
        case .refund:
            let lots = PointLots(entries: try await points.lotEntries(of: customer, on: db))
            let take = min(amount, lots.balance - lots.expiring(at: now))
            guard take > 0 else { return }
            let entry = PointEntry(kind: .reverse, points: -take, at: now, reason: "refund of \(sale.refundOf ?? "?")", reference: sale.id)
            _ = try await points.append(entry, customerID: customer, recordedBy: "system:points", idempotencyKey: key, on: db)
        }
    }
}
