import DangolCore
@testable import DangolIdentity
import Testing

@Suite("Resolution: rules, blocking and clustering")
struct ResolutionTests {
    static func date(_ year: Int, _ month: Int, _ day: Int) -> CivilDate { CivilDate(year: year, month: month, day: day)! }

    @Test("Records sharing a strong identifier resolve together, a shared phone alone does not")
    func strongIdentifiers() {
        let records = [
            IdentityRecord(id: "a", name: "김민준", emailKeys: ["x@naver.com"]),
            IdentityRecord(id: "b", name: "Kim Minjun", emailKeys: ["x@naver.com"]),
            IdentityRecord(id: "c", name: "이서연", phones: ["+821011112222"], customerNumbers: ["M1"]),
            IdentityRecord(id: "d", name: "박지호", phones: ["+821011112222"], customerNumbers: ["M2"]),
            IdentityRecord(id: "e", kind: .organisation, name: "㈜한빛테크", businessRegistrationNumber: "1248100998"),
            IdentityRecord(id: "f", kind: .organisation, name: "Hanbit Tech", businessRegistrationNumber: "1248100998"),
        ]
        let clusters = IdentityResolver().resolve(records).clusterOfRecord
        #expect(clusters[0] == clusters[1])
        #expect(clusters[2] != clusters[3])
        #expect(clusters[4] == clusters[5])
        #expect(clusters[0] != clusters[4])
    }

    @Test("The chaining guard splits A–B–C when A and C disagree")
    func chainingGuard() {
        // A and B: same name, phone, address — a strong probabilistic link. B and C share an e-mail (a rule link).
        // C is someone else: another name and birth date. Single linkage would make one customer of all three.
        let a = IdentityRecord(id: "A", name: "김민준", birthDate: Self.date(1961, 4, 2), phones: ["+821055556666"],
                               address: "서울 마포구 양화로 45", postcode: "04036")
        let b = IdentityRecord(id: "B", name: "김민준", phones: ["+821055556666"], emailKeys: ["family@naver.com"],
                               address: "서울 마포구 양화로 45", postcode: "04036")
        let c = IdentityRecord(id: "C", name: "박서연", birthDate: Self.date(1993, 11, 20), phones: ["+821077778888"],
                               emailKeys: ["family@naver.com"], address: "부산 해운대구 해운대로 7", postcode: "48094")
        let resolution = IdentityResolver(configuration: .init(models: .starting)).resolve([a, b, c])
        let clusters = resolution.clusterOfRecord
        #expect(clusters[1] == clusters[2], "the rule link stays")
        #expect(clusters[0] != clusters[1], "A is cut from the chain")
        #expect(resolution.statistics.componentsSplitByGuard == 1)
        #expect(resolution.reviewPairs.contains { $0.left == 0 && $0.right == 1 }, "the cut link goes to review")

        // Without C the same A–B link merges.
        #expect(IdentityResolver(configuration: .init(models: .starting)).resolve([a, b]).clusterOfRecord == [0, 0])
    }

    @Test("Household members sharing a phone and an address stay apart")
    func household() {
        let phone = "+821024681357"
        let address = "경기 성남시 분당구 정자일로 95 103동 1502호"
        let records = [
            IdentityRecord(id: "father", name: "김영수", birthDate: Self.date(1962, 5, 14), phones: [phone], address: address),
            IdentityRecord(id: "daughter", name: "김서연", birthDate: Self.date(1994, 9, 2), phones: [phone], address: address),
            IdentityRecord(id: "son", name: "김서준", birthDate: Self.date(1997, 1, 23), phones: [phone], address: address),
            IdentityRecord(id: "father again", name: "김 영수", birthDate: Self.date(1962, 5, 14), phones: [phone]),
        ]
        let clusters = IdentityResolver(configuration: .init(models: .starting)).resolve(records).clusterOfRecord
        #expect(Set(clusters.prefix(3)).count == 3)
        #expect(clusters[0] == clusters[3])
    }

    @Test("Blocking finds each candidate pair once and skips oversized blocks")
    func blocking() {
        var records: [IdentityRecord] = []
        for index in 0..<30 {
            // Everyone shares one shop phone; pairs 2k/2k+1 share a name and birth date.
            records.append(IdentityRecord(id: "\(index)", name: "사람\(index / 2)", birthDate: Self.date(1980, 1, 1 + index / 2),
                                          phones: ["+8215881234"]))
        }
        let features = RecordFeatures(records)
        let candidates = CandidatePairs(features: features, keys: BlockingKey.allCases, maxBlockSize: 10)
        #expect(candidates.statistics[.phoneTail]?.oversizedBlocks == 1)
        #expect(Set(candidates.pairs).count == candidates.pairs.count)
        for k in 0..<15 { #expect(candidates.pairs.contains(UInt64(2 * k) << 32 | UInt64(2 * k + 1))) }
        // Without the limit every pair of the shop-phone block is compared, each once.
        let all = CandidatePairs(features: features, keys: BlockingKey.allCases, maxBlockSize: 1000)
        #expect(all.pairs.count == 30 * 29 / 2)
    }

    @Test("Scoring an incoming record against candidates explains each one")
    func scoreIncoming() {
        let incoming = IdentityRecord(id: "new", name: "이지은", birthDate: Self.date(1993, 5, 16), phones: ["+821090001111"],
                                      emailKeys: ["iu@kakao.com"])
        let candidates = [
            IdentityRecord(id: "1", name: "이지은", birthDate: Self.date(1993, 5, 16), phones: ["+821090001111"]),
            IdentityRecord(id: "2", name: "Lee Jieun", emailKeys: ["iu@kakao.com"]),
            IdentityRecord(id: "3", name: "최민호", birthDate: Self.date(1989, 12, 9), phones: ["+821033332222"]),
            IdentityRecord(id: "4", kind: .organisation, name: "이지은"),
        ]
        let explanations = IdentityResolver.score(incoming: incoming, candidates: candidates, models: .starting)
        #expect(explanations.map(\.rightID) == ["1", "2", "3", "4"])
        #expect(explanations[0].outcome == .autoMerge)
        #expect(explanations[1].outcome == .strongIdentifier)
        #expect(explanations[2].outcome == .noMatch)
        #expect(explanations[3].outcome == .noMatch)
        let total = explanations[0].fields.reduce(0) { $0 + $1.weight }
        #expect(abs(total - explanations[0].weight) < 1e-9)
    }

    @Test("Pairwise precision and recall come from cluster sizes")
    func pairwiseScore() {
        let score = PairwiseScore(predicted: [0, 0, 1, 1, 2], truth: ["a", "a", "a", "b", "c"])
        #expect(score.truePositivePairs == 1)
        #expect(score.predictedPairs == 2)
        #expect(score.truePairs == 3)
        #expect(score.precision == 0.5)
        #expect(abs(score.recall - 1.0 / 3) < 1e-12)
        #expect(abs(score.f1 - 0.4) < 1e-12)
        #expect(PairwiseScore(predicted: [1, 2], truth: [1, 2]).f1 == 1)
    }
}

@Suite("Blocking keys for the store")
struct BlockingKeyValueTests {
    @Test("A record's key values are shared by the duplicates the key should find, and absent without the field")
    func keyValues() {
        let a = IdentityRecord(id: "a", name: "김민준", birthDate: CivilDate(year: 1990, month: 3, day: 7),
                               phones: ["+821012345678"])
        let b = IdentityRecord(id: "b", name: "김민쥰", birthDate: CivilDate(year: 1990, month: 7, day: 3),
                               phones: ["+821112345678"])
        #expect(BlockingKey.phoneTail.values(of: a) == BlockingKey.phoneTail.values(of: b))
        #expect(!Set(BlockingKey.initialsAndDateParts.values(of: a)).isDisjoint(with: BlockingKey.initialsAndDateParts.values(of: b)))
        #expect(BlockingKey.email.values(of: a).isEmpty)
        #expect(BlockingKey.phoneTail.values(of: a).count == 1)
    }
}
