import DangolAnalytics
import Foundation
import Testing

@Suite("Lookalikes")
struct LookalikeTests {
    static func traits(_ id: String, tags: [String] = [], kind: String = "person", age: Int? = nil, email: String? = nil,
                       purchases: Int = 0, spend: Double = 0, contacts: Int = 0) -> LookalikeTraits {
        LookalikeTraits(customerID: id, kind: kind, tags: tags, age: age, emailDomain: email, earlyPurchases: purchases,
                        earlySpend: spend, earlyContacts: contacts)
    }

    @Test("One telling tag: the candidate with it scores 1, the one without −1")
    func oneFeature() throws {
        let seed = [Self.traits("s1", tags: ["VIP"]), Self.traits("s2", tags: ["VIP"])]
        let candidates = [Self.traits("a", tags: ["VIP"]), Self.traits("b")]
        let model = try LookalikeModel(seed: seed, candidates: candidates)
        // kind and e-mail class are the same for everyone: no spread, dropped.
        #expect(model.dimensions == [.tag("VIP")])
        let ranked = model.rank(candidates, limit: 10)
        #expect(ranked.map(\.customerID) == ["a", "b"])
        #expect(abs(ranked[0].similarity - 1) < 1e-12 && abs(ranked[1].similarity + 1) < 1e-12)
        #expect(ranked[0].contributions == [LookalikeMatch.Contribution(feature: .tag("VIP"), share: 1)])
        #expect(ranked[1].contributions.isEmpty)
    }

    /// Pool of five: seed {a, b}, {a}; candidates {a}, {b}, {}. Over the pool tag a has mean 0.6, tag b 0.4, both
    /// variance 0.24; the seed centroid is (0.4, 0.1)/σ.
    @Test("Two tags: cosines against the seed centroid match the hand computation")
    func handComputed() throws {
        let seed = [Self.traits("s1", tags: ["a", "b"]), Self.traits("s2", tags: ["a"])]
        let candidates = [Self.traits("c1", tags: ["a"]), Self.traits("c2", tags: ["b"]), Self.traits("c3")]
        let model = try LookalikeModel(seed: seed, candidates: candidates)
        let ranked = model.rank(candidates, limit: 3)
        #expect(ranked.map(\.customerID) == ["c1", "c2", "c3"])
        // c1: z = (0.4, −0.4)/σ → 0.12 / √(0.32 · 0.17).
        #expect(abs(ranked[0].similarity - 0.12 / (0.32 * 0.17).squareRoot()) < 1e-12)
        #expect(abs(ranked[1].similarity + 0.18 / (0.72 * 0.17).squareRoot()) < 1e-12)
        #expect(abs(ranked[2].similarity + 0.28 / (0.52 * 0.17).squareRoot()) < 1e-12)
        // c1 holds tag a: its term is z_a·c_a = 0.16/0.24 over |z||c|.
        let share = (0.16 / 0.24) / ((0.32 / 0.24).squareRoot() * (0.17 / 0.24).squareRoot())
        #expect(ranked[0].contributions.map(\.feature) == [.tag("a")])
        #expect(abs(ranked[0].contributions[0].share - share) < 1e-12)
        // c2's tag b still pulls towards the seed (half the seed has it), though not enough.
        #expect(ranked[1].contributions.map(\.feature) == [.tag("b")])
        #expect(model.seedProfile().map(\.feature) == [.tag("a"), .tag("b")])
    }

    @Test("The sparse computation equals a dense cosine over standardised vectors")
    func sparseEqualsDense() throws {
        var state: UInt64 = 11
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        let tags = ["VIP", "온라인", "매장", "신규", "휴면"]
        func random(_ id: String) -> LookalikeTraits {
            LookalikeTraits(customerID: id, kind: next(5) == 0 ? "organisation" : "person", tags: tags.filter { _ in next(3) == 0 },
                            attributes: next(2) == 0 ? ["region": ["서울", "부산", "대구"][next(3)]] : [:],
                            numbers: next(2) == 0 ? ["employees": Double(next(500))] : [:], age: next(4) == 0 ? nil : 18 + next(60),
                            emailDomain: ["naver.com", "dangol.co.kr", nil][next(3)], earlyPurchases: next(4), earlySpend: Double(next(100_000)),
                            earlyContacts: next(3))
        }
        let seed = (0..<15).map { random("s\($0)") }
        let candidates = (0..<60).map { random("c\($0)") }
        let model = try LookalikeModel(seed: seed, candidates: candidates)
        let pool = (seed + candidates).map(\.features)
        let n = Double(pool.count)
        let dims = model.dimensions
        let means = dims.map { d in pool.reduce(0) { $0 + ($1[d] ?? 0) } / n }
        let sds = dims.indices.map { i in (pool.reduce(0) { $0 + pow(($1[dims[i]] ?? 0) - means[i], 2) } / n).squareRoot() }
        func z(_ vector: [LookalikeFeature: Double]) -> [Double] { dims.indices.map { ((vector[dims[$0]] ?? 0) - means[$0]) / sds[$0] } }
        let seedZ = seed.map { z($0.features) }
        let centroid = dims.indices.map { i in seedZ.reduce(0) { $0 + $1[i] } / Double(seed.count) }
        for candidate in candidates {
            let zc = z(candidate.features)
            let dot = zip(zc, centroid).reduce(0) { $0 + $1.0 * $1.1 }
            let cosine = dot / (zc.reduce(0) { $0 + $1 * $1 }.squareRoot() * centroid.reduce(0) { $0 + $1 * $1 }.squareRoot())
            #expect(abs(model.match(candidate).similarity - cosine) < 1e-9, "\(candidate.customerID)")
        }
    }

    @Test("Early behaviour like the seed's ranks higher; measures are log-compressed")
    func earlyBehaviour() throws {
        let seed = [Self.traits("s1", purchases: 3, spend: 90_000), Self.traits("s2", purchases: 4, spend: 120_000)]
        let candidates = [Self.traits("none"), Self.traits("one", purchases: 1, spend: 20_000), Self.traits("five", purchases: 5, spend: 150_000)]
        let model = try LookalikeModel(seed: seed, candidates: candidates)
        #expect(model.rank(candidates, limit: 3).map(\.customerID) == ["five", "one", "none"])
        #expect(Self.traits("x", purchases: 3).features[.earlyPurchases] == log(4.0))
        #expect(Self.traits("x").features[.earlyPurchases] == nil)
        #expect(Set(model.match(candidates[2]).contributions.map(\.feature)) == [.earlyPurchases, .earlySpend])
    }

    @Test("Features: age bands, e-mail classes, attributes; personal-data features are marked")
    func features() {
        #expect([15, 20, 29, 34, 69, 70, 95].map(LookalikeTraits.decade(of:)) == [10, 20, 20, 30, 60, 70, 70])
        #expect(EmailDomainClass(domain: "NAVER.com") == .free && EmailDomainClass(domain: "dangol.co.kr") == .work)
        #expect(EmailDomainClass(domain: nil) == .none && EmailDomainClass(domain: "") == .none)
        let traits = LookalikeTraits(customerID: "x", kind: "person", tags: ["VIP"], attributes: ["region": "서울", "empty": ""],
                                     numbers: ["visits": 0, "score": -3], age: 41, emailDomain: "gmail.com")
        let features = traits.features
        #expect(Set(features.keys) == [.kind("person"), .tag("VIP"), .attribute(key: "region", value: "서울"), .number(key: "score"),
                                       .ageBand(40), .emailDomain(.free)])
        #expect(features[.number(key: "score")] == -log(4.0))
        #expect(LookalikeFeature.ageBand(40).isPersonalData && LookalikeFeature.emailDomain(.work).isPersonalData)
        #expect(!LookalikeFeature.tag("VIP").isPersonalData)
        #expect(LookalikeFeature.attribute(key: "region", value: "서울").description == "attribute:region=서울")
        #expect(LookalikeFeature.earlySpend.description == "early_spend")
    }

    @Test("No seed is refused; a seed that is the whole pool makes everyone average (similarity 0)")
    func edges() throws {
        #expect(throws: AnalyticsError.self) { try LookalikeModel(seed: [], candidates: [Self.traits("a")]) }
        let everyone = [Self.traits("a", tags: ["VIP"]), Self.traits("b")]
        let model = try LookalikeModel(seed: everyone, candidates: [])
        #expect(model.match(Self.traits("c", tags: ["VIP"])).similarity == 0)
        let flat = try LookalikeModel(seed: [Self.traits("a")], candidates: [Self.traits("b")])
        #expect(flat.dimensions.isEmpty && flat.match(Self.traits("b")).similarity == 0)
    }
}
