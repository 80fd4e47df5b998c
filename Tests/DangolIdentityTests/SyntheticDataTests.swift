import DangolCore
@testable import DangolIdentity
import Testing

@Suite("Synthetic records with known truth, and the engine's quality on them")
struct SyntheticDataTests {
    static let size = 4_000

    /// Generated once for the suite: records, their normalised form and the resolution at default noise.
    static let defaultRun: (records: [SyntheticRecord], resolution: Resolution) = {
        let records = SyntheticIdentityGenerator(seed: 2026).records(count: size)
        return (records, IdentityResolver().resolve(records.map { $0.raw.normalized().record }))
    }()

    @Test("The same seed gives the same records; another seed other records")
    func deterministic() {
        let first = SyntheticIdentityGenerator(seed: 5).records(count: 300)
        #expect(first == SyntheticIdentityGenerator(seed: 5).records(count: 300))
        #expect(first != SyntheticIdentityGenerator(seed: 6).records(count: 300))
        #expect(first.map(\.raw.id) == (1...300).map { "r\($0)" })
    }

    @Test("Without noise every record of an entity carries the entity's exact name and birth date")
    func noiselessTruth() {
        let records = SyntheticIdentityGenerator(seed: 9, noise: SyntheticNoise(level: 0)).records(count: 2_000)
        let normalised = records.map { $0.raw.normalized().record }
        var names: [String: Set<String>] = [:]
        var dates: [String: Set<CivilDate>] = [:]
        for (record, truth) in zip(normalised, records) {
            names[truth.entityID, default: []].insert(record.kind == .person
                ? NameNormalizer.matchKey(record.name) : CompanyNameNormalizer.key(record.name))
            if let date = record.birthDate { dates[truth.entityID, default: []].insert(date) }
        }
        #expect(names.values.allSatisfy { $0.count == 1 })
        #expect(dates.values.allSatisfy { $0.count == 1 })
        #expect(Set(records.map(\.entityID)).count < records.count, "entities have several records")
    }

    @Test("Generated values normalise, BRNs carry valid check digits, and identifiers never cross entities")
    func validValues() {
        let records = Self.defaultRun.records
        var dropped = 0
        var owner: [String: String] = [:]
        var crossed = 0
        for truth in records {
            let (record, droppedValues) = truth.raw.normalized()
            dropped += droppedValues
            if let brn = record.businessRegistrationNumber { #expect(BusinessRegistrationNumber.isChecksumValid(brn)) }
            if let crn = record.corporateRegistrationNumber { #expect(CorporateRegistrationNumber.isChecksumValid(crn)) }
            for key in record.emailKeys + record.customerNumbers + [record.businessRegistrationNumber].compactMap({ $0 }) {
                if let previous = owner[key], previous != truth.entityID { crossed += 1 }
                owner[key] = truth.entityID
            }
        }
        #expect(dropped == 0)
        #expect(crossed == 0)
        #expect(records.contains { $0.raw.kind == .organisation })
        #expect(records.contains { $0.raw.name.contains(" ") && $0.raw.name.unicodeScalars.contains(where: HangulJamo.isSyllable) })
    }

    @Test("Households share a phone between different people")
    func householdsSharePhones() {
        var entitiesByPhone: [String: Set<String>] = [:]
        for truth in Self.defaultRun.records where truth.householdID != nil {
            for phone in truth.raw.normalized().record.phones { entitiesByPhone[phone, default: []].insert(truth.entityID) }
        }
        #expect(entitiesByPhone.values.contains { $0.count >= 2 })
    }

    @Test("At the default noise level F1 ≥ 0.98 and precision ≥ 0.99")
    func qualityFloors() {
        let (records, resolution) = Self.defaultRun
        let score = PairwiseScore(predicted: resolution.clusterOfRecord, truth: records.map(\.entityID))
        #expect(score.precision >= 0.99, "precision \(score.precision)")
        #expect(score.f1 >= 0.98, "F1 \(score.f1), recall \(score.recall)")
        #expect(resolution.models.person.converged)
        #expect(resolution.statistics.pairsCompared < Self.size * 20, "blocking keeps the work near-linear")
    }

    @Test("Members of one household are not merged with each other")
    func householdMembersStayApart() {
        let (records, resolution) = Self.defaultRun
        var mergedAcrossMembers = 0
        var householdPairs = 0
        for i in records.indices where records[i].householdID != nil {
            for j in (i + 1)..<min(records.count, i + 40) where records[j].householdID == records[i].householdID
                && records[j].entityID != records[i].entityID {
                householdPairs += 1
                if resolution.clusterOfRecord[i] == resolution.clusterOfRecord[j] { mergedAcrossMembers += 1 }
            }
        }
        #expect(householdPairs > 100)
        #expect(mergedAcrossMembers == 0)
    }

    @Test("More noise lowers the score; no noise is nearly perfect")
    func noiseLevels() {
        func f1(_ level: Double) -> Double {
            let records = SyntheticIdentityGenerator(seed: 77, noise: SyntheticNoise(level: level)).records(count: 2_000)
            let resolution = IdentityResolver().resolve(records.map { $0.raw.normalized().record })
            return PairwiseScore(predicted: resolution.clusterOfRecord, truth: records.map(\.entityID)).f1
        }
        let clean = f1(0), noisy = f1(3)
        #expect(clean >= 0.995)
        #expect(noisy < clean)
    }
}
