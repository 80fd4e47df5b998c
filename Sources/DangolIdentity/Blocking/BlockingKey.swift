/// A key that puts records into blocks; only records sharing a block are compared. Several keys are used, each
/// catching the duplicates the others miss (a changed phone, a typo in a name, a missing birth date), and a pair
/// found by more than one key is compared once.
public enum BlockingKey: String, Sendable, Hashable, Codable, CaseIterable {
    /// The e-mail match key.
    case email
    /// The last 8 digits of any phone (a changed area code or prefix keeps them).
    case phoneTail = "phone_tail"
    /// The whole birth date with the surname's 초성. Not a default key: at a million records its blocks are mostly
    /// strangers born on the same day, which makes agreeing birth dates look common among non-matches and weakens
    /// their weight; ``initialsAndDateParts`` finds the same duplicates with far fewer pairs.
    case birthDateAndFamilyInitial = "birth_date+family_initial"
    /// All 초성 of the name (nicknames folded) with parts of the birth date: one value with year and month (catches
    /// a wrong day), one with the unordered month and day (catches swapped day/month and a wrong year).
    case initialsAndDateParts = "initials+date_parts"
    /// Postcode with the surname's 초성.
    case postcodeAndFamilyInitial = "postcode+family_initial"
    /// An organisation's name without its legal form (people's exact names are too common a key: the other keys
    /// cover them).
    case organisationName = "organisation_name"
    /// 사업자등록번호.
    case businessRegistrationNumber = "brn"
    /// 법인등록번호.
    case corporateRegistrationNumber = "crn"
    /// Web domain.
    case webDomain = "web_domain"

    /// The keys used unless configured otherwise.
    public static let defaults: [BlockingKey] = [
        .email, .phoneTail, .initialsAndDateParts, .postcodeAndFamilyInitial, .organisationName,
        .businessRegistrationNumber, .corporateRegistrationNumber, .webDomain,
    ]

    /// The key's values for record `index` (up to ``RecordFeatures/slots``, 0 for none), already mixed with the
    /// record's kind and the key itself so that values of different keys or kinds never collide into one block.
    func values(of index: Int, in features: RecordFeatures) -> (UInt64, UInt64) {
        let seed = FNV.mix(FNV.offset, UInt64(Self.allCases.firstIndex(of: self)!) << 8 | UInt64(features.kind[index]))
        func keyed(_ value: UInt64) -> UInt64 { value == 0 ? 0 : FNV.mix(seed, value) }
        func combined(_ a: UInt64, _ b: UInt64) -> UInt64 { a == 0 || b == 0 ? 0 : FNV.mix(FNV.mix(seed, a), b) }
        let slots = RecordFeatures.slots
        switch self {
        case .email:
            return (keyed(features.emails[index * slots]), keyed(features.emails[index * slots + 1]))
        case .phoneTail:
            let first = features.phones[index * slots], second = features.phones[index * slots + 1]
            let tail: UInt64 = 100_000_000
            let a = first == 0 ? 0 : keyed(first % tail + 1)
            let b = second == 0 || second % tail == first % tail ? 0 : keyed(second % tail + 1)
            return (a, b)
        case .birthDateAndFamilyInitial:
            return (combined(UInt64(features.birth[index]), features.familyInitial[index]), 0)
        case .initialsAndDateParts:
            let date = features.birth[index]
            guard date != 0, features.initialsHash[index] != 0 else { return (0, 0) }
            let year = UInt64(date / 10_000), month = UInt64(date / 100 % 100), day = UInt64(date % 100)
            let yearMonth = FNV.mix(FNV.mix(FNV.mix(seed, features.initialsHash[index]), year), month)
            let monthDay = FNV.mix(FNV.mix(FNV.mix(seed, features.initialsHash[index] ^ 0x5555), min(month, day)), max(month, day))
            return (yearMonth, monthDay)
        case .postcodeAndFamilyInitial:
            let postcode = features.postcode[index]
            return (combined(postcode < 0 ? 0 : UInt64(postcode) + 1, features.familyInitial[index]), 0)
        case .organisationName:
            return (features.kind[index] == 1 ? keyed(features.nameHash[index]) : 0, 0)
        case .businessRegistrationNumber:
            return (keyed(features.brn[index]), 0)
        case .corporateRegistrationNumber:
            return (keyed(features.crn[index]), 0)
        case .webDomain:
            return (keyed(features.domain[index]), 0)
        }
    }
}

extension BlockingKey {
    /// This key's values for one record as stable 64-bit hashes (FNV-1a, the same in every process; never 0), so
    /// the store can keep them in an indexed column and fetch the candidates of an incoming record with the same
    /// keys a batch run uses, then score them with ``IdentityResolver/score(incoming:candidates:models:thresholds:)``.
    ///
    /// ```swift
    /// for key in BlockingKey.defaults { for value in key.values(of: record) { index(key.rawValue, value) } }
    /// ```
    public func values(of record: IdentityRecord) -> [UInt64] {
        let (first, second) = values(of: 0, in: RecordFeatures(CollectionOfOne(record)))
        return [first, second].filter { $0 != 0 }
    }
}
