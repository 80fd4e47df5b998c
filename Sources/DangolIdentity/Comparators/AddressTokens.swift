/// Token-set comparison of postal addresses: an address is the set of its words, with the spellings of the province
/// or metropolitan city folded (서울특별시, 서울시 and 서울 are one token), and two addresses are as similar as the Dice
/// coefficient of their sets, 2|A∩B| / (|A| + |B|). Word order and a dropped detail (동·호수) cost little; a different
/// street costs a lot.
///
/// ```swift
/// AddressTokens.similarity("서울특별시 강남구 테헤란로 152", "서울 강남구 테헤란로 152")  // 1.0
/// ```
public enum AddressTokens {
    /// The Dice similarity of two addresses' token sets (0 when either is empty).
    public static func similarity(_ lhs: String, _ rhs: String) -> Double {
        let a = hashes(lhs)
        let b = hashes(rhs)
        return a.withUnsafeBufferPointer { a in b.withUnsafeBufferPointer { b in dice(a, b) } }
    }

    /// The sorted, distinct token hashes of an address.
    static func hashes(_ address: String) -> [UInt32] {
        var result: [UInt32] = []
        var isFirst = true
        for word in address.lowercased().split(whereSeparator: { $0.isWhitespace || $0 == "," }) {
            var token = String(word)
            if isFirst { token = foldRegion(token) }
            isFirst = false
            token = String(token.filter { $0 != "." && $0 != "(" && $0 != ")" })
            guard !token.isEmpty else { continue }
            result.append(UInt32(truncatingIfNeeded: FNV.hash(token.utf8)))
        }
        result.sort()
        var unique: [UInt32] = []
        for value in result where unique.last != value { unique.append(value) }
        return unique
    }

    /// The Dice coefficient of two sorted, distinct hash lists.
    static func dice(_ a: UnsafeBufferPointer<UInt32>, _ b: UnsafeBufferPointer<UInt32>) -> Double {
        guard !a.isEmpty, !b.isEmpty else { return 0 }
        var i = 0, j = 0, common = 0
        while i < a.count && j < b.count {
            if a[i] == b[j] {
                common += 1
                i += 1
                j += 1
            } else if a[i] < b[j] {
                i += 1
            } else {
                j += 1
            }
        }
        return Double(2 * common) / Double(a.count + b.count)
    }

    /// 서울특별시/서울시 → 서울, 경기도 → 경기, 부산광역시 → 부산, 세종특별자치시 → 세종, 제주특별자치도 → 제주.
    static func foldRegion(_ token: String) -> String {
        for suffix in ["특별자치시", "특별자치도", "특별시", "광역시"] where token.hasSuffix(suffix) && token.count > suffix.count {
            return String(token.dropLast(suffix.count))
        }
        if let full = provinces[token] { return full }
        if token.count == 3, token.hasSuffix("시") || token.hasSuffix("도") { return String(token.dropLast()) }
        return token
    }

    /// Two-syllable abbreviations of the double provinces: 충청북도 → 충북, 경상남도 → 경남…
    static let provinces: [String: String] = [
        "충청북도": "충북", "충청남도": "충남", "전라북도": "전북", "전라남도": "전남", "경상북도": "경북", "경상남도": "경남",
        "전북특별자치도": "전북", "강원특별자치도": "강원",
    ]
}

/// FNV-1a, 64 bits: a stable hash (unlike `Hasher`, the same in every process) for blocking keys and token sets.
enum FNV {
    static let offset: UInt64 = 0xCBF2_9CE4_8422_2325
    static let prime: UInt64 = 0x0000_0100_0000_01B3

    /// The hash of a byte sequence, never 0 (0 means "no value" in feature tables).
    static func hash<S: Sequence>(_ bytes: S, seed: UInt64 = offset) -> UInt64 where S.Element == UInt8 {
        var hash = seed
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* prime }
        return hash == 0 ? 1 : hash
    }

    /// The hash of 16-bit units, never 0.
    static func hash(units: UnsafeBufferPointer<UInt16>, seed: UInt64 = offset) -> UInt64 {
        var hash = seed
        for unit in units {
            hash = (hash ^ UInt64(unit & 0xFF)) &* prime
            hash = (hash ^ UInt64(unit >> 8)) &* prime
        }
        return hash == 0 ? 1 : hash
    }

    /// Mixes an integer into a hash (for composite keys), never 0.
    static func mix(_ hash: UInt64, _ value: UInt64) -> UInt64 {
        var result = hash
        var value = value
        for _ in 0..<8 {
            result = (result ^ (value & 0xFF)) &* prime
            value >>= 8
        }
        return result == 0 ? 1 : result
    }
}
