import DangolCore

/// Everything the matcher needs from each record, computed once and laid out as flat arrays indexed by record
/// number: names as jamo units in one shared buffer, dates and phones as integers, tokens as hashes. The hot loop
/// that compares millions of pairs touches only these arrays — no `String`, no allocation.
struct RecordFeatures: Sendable {
    /// Records per phone or e-mail kept for comparison (more are used by the deterministic rule only).
    static let slots = 2

    let count: Int
    private(set) var kind: [UInt8] = []
    private(set) var nameStart: [Int32] = []
    private(set) var nameLength: [UInt16] = []
    private(set) var nameHash: [UInt64] = []
    private(set) var nicknameHash: [UInt64] = []
    /// 초성 of the surname (Hangul) or first letter of the last word (Latin), for blocking.
    private(set) var familyInitial: [UInt64] = []
    /// Hash of all 초성/initials of the name (nicknames folded), for blocking.
    private(set) var initialsHash: [UInt64] = []
    /// Birth date as YYYYMMDD, 0 when unknown.
    private(set) var birth: [Int32] = []
    /// National significant numbers as integers, `slots` per record, 0 when absent.
    private(set) var phones: [UInt64] = []
    /// E-mail match-key hashes, `slots` per record, 0 when absent.
    private(set) var emails: [UInt64] = []
    private(set) var emailLocalStart: [Int32] = []
    private(set) var emailLocalLength: [UInt16] = []
    private(set) var tokenStart: [Int32] = []
    private(set) var tokenCount: [UInt16] = []
    /// Postcode as an integer, -1 when unknown.
    private(set) var postcode: [Int32] = []
    private(set) var brn: [UInt64] = []
    private(set) var crn: [UInt64] = []
    private(set) var domain: [UInt64] = []
    /// Shared storage of name and e-mail local-part units.
    private(set) var units: [UInt16] = []
    /// Shared storage of address token hashes.
    private(set) var tokens: [UInt32] = []

    init<C: Collection<IdentityRecord>>(_ records: C) {
        count = records.count
        kind.reserveCapacity(count)
        nameStart.reserveCapacity(count)
        nameLength.reserveCapacity(count)
        nameHash.reserveCapacity(count)
        nicknameHash.reserveCapacity(count)
        familyInitial.reserveCapacity(count)
        initialsHash.reserveCapacity(count)
        birth.reserveCapacity(count)
        phones.reserveCapacity(count * Self.slots)
        emails.reserveCapacity(count * Self.slots)
        emailLocalStart.reserveCapacity(count)
        emailLocalLength.reserveCapacity(count)
        tokenStart.reserveCapacity(count)
        tokenCount.reserveCapacity(count)
        postcode.reserveCapacity(count)
        brn.reserveCapacity(count)
        crn.reserveCapacity(count)
        domain.reserveCapacity(count)
        units.reserveCapacity(count * 12)
        tokens.reserveCapacity(count * 4)
        for record in records { append(record) }
    }

    private mutating func append(_ record: IdentityRecord) {
        kind.append(record.kind == .person ? 0 : 1)
        let isOrganisation = record.kind == .organisation
        let nameText = isOrganisation ? CompanyNameNormalizer.key(record.name) : record.name
        let start = units.count
        HangulJamo.append(nameText, to: &units)
        let length = min(units.count - start, Int(UInt16.max))
        units.removeLast(units.count - start - length)
        nameStart.append(Int32(start))
        nameLength.append(UInt16(length))
        nameHash.append(length == 0 ? 0 : units.withUnsafeBufferPointer {
            FNV.hash(units: UnsafeBufferPointer(rebasing: $0[start..<start + length]))
        })
        let canonical = isOrganisation ? nil : Self.canonicalLatinName(record.name)
        nicknameHash.append(canonical.map { FNV.hash($0.joined().utf8) } ?? 0)
        let initialsSource = canonical?.joined(separator: " ") ?? nameText
        let initials = HangulJamo.initialConsonants(initialsSource)
        initialsHash.append(initials.isEmpty ? 0 : FNV.hash(initials.utf8))
        familyInitial.append(Self.familyInitial(of: initialsSource, initials: initials))

        if let date = record.birthDate {
            birth.append(Int32(date.year * 10_000 + date.month * 100 + date.day))
        } else {
            birth.append(0)
        }
        for slot in 0..<Self.slots {
            phones.append(slot < record.phones.count ? Self.phoneValue(record.phones[slot]) : 0)
            emails.append(slot < record.emailKeys.count ? FNV.hash(record.emailKeys[slot].utf8) : 0)
        }
        let localStart = units.count
        if let email = record.emailKeys.first {
            for scalar in email.unicodeScalars {
                if scalar == "@" { break }
                units.append(UInt16(truncatingIfNeeded: scalar.value))
            }
        }
        emailLocalStart.append(Int32(localStart))
        emailLocalLength.append(UInt16(min(units.count - localStart, Int(UInt16.max))))

        let addressTokens = record.address.map(AddressTokens.hashes) ?? []
        tokenStart.append(Int32(tokens.count))
        tokenCount.append(UInt16(min(addressTokens.count, Int(UInt16.max))))
        tokens.append(contentsOf: addressTokens.prefix(Int(UInt16.max)))
        postcode.append(record.postcode.flatMap { Int32($0) } ?? -1)
        brn.append(record.businessRegistrationNumber.flatMap { UInt64($0) }.map { $0 + 1 } ?? 0)
        crn.append(record.corporateRegistrationNumber.flatMap { UInt64($0) }.map { $0 + 1 } ?? 0)
        domain.append(record.webDomain.map { FNV.hash($0.utf8) } ?? 0)
    }

    /// The digits after `+` of an E.164 number as an integer (0 if unparsable).
    static func phoneValue(_ e164: String) -> UInt64 {
        var value: UInt64 = 0
        for byte in e164.utf8 where byte >= 48 && byte <= 57 { value = value &* 10 &+ UInt64(byte - 48) }
        return value
    }

    /// The lowercased words of a Latin-script name with its first word replaced by its formal form, when the first
    /// word is a known given name or nickname and there are at least two words; nil otherwise.
    static func canonicalLatinName(_ name: String) -> [String]? {
        let words = name.lowercased().split(whereSeparator: \.isWhitespace).map(String.init)
        guard words.count >= 2, let formal = EnglishNicknames.canonical(words[0]) else { return nil }
        return [formal] + words.dropFirst()
    }

    private static func familyInitial(of name: String, initials: String) -> UInt64 {
        guard let first = name.unicodeScalars.first(where: { !$0.properties.isWhitespace }) else { return 0 }
        if HangulJamo.isSyllable(first), let initial = initials.first {
            return FNV.hash(String(initial).utf8)
        }
        guard let last = initials.last else { return 0 }
        return FNV.hash(String(last).utf8)
    }
}
