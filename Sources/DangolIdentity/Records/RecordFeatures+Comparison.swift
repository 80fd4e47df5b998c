/// The comparison of two records' features, field by field, into ``ComparisonField`` levels. The thresholds are the
/// ones the level names state: Jaro–Winkler 0.92 and 0.80 on jamo for names, 0.90 on e-mail local parts, Dice 0.85
/// and 0.5 on address tokens.
extension RecordFeatures {
    /// The packed comparison vector of records `i` and `j`. `units` and `tokens` are this table's buffers.
    @inline(__always)
    func comparisonCode(_ i: Int, _ j: Int, units: UnsafeBufferPointer<UInt16>, tokens: UnsafeBufferPointer<UInt32>) -> UInt32 {
        let strides = ComparisonVector.strides
        let radices = ComparisonVector.radices
        var code: UInt32 = 0
        func add(_ fieldIndex: Int, _ level: UInt8) {
            let digit = level == ComparisonLevel.missing ? UInt32(radices[fieldIndex] - 1) : UInt32(level)
            code &+= digit &* strides[fieldIndex]
        }
        add(0, nameLevel(i, j, units: units))
        add(1, birthDateLevel(i, j))
        add(2, phoneLevel(i, j))
        add(3, emailLevel(i, j, units: units))
        add(4, addressLevel(i, j, tokens: tokens))
        add(5, Self.equalityLevel(postcode[i] < 0 ? 0 : UInt64(postcode[i]) + 1, postcode[j] < 0 ? 0 : UInt64(postcode[j]) + 1))
        add(6, Self.equalityLevel(brn[i], brn[j]))
        add(7, Self.equalityLevel(crn[i], crn[j]))
        add(8, Self.equalityLevel(domain[i], domain[j]))
        return code
    }

    /// The comparison vector of records `i` and `j` (convenience for explanations and tests).
    func comparisonVector(_ i: Int, _ j: Int) -> ComparisonVector {
        units.withUnsafeBufferPointer { units in
            tokens.withUnsafeBufferPointer { tokens in
                ComparisonVector(code: comparisonCode(i, j, units: units, tokens: tokens))
            }
        }
    }

    @inline(__always)
    static func equalityLevel(_ a: UInt64, _ b: UInt64) -> UInt8 {
        if a == 0 || b == 0 { return ComparisonLevel.missing }
        return a == b ? 0 : 1
    }

    @inline(__always)
    func nameUnits(_ i: Int, _ units: UnsafeBufferPointer<UInt16>) -> UnsafeBufferPointer<UInt16> {
        let start = Int(nameStart[i])
        return UnsafeBufferPointer(rebasing: units[start..<start + Int(nameLength[i])])
    }

    func nameLevel(_ i: Int, _ j: Int, units: UnsafeBufferPointer<UInt16>) -> UInt8 {
        if nameLength[i] == 0 || nameLength[j] == 0 { return ComparisonLevel.missing }
        let a = nameUnits(i, units)
        let b = nameUnits(j, units)
        if nameHash[i] == nameHash[j] && a.elementsEqual(b) { return 0 }
        if nicknameHash[i] != 0 && nicknameHash[i] == nicknameHash[j] { return 1 }
        if a.count >= 4 && b.count >= 4 && JaroWinkler.isWithinOneEdit(a, b) { return 2 }
        let similarity = JaroWinkler.similarity(a, b)
        if similarity >= 0.92 { return 3 }
        if similarity >= 0.80 { return 4 }
        return 5
    }

    func birthDateLevel(_ i: Int, _ j: Int) -> UInt8 {
        let a = birth[i], b = birth[j]
        if a == 0 || b == 0 { return ComparisonLevel.missing }
        return Self.birthDateLevel(a, b)
    }

    /// Levels of two YYYYMMDD dates: exact, day and month swapped, one digit off, same year, different.
    static func birthDateLevel(_ a: Int32, _ b: Int32) -> UInt8 {
        if a == b { return 0 }
        let yearA = a / 10_000, yearB = b / 10_000
        let monthA = a / 100 % 100, monthB = b / 100 % 100
        let dayA = a % 100, dayB = b % 100
        if yearA == yearB && monthA == dayB && dayA == monthB { return 1 }
        var differing = 0
        var x = a, y = b
        for _ in 0..<8 {
            if x % 10 != y % 10 { differing += 1 }
            x /= 10
            y /= 10
        }
        if differing == 1 { return 2 }
        return yearA == yearB ? 3 : 4
    }

    func phoneLevel(_ i: Int, _ j: Int) -> UInt8 {
        let a0 = phones[i * Self.slots], a1 = phones[i * Self.slots + 1]
        let b0 = phones[j * Self.slots], b1 = phones[j * Self.slots + 1]
        if a0 == 0 || b0 == 0 { return ComparisonLevel.missing }
        if a0 == b0 || (b1 != 0 && a0 == b1) || (a1 != 0 && (a1 == b0 || a1 == b1)) { return 0 }
        let tail: UInt64 = 100_000_000
        let ta0 = a0 % tail, tb0 = b0 % tail
        if ta0 == tb0 || (b1 != 0 && ta0 == b1 % tail) || (a1 != 0 && (a1 % tail == tb0 || (b1 != 0 && a1 % tail == b1 % tail))) {
            return 1
        }
        return 2
    }

    func emailLevel(_ i: Int, _ j: Int, units: UnsafeBufferPointer<UInt16>) -> UInt8 {
        let a0 = emails[i * Self.slots], a1 = emails[i * Self.slots + 1]
        let b0 = emails[j * Self.slots], b1 = emails[j * Self.slots + 1]
        if a0 == 0 || b0 == 0 { return ComparisonLevel.missing }
        if a0 == b0 || (b1 != 0 && a0 == b1) || (a1 != 0 && (a1 == b0 || a1 == b1)) { return 0 }
        let startA = Int(emailLocalStart[i]), startB = Int(emailLocalStart[j])
        let a = UnsafeBufferPointer(rebasing: units[startA..<startA + Int(emailLocalLength[i])])
        let b = UnsafeBufferPointer(rebasing: units[startB..<startB + Int(emailLocalLength[j])])
        return JaroWinkler.similarity(a, b) >= 0.9 ? 1 : 2
    }

    func addressLevel(_ i: Int, _ j: Int, tokens: UnsafeBufferPointer<UInt32>) -> UInt8 {
        let countA = Int(tokenCount[i]), countB = Int(tokenCount[j])
        if countA == 0 || countB == 0 { return ComparisonLevel.missing }
        let startA = Int(tokenStart[i]), startB = Int(tokenStart[j])
        let dice = AddressTokens.dice(
            UnsafeBufferPointer(rebasing: tokens[startA..<startA + countA]),
            UnsafeBufferPointer(rebasing: tokens[startB..<startB + countB]))
        if dice >= 0.85 { return 0 }
        return dice >= 0.5 ? 1 : 2
    }
}
