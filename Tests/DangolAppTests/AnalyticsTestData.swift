import DangolApp
import DangolCore
import DangolStore
import Foundation

/// Customers and sales written straight into the store for the analytics tests. Business days are days since
/// 1970-01-01 in Asia/Seoul; the test clock's "today" is 2026-11-22 (09:00 KST).
enum AnalyticsTestData {
    static let dayMillis: Int64 = 86_400_000
    static let today = CivilDate(year: 2026, month: 11, day: 22)!.daysSinceEpoch

    /// The moment `hour`:`minute` KST on business day `day`.
    static func at(_ day: Int, hour: Int = 12, minute: Int = 0) -> Timestamp {
        Timestamp(rawValue: Int64(day) * dayMillis + Int64(hour) * 3_600_000 + Int64(minute) * 60_000 - 9 * 3_600_000)
    }

    /// A well-formed customer id whose order follows `index`.
    static func customerID(_ index: Int) -> CustomerID {
        CustomerID(String(format: "0190a000-0000-7000-8000-%012d", index))
    }

    static func insertCustomers(_ indices: [Int], into database: Database) async throws {
        let now = Timestamp(rawValue: 1_795_305_600_000)
        let customers = indices.map {
            Customer(id: customerID($0), kind: .person, displayName: "고객\($0)", lifecycleStage: .active, ownerID: nil,
                     createdAt: now, updatedAt: now)
        }
        try await database.transaction { db in try await CustomerRepository().insert(customers, on: db) }
    }

    /// A sale (or, with a negative amount, a refund) of customer `index`.
    static func sale(_ externalID: String, customer index: Int, at time: Timestamp, amount: Int64, cost: Int64? = nil,
                     currency: String = "KRW", refundOf: String? = nil) -> TransactionRecord {
        TransactionRecord(id: UUID().uuidString.lowercased(), source: "pos", externalID: externalID, customerID: customerID(index),
                          kind: amount < 0 ? .refund : .purchase, channel: "store", occurredAt: time, amountMinor: amount,
                          costMinor: cost, currency: currency, refundOf: refundOf, createdAt: time)
    }

    static func insert(_ sales: [TransactionRecord], into database: Database) async throws {
        try await database.transaction { db in _ = try await TransactionRepository().insert(sales, on: db) }
    }

    /// `count` customers buying as BG/NBD assumes (a Poisson rate while alive, a drop-out chance after each purchase),
    /// from a fixed seed; returns the sales.
    static func syntheticSales(customers count: Int, seed: UInt64 = 42) -> [TransactionRecord] {
        var state = seed
        func uniform() -> Double {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Double(state >> 11) / Double(1 << 53)
        }
        var sales: [TransactionRecord] = []
        for customer in 0..<count {
            let rate = 0.005 + 0.08 * uniform() * uniform()
            let dropOut = 0.05 + 0.5 * uniform()
            let spend = 5_000 + 30_000 * uniform()
            var time = Double(today - 400) + 370 * uniform()
            var index = 0
            while Int(time) <= today {
                let amount = Int64(spend * (0.6 + 0.8 * uniform()))
                sales.append(sale("S\(customer)-\(index)", customer: customer, at: at(Int(time), hour: 8 + index % 12),
                                  amount: amount, cost: amount * 6 / 10))
                index += 1
                if uniform() < dropOut { break }
                time += -log(max(uniform(), 1e-12)) / rate
            }
        }
        return sales
    }
}
