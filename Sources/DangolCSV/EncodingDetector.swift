/// Decides between UTF-8 and CP949 from the start of a file.
///
/// Valid UTF-8 is very unlikely to be CP949 text by chance: CP949 Hangul is a lead byte 0xB0–0xC8 followed by a
/// trail byte 0xA1–0xFE, while UTF-8 needs a lead byte followed by bytes 0x80–0xBF, so a few Korean words are enough
/// to tell them apart. Pure ASCII is valid in both and is read as UTF-8.
enum EncodingDetector {
    /// The UTF-8 byte order mark that Excel writes at the start of a "CSV UTF-8" file.
    static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]
    /// How much of the file `.auto` looks at.
    static let sampleSize = 64 << 10

    /// Whether `bytes` begins with the UTF-8 byte order mark.
    static func startsWithByteOrderMark(_ bytes: UnsafeRawBufferPointer) -> Bool {
        bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF
    }

    /// The encoding to read with. A byte order mark means UTF-8 even if `requested` says otherwise: only a UTF-8
    /// file starts with one. `sample` is the start of the input; `isWholeInput` says it is all of it.
    static func resolve(_ requested: CSVEncoding, sample: UnsafeRawBufferPointer, isWholeInput: Bool) -> CSVEncoding {
        if startsWithByteOrderMark(sample) { return .utf8 }
        switch requested {
        case .utf8, .cp949: return requested
        case .auto:
            let checked = isWholeInput ? sample.count : completeSequencesPrefix(sample)
            let prefix = UnsafeRawBufferPointer(rebasing: sample[..<checked])
            return UTF8Validator.isValid(prefix.assumingMemoryBound(to: UInt8.self)) ? .utf8 : .cp949
        }
    }

    /// The length of `bytes` without a multibyte sequence that the sample cut off at its end.
    static func completeSequencesPrefix(_ bytes: UnsafeRawBufferPointer) -> Int {
        let count = bytes.count
        // A UTF-8 sequence is at most 4 bytes: look back at most 3 for its lead byte.
        var index = count - 1
        while index >= 0 && index >= count - 3 {
            let byte = bytes[index]
            if byte & 0xC0 != 0x80 {
                let length: Int
                switch byte {
                case 0xC0...0xDF: length = 2
                case 0xE0...0xEF: length = 3
                case 0xF0...0xF7: length = 4
                default: length = 1
                }
                return index + length > count ? index : count
            }
            index -= 1
        }
        return count
    }
}
