import DangolCore

/// Generates person and organisation records with known truth, at any size and noise level, for testing and
/// benchmarking identity resolution.
///
/// Records come in units: a single person (with 1–5 records from different "sources"), a household of 2–4 people
/// who share an address and one phone — different people who must not be merged — or an organisation. Every
/// record is a noisy copy of its entity (see ``SyntheticNoise``): jamo-level typos (김민준 → 김민쥰), spacing
/// variants (김 민준), English nicknames (Robert → Bob), swapped day and month, a digit off, a changed phone, missing
/// fields, company legal-form variants (주식회사 X, (주)X, ㈜X, X Co., Ltd.). Phones, e-mail addresses, customer
/// numbers and BRNs (with a valid check digit) are unique per entity, so the truth is exactly the entity ID.
///
/// Generation is deterministic: the same seed, noise and count give the same records on every machine, and unit `u`
/// is generated from `(seed, u)` alone, so large files stream in constant memory.
///
/// ```swift
/// let records = SyntheticIdentityGenerator(seed: 7).records(count: 5_000)
/// records[0].raw.name   // "김민쥰"
/// records[0].entityID   // "P0-0"
/// ```
public struct SyntheticIdentityGenerator: Sendable {
    /// Fixes the data.
    public var seed: UInt64
    /// How noisy records are.
    public var noise: SyntheticNoise
    /// Share of units that are organisations.
    public var organisationShare: Double
    /// Share of person units that are households of 2–4 people.
    public var householdShare: Double

    /// Creates a generator.
    public init(seed: UInt64, noise: SyntheticNoise = .default, organisationShare: Double = 0.1,
                householdShare: Double = 0.2) {
        self.seed = seed
        self.noise = noise
        self.organisationShare = organisationShare
        self.householdShare = householdShare
    }

    /// The first `count` records (ids `r1`, `r2`, …).
    public func records(count: Int) -> [SyntheticRecord] {
        var result: [SyntheticRecord] = []
        result.reserveCapacity(count)
        forEachRecord(count: count) { result.append($0) }
        return result
    }

    /// Calls `body` with each of the first `count` records in order, generating them one unit at a time.
    public func forEachRecord<E: Error>(count: Int, _ body: (SyntheticRecord) throws(E) -> Void) throws(E) {
        var produced = 0
        var unit = 0
        while produced < count {
            for var record in self.unit(unit) {
                guard produced < count else { break }
                produced += 1
                record.raw.id = "r\(produced)"
                try body(record)
            }
            unit += 1
        }
    }

    /// The records of unit `index` (ids left empty).
    func unit(_ index: Int) -> [SyntheticRecord] {
        var random = SplitMix64(seed: seed, stream: UInt64(index))
        if random.chance(organisationShare) { return organisationRecords(unit: index, random: &random) }
        let people = random.chance(householdShare) ? 2 + random.next(below: 3) : 1
        let household = SyntheticHousehold(unit: index, people: people, random: &random)
        var records: [SyntheticRecord] = []
        for member in household.members {
            let count = Self.recordsPerEntity(&random)
            for _ in 0..<count {
                records.append(SyntheticRecord(
                    raw: personRecord(member, household: household, random: &random),
                    entityID: member.entityID, householdID: people > 1 ? "H\(index)" : nil))
            }
        }
        return records
    }

    /// 1–5 records per entity: 45 %, 30 %, 15 %, 7 %, 3 %.
    static func recordsPerEntity(_ random: inout SplitMix64) -> Int {
        1 + random.weightedIndex([45, 30, 15, 7, 3], total: 100)
    }

    // MARK: People

    private func personRecord(_ person: SyntheticPerson, household: SyntheticHousehold,
                              random: inout SplitMix64) -> RawIdentityRecord {
        var raw = RawIdentityRecord(id: "", kind: .person)
        raw.name = noisyName(person, random: &random)
        var hasBirthDate = !random.chance(noise.birthDateMissing)
        var hasPhone = !random.chance(noise.phoneMissing)
        let hasEmail = person.email != nil && !random.chance(noise.emailMissing)
        if [hasBirthDate, hasPhone, hasEmail].filter({ $0 }).count < 2 {
            hasBirthDate = true
            hasPhone = true
        }
        if hasBirthDate { raw.birthDate = noisyBirthDate(person.birthDate, random: &random) }
        if hasPhone {
            var number = person.phone ?? household.sharedPhone
            if person.phone != nil && household.members.count > 1 && random.chance(0.3) { number = household.sharedPhone }
            if let changed = person.changedPhone, random.chance(noise.phoneChanged) { number = changed }
            raw.phones = [Self.formatMobile(number, random: &random)]
        }
        if hasEmail, let email = person.email {
            raw.emails = [random.chance(noise.emailTypo) ? Self.typo(inLocalPartOf: email, random: &random) : email]
        }
        if !random.chance(noise.addressMissing) {
            raw.address = household.address.written(random: &random, noise: noise)
            if random.chance(0.9) { raw.postcode = household.address.postcode }
        }
        if let number = person.customerNumber, random.chance(0.5) { raw.customerNumbers = [number] }
        return raw
    }

    private func noisyName(_ person: SyntheticPerson, random: inout SplitMix64) -> String {
        if let english = person.englishName {
            var given = english.given
            let nicknames = SyntheticVocabulary.nicknames(of: given)
            if !nicknames.isEmpty && random.chance(noise.nickname) { given = random.pick(nicknames) }
            var name = given + " " + english.family
            if random.chance(noise.nameTypo) { name = Self.latinTypo(name, random: &random) }
            return name
        }
        var given = person.givenName
        if random.chance(noise.nameTypo) { given = HangulTypo.apply(to: given, random: &random) }
        return person.surname + (random.chance(noise.nameSpacing) ? " " : "") + given
    }

    private func noisyBirthDate(_ date: CivilDate, random: inout SplitMix64) -> String {
        var (year, month, day) = (date.year, date.month, date.day)
        if random.chance(noise.birthDateSwapped), day <= 12, day != month {
            swap(&month, &day)
        } else if random.chance(noise.birthDateDigit) {
            // One digit of the day or month off by one, keeping a real date.
            let candidates = [(year, month, day + 1), (year, month, day - 1), (year, month + 1, day), (year, month - 1, day),
                              (year + 1, month, day), (year - 1, month, day)]
            for _ in 0..<6 {
                let (y, m, d) = random.pick(candidates)
                if CivilDate(year: y, month: m, day: d) != nil, Self.differsInOneDigit((year, month, day), (y, m, d)) {
                    (year, month, day) = (y, m, d)
                    break
                }
            }
        }
        let mm = month < 10 ? "0\(month)" : "\(month)"
        let dd = day < 10 ? "0\(day)" : "\(day)"
        switch random.next(below: 4) {
        case 0: return "\(year)-\(mm)-\(dd)"
        case 1: return "\(year)\(mm)\(dd)"
        case 2: return "\(year).\(month).\(day)"
        default: return "\(year)년 \(month)월 \(day)일"
        }
    }

    private static func differsInOneDigit(_ a: (Int, Int, Int), _ b: (Int, Int, Int)) -> Bool {
        let x = String(a.0 * 10_000 + a.1 * 100 + a.2), y = String(b.0 * 10_000 + b.1 * 100 + b.2)
        return x.count == y.count && zip(x, y).filter { $0 != $1 }.count == 1
    }

    static func formatMobile(_ digits: String, random: inout SplitMix64) -> String {
        let middle = digits.dropFirst(3).prefix(4), last = digits.suffix(4)
        switch random.next(below: 4) {
        case 0: return digits
        case 1: return "+82 10-\(middle)-\(last)"
        default: return "010-\(middle)-\(last)"
        }
    }

    static func latinTypo(_ text: String, random: inout SplitMix64) -> String {
        var characters = Array(text)
        let letters = characters.indices.filter { characters[$0].isLetter && $0 > 0 }
        guard !letters.isEmpty else { return text }
        let position = random.pick(letters)
        if random.chance(0.5), position + 1 < characters.count, characters[position + 1].isLetter {
            characters.swapAt(position, position + 1)
        } else {
            characters[position] = Character(Unicode.Scalar(UInt8(97 + random.next(below: 26))))
        }
        return String(characters)
    }

    static func typo(inLocalPartOf email: String, random: inout SplitMix64) -> String {
        guard let at = email.firstIndex(of: "@") else { return email }
        return latinTypo(String(email[..<at]), random: &random) + String(email[at...])
    }

    // MARK: Organisations

    private func organisationRecords(unit: Int, random: inout SplitMix64) -> [SyntheticRecord] {
        let organisation = SyntheticOrganisation(unit: unit, random: &random)
        let address = SyntheticAddress(random: &random)
        let count = Self.recordsPerEntity(&random)
        return (0..<count).map { _ in
            var raw = RawIdentityRecord(id: "", kind: .organisation)
            raw.companyName = organisation.writtenName(random: &random, noise: noise)
            var evidence = 0
            if random.chance(0.65) {
                raw.businessRegistrationNumber = random.chance(0.5) ? organisation.brn : Self.hyphenatedBRN(organisation.brn)
                evidence += 1
            }
            if let crn = organisation.crn, random.chance(0.35) { raw.corporateRegistrationNumber = crn }
            if random.chance(0.5) {
                raw.webDomain = random.pick(["", "www.", "https://", "https://www."]) + organisation.domain
                evidence += 1
            }
            if random.chance(0.7) {
                raw.phones = [organisation.phone]
                evidence += 1
            }
            if random.chance(0.4) {
                raw.emails = [random.pick(organisation.contacts) + "@" + organisation.domain]
                evidence += 1
            }
            if random.chance(0.7) {
                raw.address = address.written(random: &random, noise: noise)
                if random.chance(0.9) { raw.postcode = address.postcode }
                evidence += 1
            }
            if evidence < 2 {
                raw.businessRegistrationNumber = organisation.brn
                raw.phones = [organisation.phone]
            }
            return SyntheticRecord(raw: raw, entityID: "O\(unit)", householdID: nil)
        }
    }

    static func hyphenatedBRN(_ digits: String) -> String {
        digits.prefix(3) + "-" + digits.dropFirst(3).prefix(2) + "-" + digits.suffix(5)
    }

    /// A bijection of 0..<10⁸ (multiplication by a unit mod 10⁸, plus an offset), so that distinct person numbers
    /// get distinct, random-looking 8-digit subscriber numbers.
    static func scrambled(_ value: Int) -> String {
        let mixed = (value % 100_000_000 &* 48_271_853 &+ 13_579_246) % 100_000_000
        let text = String(mixed)
        return String(repeating: "0", count: 8 - text.count) + text
    }
}
