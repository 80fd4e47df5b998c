#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Converts CP949 to UTF-8 piece by piece with the system's iconv.
///
/// Foundation on Linux has no dependable CP949 `String.Encoding` (its EUC-KR silently drops UHC extension syllables
/// such as 똠), so the conversion goes through iconv. A byte that is not valid CP949 becomes 0xFF in the output: that
/// byte is never valid UTF-8, so the record holding it fails validation and is reported with its line, while every
/// other record reads normally.
final class CP949Decoder {
    /// Bytes never valid in UTF-8, standing in for invalid input.
    static let invalidMarker: UInt8 = 0xFF

    private let converter: iconv_t

    /// Fails when iconv does not know CP949.
    init?() {
        let converter = iconv_open("UTF-8", "CP949")
        guard let converter, converter != iconv_t(bitPattern: -1) else { return nil }
        self.converter = converter
    }

    deinit {
        iconv_close(converter)
    }

    /// The output space that always suffices for `inputCount` bytes: a two-byte CP949 character becomes at most
    /// three UTF-8 bytes, an ASCII or invalid byte one.
    static func outputCapacity(forInput inputCount: Int) -> Int {
        inputCount + inputCount / 2 + 4
    }

    /// Converts as much of `input` as possible into `output` and returns how many bytes of each were used.
    ///
    /// A character cut off at the end of `input` is left unconsumed for the next call, unless `isFinal`, when it is
    /// replaced by the invalid marker.
    func decode(
        _ input: UnsafeRawBufferPointer, into output: UnsafeMutableRawBufferPointer, isFinal: Bool
    ) -> (consumed: Int, produced: Int) {
        guard let inputBase = input.baseAddress, let outputBase = output.baseAddress, input.count > 0 else {
            return (0, 0)
        }
        var inPointer: UnsafeMutablePointer<CChar>? = UnsafeMutablePointer(
            mutating: inputBase.assumingMemoryBound(to: CChar.self))
        var inLeft = input.count
        var outPointer: UnsafeMutablePointer<CChar>? = outputBase.assumingMemoryBound(to: CChar.self)
        var outLeft = output.count
        while inLeft > 0 {
            let result = iconv(converter, &inPointer, &inLeft, &outPointer, &outLeft)
            if result != -1 { break }
            let failure = errno
            if failure == EILSEQ || (failure == EINVAL && isFinal) {
                // Replace one byte and go on: a structural byte (comma, quote, line break) after a bad lead byte
                // must still be seen by the scanner.
                guard outLeft > 0 else { break }
                outPointer?.pointee = CChar(bitPattern: Self.invalidMarker)
                outPointer = outPointer?.advanced(by: 1)
                outLeft -= 1
                inPointer = inPointer?.advanced(by: 1)
                inLeft -= 1
                // Reset the shift state after an error.
                iconv(converter, nil, nil, nil, nil)
            } else {
                // EINVAL: a character continues in the next piece. E2BIG: the caller calls again with more room.
                break
            }
        }
        return (input.count - inLeft, output.count - outLeft)
    }
}
