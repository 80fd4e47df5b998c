import DangolCore
import DangolIdentity

/// One made-up customer, as CSV-ready text.
struct SyntheticCustomer: Sendable, Hashable {
    var externalID: String
    var kind: CustomerKind
    var displayName: String
    var customerNumber: String
    var email: String
    var mobilePhone: String
    var otherPhone: String
    var birthDate: String
    var brn: String
    var webDomain: String
    var stage: LifecycleStage
    var owner: String
    var tags: [String]
    var marketingSMS: Bool
    var marketingEmail: Bool
    /// Whether the demo builder withdraws the SMS consent after the import (a customer who changed their mind).
    var withdrawsSMSLater: Bool
}

/// Makes realistic, deterministic synthetic customers: customer `index` is a pure function of the seed and the index,
/// so the same seed gives the same data on every machine, and any range can be generated on its own (streamed).
///
/// About 90% are people — Korean names drawn by surname frequency, 10% of them English names — with unique `010`
/// mobile numbers (a bijection of the index onto the 10⁸ subscriber numbers), unique e-mail addresses at Korean and
/// global mail providers, birth dates for half; about 10% are organisations (`주식회사 한빛소프트`, `(주)다온`…)
/// with unique business registration numbers that pass the checksum, a landline, a company domain and e-mail.
struct SyntheticCustomerGenerator: Sendable {
    let seed: UInt64
    /// Usernames to spread ownership over; empty leaves customers unowned.
    let owners: [String]
    private let phoneMultiplier: UInt64
    private let phoneOffset: UInt64
    private let brnMultiplier: UInt64
    private let brnOffset: UInt64

    private static let phoneSpace: UInt64 = 100_000_000
    private static let brnSpace: UInt64 = 6_000_000

    init(seed: UInt64, owners: [String]) {
        self.seed = seed
        self.owners = owners
        var random = SplitMix64(seed: seed ^ 0x5EED_0F_DA9_601)
        // (a·i + c) mod m is a bijection when gcd(a, m) = 1: m = 10⁸ and 6·10⁶ have the prime factors 2, 3 and 5.
        phoneMultiplier = Self.coprime(random.next() % Self.phoneSpace)
        phoneOffset = random.next() % Self.phoneSpace
        brnMultiplier = Self.coprime(random.next() % Self.brnSpace)
        brnOffset = random.next() % Self.brnSpace
    }

    /// The customer at `index` (0-based). Indexes up to 6,000,000 give unique identifiers.
    func customer(at index: Int) -> SyntheticCustomer {
        var random = SplitMix64(seed: seed &+ UInt64(index) &* 0x9E37_79B9_7F4A_7C15)
        _ = random.next()
        let isOrganisation = random.chance(0.1)
        let stageDraw = random.next(below: 100)
        let stage: LifecycleStage = stageDraw < 25 ? .prospect : stageDraw < 45 ? .lead : stageDraw < 90 ? .active : .churned
        let owner = owners.isEmpty || random.chance(0.15) ? "" : random.pick(owners)
        var tags: [String] = []
        for _ in 0..<random.next(below: 3) {
            let tag = random.pick(DemoVocabulary.tags)
            if !tags.contains(tag) { tags.append(tag) }
        }
        let marketingSMS = random.chance(0.6)
        let marketingEmail = random.chance(0.5)
        var customer = SyntheticCustomer(
            externalID: "demo-\(seed)-\(index)", kind: isOrganisation ? .organisation : .person, displayName: "",
            customerNumber: "M" + Self.padded(index + 1, 8), email: "", mobilePhone: "", otherPhone: "", birthDate: "",
            brn: "", webDomain: "", stage: stage, owner: owner, tags: tags, marketingSMS: marketingSMS,
            marketingEmail: marketingEmail, withdrawsSMSLater: marketingSMS && random.chance(0.1))
        if isOrganisation {
            fillOrganisation(&customer, index: index, random: &random)
        } else {
            fillPerson(&customer, index: index, random: &random)
        }
        return customer
    }

    private func fillPerson(_ customer: inout SyntheticCustomer, index: Int, random: inout SplitMix64) {
        let local: String
        if random.chance(0.1) {
            let first = random.pick(DemoVocabulary.englishFirstNames)
            let last = random.pick(DemoVocabulary.englishLastNames)
            customer.displayName = first + " " + last
            local = first.lowercased() + "_" + last.lowercased()
        } else {
            var draw = random.next(below: DemoVocabulary.surnameWeightTotal)
            var surname = DemoVocabulary.surnames[0]
            for entry in DemoVocabulary.surnames {
                if draw < entry.2 {
                    surname = entry
                    break
                }
                draw -= entry.2
            }
            let given = random.pick(DemoVocabulary.givenNames)
            customer.displayName = surname.0 + given.0
            local = given.1 + "_" + surname.1
        }
        // The index in the local part makes every address unique (names hold no digits).
        if random.chance(0.85) { customer.email = local + String(index) + "@" + random.pick(DemoVocabulary.personalEmailDomains) }
        let subscriber = Self.padded(Int((phoneMultiplier &* UInt64(index) &+ phoneOffset) % Self.phoneSpace), 8)
        switch random.next(below: 10) {
        case 0: customer.mobilePhone = "010" + subscriber
        case 1: customer.mobilePhone = "010 " + subscriber.prefix(4) + " " + subscriber.suffix(4)
        default: customer.mobilePhone = "010-" + subscriber.prefix(4) + "-" + subscriber.suffix(4)
        }
        if random.chance(0.05) { customer.otherPhone = landline(&random) }
        if random.chance(0.5) {
            let year = 1950 + random.next(below: 56)
            let month = 1 + random.next(below: 12)
            let day = 1 + random.next(below: 28)
            customer.birthDate = random.chance(0.8)
                ? "\(year)-\(Self.padded(month, 2))-\(Self.padded(day, 2))"
                : "\(year)\(Self.padded(month, 2))\(Self.padded(day, 2))"
        }
    }

    private func fillOrganisation(_ customer: inout SyntheticCustomer, index: Int, random: inout SplitMix64) {
        let stem = random.pick(DemoVocabulary.organisationStems)
        let type = random.pick(DemoVocabulary.organisationTypes)
        let base = stem.0 + type.0
        switch random.next(below: 5) {
        case 0: customer.displayName = "주식회사 " + base
        case 1: customer.displayName = "(주)" + base
        case 2: customer.displayName = base + " 주식회사"
        case 3: customer.displayName = "유한회사 " + base
        default: customer.displayName = base
        }
        let serial = (brnMultiplier &* UInt64(index) &+ brnOffset) % Self.brnSpace
        let prefix9 = String(120 + serial / 10_000) + "81" + Self.padded(Int(serial % 10_000), 4)
        let brn = BusinessRegistrationNumber.makeValid(prefix9: prefix9)
        customer.brn = brn.prefix(3) + "-" + brn.dropFirst(3).prefix(2) + "-" + brn.suffix(5)
        let domain = stem.1 + type.1 + (random.chance(0.5) ? ".co.kr" : ".com")
        if random.chance(0.6) { customer.webDomain = domain }
        if random.chance(0.7) { customer.email = "contact" + String(index) + "@" + domain }
        if random.chance(0.8) { customer.otherPhone = landline(&random) }
    }

    private func landline(_ random: inout SplitMix64) -> String {
        let area = random.pick(DemoVocabulary.areaCodes)
        let exchange = 200 + random.next(below: 800)
        return area + "-" + String(exchange) + "-" + Self.padded(random.next(below: 10_000), 4)
    }

    static func padded(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
    }

    /// The nearest number at or above `value` (at least 7) that has no factor 2, 3 or 5.
    private static func coprime(_ value: UInt64) -> UInt64 {
        var candidate = max(value, 7)
        while candidate % 2 == 0 || candidate % 3 == 0 || candidate % 5 == 0 { candidate += 1 }
        return candidate
    }
}
