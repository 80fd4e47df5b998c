/// Checks that bytes are well-formed UTF-8 (no overlong forms, surrogates or code points above U+10FFFF).
///
/// The standard library's `String(validating:as:)` is generic and, unspecialised, costs more than the rest of parsing
/// together; this runs over a whole record at once, eight ASCII bytes at a time, after which each field is made with
/// the cheap `String(decoding:as:)`.
enum UTF8Validator {
    /// Whether `bytes` is valid UTF-8.
    static func isValid(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return true }
        let count = bytes.count
        var index = 0
        while index < count {
            // ASCII runs, a word at a time.
            while index + 8 <= count {
                let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
                if word & 0x8080_8080_8080_8080 != 0 { break }
                index += 8
            }
            guard index < count else { break }
            let lead = base[index]
            if lead < 0x80 {
                index += 1
                continue
            }
            let length: Int
            var secondLow: UInt8 = 0x80
            var secondHigh: UInt8 = 0xBF
            switch lead {
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; secondLow = 0xA0  // no overlong forms
            case 0xED: length = 3; secondHigh = 0x9F  // no surrogates
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xF0: length = 4; secondLow = 0x90  // no overlong forms
            case 0xF4: length = 4; secondHigh = 0x8F  // nothing above U+10FFFF
            case 0xF1...0xF3: length = 4
            default: return false
            }
            guard index + length <= count else { return false }
            let second = base[index + 1]
            guard second >= secondLow && second <= secondHigh else { return false }
            var offset = 2
            while offset < length {
                guard base[index + offset] & 0xC0 == 0x80 else { return false }
                offset += 1
            }
            index += length
        }
        return true
    }
}
