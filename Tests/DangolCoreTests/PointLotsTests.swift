import Foundation
import DangolCore
import Testing

@Suite("Point ledger: lots, spending order, expiry")
struct PointLotsTests {
    static let day: Int64 = 86_400_000

    /// A tiny deterministic generator (SplitMix64) so a failing sequence fails the same way every run.
    struct Random {
        var state: UInt64
        mutating func next(_ bound: Int64) -> Int64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return Int64((z ^ (z >> 31)) % UInt64(max(bound, 1)))
        }
    }

    @Test("Any sequence of earn, redeem, expire, reverse and adjust keeps balance = sum ≥ 0 and spends and expires oldest first",
          arguments: Array(1...40))
    func invariants(seed: Int) {
        var random = Random(state: UInt64(seed))
        var entries: [PointEntry] = []
        var lots = PointLots(entries: [])
        var originals: [Int64: Int64] = [:]
        var now: Int64 = 1_795_305_600_000
        for step in 0..<300 {
            now += random.next(20) * Self.day
            let sequence = Int64(step + 1)
            let time = Timestamp(rawValue: now)
            var entry: PointEntry?
            switch random.next(6) {
            case 0, 1:
                entry = PointEntry(sequence: sequence, kind: .earn, points: 1 + random.next(500), at: time,
                                   expiresAt: Timestamp(rawValue: now + (30 + random.next(400)) * Self.day))
            case 2:
                let spendable = lots.balance - lots.expiring(at: time)
                if spendable > 0 { entry = PointEntry(sequence: sequence, kind: .redeem, points: -(1 + random.next(spendable)), at: time) }
                // Asking for more than is spendable is refused.
                #expect(throws: PointLots.Refusal.self) { try lots.check(.redeem, points: -(spendable + 1), at: time) }
            case 3:
                let due = lots.expiring(at: time)
                if due > 0 { entry = PointEntry(sequence: sequence, kind: .expire, points: -due, at: time) }
            case 4:
                let spendable = lots.balance - lots.expiring(at: time)
                if spendable > 0 { entry = PointEntry(sequence: sequence, kind: .reverse, points: -(1 + random.next(min(spendable, 200))), at: time) }
            default:
                let spendable = lots.balance - lots.expiring(at: time)
                let points = random.next(2) == 0 ? 1 + random.next(100) : -min(spendable, 1 + random.next(100))
                if points != 0 {
                    entry = PointEntry(sequence: sequence, kind: .adjust, points: points, at: time,
                                       expiresAt: points > 0 ? Timestamp(rawValue: now + 365 * Self.day) : nil, reason: "correction")
                }
            }
            guard let entry else { continue }
            #expect(throws: Never.self) { try lots.check(entry.kind, points: entry.points, at: time) }
            let before = lots
            lots.apply(entry)
            entries.append(entry)
            if entry.points > 0 { originals[entry.sequence] = entry.points }

            #expect(lots.balance == entries.reduce(0) { $0 + $1.points })
            #expect(lots.balance >= 0)
            #expect(lots.lots.reduce(0) { $0 + $1.remaining } == lots.balance)
            #expect(PointLots(entries: entries) == lots, "replaying the ledger gives the same state")
            if entry.kind == .expire {
                #expect(lots.expiring(at: time) == 0, "nothing past its expiry is left")
            } else if entry.points < 0 {
                // FIFO: of the lots that were spendable, only the oldest one touched may be left partly spent.
                let live = before.lots.filter { $0.expiresAt.map { $0 > time } ?? true }
                let after = Dictionary(uniqueKeysWithValues: lots.lots.map { ($0.sequence, $0.remaining) })
                var sawPartial = false
                for lot in live {
                    let left = after[lot.sequence] ?? 0
                    if sawPartial { #expect(left == lot.remaining, "a younger lot was spent before an older one") }
                    if left > 0 { sawPartial = true }
                }
            }
        }
    }

    @Test("The expire entry must take exactly what is due, and expired points cannot be spent")
    func expiry() throws {
        let start: Int64 = 1_795_305_600_000
        let entries = [
            PointEntry(sequence: 1, kind: .earn, points: 100, at: Timestamp(rawValue: start), expiresAt: Timestamp(rawValue: start + 10 * Self.day)),
            PointEntry(sequence: 2, kind: .earn, points: 50, at: Timestamp(rawValue: start + Self.day), expiresAt: Timestamp(rawValue: start + 400 * Self.day)),
            PointEntry(sequence: 3, kind: .redeem, points: -30, at: Timestamp(rawValue: start + 2 * Self.day)),
        ]
        let lots = PointLots(entries: entries)
        let later = Timestamp(rawValue: start + 11 * Self.day)
        #expect(lots.balance == 120)
        #expect(lots.expiring(at: later) == 70)     // the first lot, 30 of it spent
        #expect(throws: PointLots.Refusal.insufficient(balance: 50)) { try lots.check(.redeem, points: -51, at: later) }
        #expect(throws: PointLots.Refusal.expiryMismatch(expected: -70)) { try lots.check(.expire, points: -60, at: later) }
        try lots.check(.expire, points: -70, at: later)
        #expect(throws: PointLots.Refusal.invalidAmount) { try lots.check(.earn, points: -5, at: later) }
    }
}

@Suite("Membership tiers")
struct TierProgramTests {
    @Test("The tier is the highest threshold reached, boundaries included", arguments: [
        (Int64(-5_000), "general"), (0, "general"), (299_999, "general"), (300_000, "silver"), (999_999, "silver"),
        (1_000_000, "gold"), (2_999_999, "gold"), (3_000_000, "vip"), (90_000_000, "vip"),
    ])
    func boundaries(spend: Int64, code: String) {
        let expected: String? = spend < 0 ? nil : code
        #expect(TierProgram.standard.tier(forSpend: spend)?.code == expected)
    }

    @Test("Tiers given in any order are sorted by threshold")
    func sorting() {
        let program = TierProgram(tiers: Array(TierProgram.standard.tiers.reversed()))
        #expect(program.tiers.map(\.code) == ["general", "silver", "gold", "vip"])
    }
}

@Suite("Earning points")
struct PointsProgramTests {
    @Test("Rate per channel × tier multiplier, rounded down once at the end (19.99 × 2 = 39.98 → 39)", arguments: [
        (Int64(15_000), "store", 1.0, Int64(150)), (15_000, "store", 1.2, 180), (15_000, "app", 1.0, 300), (99, "store", 1.0, 0),
        (-15_000, "store", 1.5, 225), (1_999, "web", 2.0, 39),
    ])
    func earning(amount: Int64, channel: String, multiplier: Double, expected: Int64) {
        #expect(PointsProgram.standard.points(forAmount: amount, channel: channel, multiplier: multiplier) == expected)
    }
}

@Suite("Earning points by line")
struct PointsByLineTests {
    @Test("Lines earn their category's rate or the channel's; the sum is rounded once, as the programme says", arguments: [
        (PointsProgram.Rounding.down, Int64(800)), (.nearest, 800), (.up, 801),
    ])
    func rounding(mode: PointsProgram.Rounding, expected: Int64) {
        let program = PointsProgram(rateBasisPoints: ["web": 300], defaultRateBasisPoints: 100, lifetimeMonths: 12,
                                    categoryRateBasisPoints: ["커피": 500], rounding: mode)
        // 10,001 × 5 % + 10,001 × 3 % = 800.08
        #expect(program.points(forLines: [(10_001, "커피"), (10_001, "용품")], channel: "web", multiplier: 1) == expected)
        // Without lines of a rated category, the channel rate applies to everything: 20,002 × 1 % = 200.02.
        #expect(program.points(forLines: [(20_002, nil)], channel: "store", multiplier: 1) == (mode == .up ? 201 : 200))
        // Negative amounts (refunds) earn the same magnitude.
        #expect(program.points(forAmount: -20_002, channel: "store", multiplier: 1.5) == (mode == .up ? 301 : 300))
    }

    @Test("A programme stored before a setting existed reads with the standard value for it")
    func decodesOlderPrograms() throws {
        let json = #"{"rateBasisPoints":{"app":200},"defaultRateBasisPoints":100,"lifetimeMonths":24}"#
        let program = try JSONDecoder().decode(PointsProgram.self, from: Data(json.utf8))
        #expect(program == .standard)
        let tiers = try JSONDecoder().decode(TierProgram.self, from: Data(#"{"tiers":[{"code":"b","nameKorean":"나","nameEnglish":"B","minimumSpendMinor":100,"pointMultiplier":2},{"code":"a","nameKorean":"가","nameEnglish":"A","minimumSpendMinor":0,"pointMultiplier":1}]}"#.utf8))
        #expect(tiers.tiers.map(\.code) == ["a", "b"] && tiers.windowDays == 365)
    }
}
