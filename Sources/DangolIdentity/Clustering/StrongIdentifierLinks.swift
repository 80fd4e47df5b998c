import DangolCore

/// The deterministic rule: records of the same kind that share a strong identifier — a customer number, an e-mail
/// match key, a BRN or a CRN — are the same customer, whatever else differs.
///
/// Phones are deliberately not strong here: one mobile number is often shared by a household (a parent's phone on a
/// child's membership), so a shared phone is only evidence, weighed with the rest.
enum StrongIdentifierLinks {
    /// Unites the records sharing a strong identifier; returns how many unions joined separate groups.
    static func unite(_ records: [IdentityRecord], into sets: inout UnionFind) -> Int {
        var entries: [(UInt64, Int32)] = []
        entries.reserveCapacity(records.count)
        for (index, record) in records.enumerated() {
            let kindSeed = FNV.mix(FNV.offset, record.kind == .person ? 1 : 2)
            for number in record.customerNumbers { entries.append((FNV.hash(number.utf8, seed: FNV.mix(kindSeed, 11)), Int32(index))) }
            for email in record.emailKeys { entries.append((FNV.hash(email.utf8, seed: FNV.mix(kindSeed, 12)), Int32(index))) }
            if let brn = record.businessRegistrationNumber {
                entries.append((FNV.hash(brn.utf8, seed: FNV.mix(kindSeed, 13)), Int32(index)))
            }
            if let crn = record.corporateRegistrationNumber {
                entries.append((FNV.hash(crn.utf8, seed: FNV.mix(kindSeed, 14)), Int32(index)))
            }
        }
        entries.sort { $0.0 < $1.0 }
        var joined = 0
        var index = 1
        while index < entries.count {
            if entries[index].0 == entries[index - 1].0, sets.union(Int(entries[index].1), Int(entries[index - 1].1)) {
                joined += 1
            }
            index += 1
        }
        return joined
    }

    /// Whether two records share a strong identifier (the same rule, for a single pair).
    static func share(_ a: IdentityRecord, _ b: IdentityRecord) -> Bool {
        guard a.kind == b.kind else { return false }
        if !Set(a.customerNumbers).isDisjoint(with: b.customerNumbers) { return true }
        if !Set(a.emailKeys).isDisjoint(with: b.emailKeys) { return true }
        if let brn = a.businessRegistrationNumber, brn == b.businessRegistrationNumber { return true }
        if let crn = a.corporateRegistrationNumber, crn == b.corporateRegistrationNumber { return true }
        return false
    }
}
