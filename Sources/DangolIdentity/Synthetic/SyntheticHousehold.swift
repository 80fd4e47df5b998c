import DangolCore

/// One person of a synthetic unit: the truth their records are noisy copies of.
struct SyntheticPerson: Sendable {
    var entityID: String
    var surname: String
    var givenName: String
    var englishName: (given: String, family: String)?
    var birthDate: CivilDate
    /// Own mobile number (11 digits, 010…), or nil for a child who uses the household phone.
    var phone: String?
    /// The number a later record may show instead (the person changed phones).
    var changedPhone: String?
    var email: String?
    var customerNumber: String?
}

/// People who live together: one address and one shared phone (the first adult's mobile), two adults and up to two
/// children who carry the first adult's surname and often share a syllable of their given names (돌림자) — the
/// hardest case for a matcher: same phone, same address, similar names, different people.
struct SyntheticHousehold: Sendable {
    var members: [SyntheticPerson] = []
    var address: SyntheticAddress
    var sharedPhone: String

    init(unit: Int, people: Int, random: inout SplitMix64) {
        address = SyntheticAddress(random: &random)
        let english = random.chance(0.1)
        let familySurname = SyntheticVocabulary.surnames[
            random.weightedIndex(SyntheticVocabulary.surnameWeights, total: SyntheticVocabulary.surnameWeightTotal)]
        let familyEnglish = random.pick(SyntheticVocabulary.englishSurnames)
        let adultYear = 1950 + random.next(below: 40)
        let sharedSyllable = random.pick(SyntheticVocabulary.givenSyllables)
        let siblingsShareSyllable = random.chance(0.5)
        sharedPhone = ""
        // Members get distinct given names: two people with one name, phone and address are indistinguishable,
        // even to a person, so such a truth could not be scored fairly.
        var usedGivenNames: Set<String> = []
        for member in 0..<people {
            let isChild = member >= 2
            let surname = member == 1
                ? SyntheticVocabulary.surnames[random.weightedIndex(SyntheticVocabulary.surnameWeights,
                                                                    total: SyntheticVocabulary.surnameWeightTotal)]
                : familySurname
            var first = random.pick(SyntheticVocabulary.givenSyllables)
            var second = random.pick(SyntheticVocabulary.givenSyllables)
            var englishGiven = random.pick(SyntheticVocabulary.englishGivenNames)
            for _ in 0..<20 {
                if isChild && siblingsShareSyllable {
                    if random.chance(0.5) { first = sharedSyllable } else { second = sharedSyllable }
                }
                if !usedGivenNames.contains(first.0 + second.0) && !usedGivenNames.contains(englishGiven) { break }
                first = random.pick(SyntheticVocabulary.givenSyllables)
                second = random.pick(SyntheticVocabulary.givenSyllables)
                englishGiven = random.pick(SyntheticVocabulary.englishGivenNames)
            }
            usedGivenNames.insert(first.0 + second.0)
            usedGivenNames.insert(englishGiven)
            let year = isChild ? min(2008, adultYear + 24 + random.next(below: 12)) : adultYear + random.next(below: 6)
            let month = 1 + random.next(below: 12)
            let day = 1 + random.next(below: CivilDate.daysIn(month: month, year: year))
            let personNumber = unit * 8 + member
            let hasOwnPhone = !isChild || random.chance(0.5)
            var person = SyntheticPerson(
                entityID: "P\(unit)-\(member)", surname: surname.0, givenName: first.0 + second.0,
                englishName: english ? (englishGiven, familyEnglish) : nil,
                birthDate: CivilDate(year: year, month: month, day: day)!,
                phone: hasOwnPhone ? "010" + SyntheticIdentityGenerator.scrambled(personNumber) : nil,
                changedPhone: "010" + SyntheticIdentityGenerator.scrambled(personNumber + 4),
                email: nil, customerNumber: nil)
            if random.chance(0.75) {
                let local = english
                    ? (person.englishName!.given + "." + person.englishName!.family).lowercased()
                    : first.1 + second.1 + random.pick(["", ".", "_"]) + surname.1
                person.email = local + String(unit * 4 + member) + "@" + random.pick(SyntheticVocabulary.personalEmailDomains)
            }
            if random.chance(0.2) {
                person.customerNumber = "M" + SyntheticIdentityGenerator.scrambled(personNumber)
            }
            if member == 0 { sharedPhone = person.phone! }
            members.append(person)
        }
    }
}

/// A street address with a postcode, written in the spellings Korean systems produce.
struct SyntheticAddress: Sendable {
    var region: Int
    var district: String
    var street: String
    var number: Int
    var detail: String?
    var postcode: String

    init(random: inout SplitMix64) {
        region = random.weightedIndex(SyntheticVocabulary.regionWeights, total: SyntheticVocabulary.regionWeightTotal)
        let (name, prefix) = random.pick(SyntheticVocabulary.regions[region].3)
        district = name
        street = random.pick(SyntheticVocabulary.streets)
        number = 1 + random.next(below: 400)
        detail = random.chance(0.5) ? "\(101 + random.next(below: 12))동 \(1 + random.next(below: 25))\(random.pick(["01", "02", "03", "04"]))호" : nil
        postcode = prefix + random.digits(3)
    }

    /// The address as one record writes it: the region in full (서울특별시), short (서울) or long (서울시), the detail
    /// sometimes dropped.
    func written(random: inout SplitMix64, noise: SyntheticNoise) -> String {
        let names = SyntheticVocabulary.regions[region]
        var regionName = names.0
        if random.chance(noise.addressVariant) { regionName = random.chance(0.5) || names.2 == nil ? names.1 : names.2! }
        var text = "\(regionName) \(district) \(street) \(number)"
        if let detail, !random.chance(noise.addressDetailDropped) { text += " " + detail }
        return text
    }
}

/// An organisation: its name and legal form, registration numbers, domain, phone and contacts.
struct SyntheticOrganisation: Sendable {
    var base: String
    var isEnglish: Bool
    /// 0 주식회사, 1 유한회사, 2 none (sole proprietorship).
    var legalForm: Int
    var brn: String
    var crn: String?
    var domain: String
    var phone: String
    var contacts: [String]

    init(unit: Int, random: inout SplitMix64) {
        isEnglish = random.chance(0.15)
        var roman: String
        if isEnglish {
            let first = random.pick(SyntheticVocabulary.englishOrganisationWords)
            let second = random.pick(SyntheticVocabulary.englishOrganisationWords)
            let type = random.pick(SyntheticVocabulary.englishOrganisationTypes)
            base = "\(first) \(second) \(type)"
            roman = (first + second + type).lowercased()
        } else {
            let stem = random.pick(SyntheticVocabulary.organisationStems)
            let type = random.pick(SyntheticVocabulary.organisationTypes)
            if random.chance(0.5) {
                let second = random.pick(SyntheticVocabulary.organisationStems)
                base = stem.0 + second.0 + type.0
                roman = stem.1 + second.1 + type.1
            } else {
                base = stem.0 + type.0
                roman = stem.1 + type.1
            }
        }
        legalForm = random.weightedIndex([70, 10, 20], total: 100)
        let office = 101 + (unit / 10_000) % 800
        let serial = String(unit % 10_000)
        let type = legalForm == 0 ? "81" : legalForm == 1 ? "87" : "2\(random.next(below: 10))"
        brn = BusinessRegistrationNumber.makeValid(
            prefix9: String(office) + type + String(repeating: "0", count: 4 - serial.count) + serial)
        if legalForm == 0 {
            let sequence = String(unit % 1_000_000)
            let prefix = "1101" + (unit / 1_000_000 % 100 < 10 ? "0" : "") + String(unit / 1_000_000 % 100)
            crn = CorporateRegistrationNumber.makeValid(
                prefix12: prefix + String(repeating: "0", count: 6 - sequence.count) + sequence)
        }
        domain = roman + String(unit) + random.pick([".co.kr", ".com", ".kr"])
        phone = random.pick(["02", "031", "051", "070"]) + "-" + SyntheticIdentityGenerator.scrambled(unit * 8).prefix(4)
            + "-" + SyntheticIdentityGenerator.scrambled(unit * 8).suffix(4)
        contacts = (0..<(1 + random.next(below: 3))).map { index in
            random.pick(SyntheticVocabulary.givenSyllables).1 + random.pick(SyntheticVocabulary.givenSyllables).1
                + "." + SyntheticVocabulary.surnames[index % 10].1
        }
    }

    /// The name as one record writes it: canonical (주식회사 X), or a legal-form variant, sometimes with a typo.
    func writtenName(random: inout SplitMix64, noise: SyntheticNoise) -> String {
        var name = base
        if random.chance(noise.companyTypo) {
            name = isEnglish ? SyntheticIdentityGenerator.latinTypo(name, random: &random)
                : HangulTypo.apply(to: name, random: &random)
        }
        let variant = random.chance(noise.companySuffixVariant)
        if isEnglish {
            let forms = legalForm == 2 ? [""] : [" Co., Ltd.", " Inc.", " Corp.", " Co.,Ltd", ""]
            return name + (variant ? random.pick(forms) : forms[0])
        }
        switch legalForm {
        case 0:
            let forms = ["주식회사 \(name)", "(주)\(name)", "㈜\(name)", "\(name) 주식회사", "\(name)(주)", "㈜ \(name)", name]
            return variant ? random.pick(forms) : forms[0]
        case 1:
            let forms = ["유한회사 \(name)", "(유)\(name)", name]
            return variant ? random.pick(forms) : forms[0]
        default:
            return name
        }
    }
}
