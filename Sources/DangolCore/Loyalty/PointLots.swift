/// The state of a point ledger: the lots of points still unspent, oldest first, derived by replaying the entries.
///
/// Positive entries (earn, positive adjust) open a lot; redeem, reverse and negative adjust consume the oldest lots
/// first (FIFO); expire consumes the lots whose expiry has passed. So the oldest points are always the first to be
/// spent and the first to expire, and the balance is the sum of the entries.
///
/// ```swift
/// let lots = PointLots(entries: ledger)
/// lots.balance                     // 1,200
/// lots.expiring(at: now)           // 300: unspent points whose expiry has passed
/// try lots.check(.redeem, points: -500, at: now)   // throws when the balance would go below zero
/// ```
public struct PointLots: Sendable, Hashable {
    /// A lot of points earned together.
    public struct Lot: Sendable, Hashable {
        public var sequence: Int64
        public var earnedAt: Timestamp
        public var expiresAt: Timestamp?
        public var remaining: Int64
    }

    /// Unspent lots, oldest first.
    public private(set) var lots: [Lot] = []
    /// The sum of all entries.
    public private(set) var balance: Int64 = 0

    /// Replays `entries` in ledger order.
    public init(entries: [PointEntry]) {
        for entry in entries.sorted(by: { $0.sequence < $1.sequence }) { apply(entry) }
    }

    /// Unspent points whose expiry is at or before `time`.
    public func expiring(at time: Timestamp) -> Int64 {
        lots.reduce(0) { sum, lot in
            guard let expiry = lot.expiresAt, expiry <= time else { return sum }
            return sum + lot.remaining
        }
    }

    /// Why an entry may not be appended.
    public enum Refusal: Error, Sendable, Hashable {
        /// The balance would fall below zero.
        case insufficient(balance: Int64)
        /// The sign does not fit the kind (earn is positive, redeem/expire/reverse negative), or the amount is zero.
        case invalidAmount
        /// An expire entry must take exactly the points that have expired.
        case expiryMismatch(expected: Int64)
    }

    /// Checks that an entry may be appended to this ledger.
    public func check(_ kind: PointEntry.Kind, points: Int64, at time: Timestamp) throws(Refusal) {
        switch kind {
        case .earn: guard points > 0 else { throw .invalidAmount }
        case .redeem, .reverse: guard points < 0 else { throw .invalidAmount }
        case .adjust: guard points != 0 else { throw .invalidAmount }
        case .expire:
            let due = expiring(at: time)
            guard points < 0, -points == due else { throw .expiryMismatch(expected: -due) }
        }
        if points < 0 {
            // What a redemption may spend excludes points already past their expiry (they are due to expire).
            let spendable = kind == .expire ? balance : balance - expiring(at: time)
            guard spendable + points >= 0 else { throw .insufficient(balance: spendable) }
        }
    }

    /// Applies one entry (already checked).
    public mutating func apply(_ entry: PointEntry) {
        balance += entry.points
        if entry.points > 0 {
            lots.append(Lot(sequence: entry.sequence, earnedAt: entry.at, expiresAt: entry.expiresAt, remaining: entry.points))
            return
        }
        var owed = -entry.points
        if entry.kind == .expire {
            for index in lots.indices where owed > 0 {
                guard let expiry = lots[index].expiresAt, expiry <= entry.at else { continue }
                let taken = min(owed, lots[index].remaining)
                lots[index].remaining -= taken
                owed -= taken
            }
        } else {
            // Spend the oldest points that have not expired yet.
            for index in lots.indices where owed > 0 {
                if let expiry = lots[index].expiresAt, expiry <= entry.at { continue }
                let taken = min(owed, lots[index].remaining)
                lots[index].remaining -= taken
                owed -= taken
            }
        }
        lots.removeAll { $0.remaining == 0 }
    }
}
