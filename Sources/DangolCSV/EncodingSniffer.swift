#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Settles `.auto` for a regular file by looking past any ASCII prefix: the first non-ASCII byte may come long after
/// the first 64 KiB (an English header and thousands of ASCII rows before the first Korean name), and a file that is
/// CP949 must not be read as UTF-8 only because its start happens to be ASCII. Scans with `pread`, so the reader's
/// position is untouched; a file with no non-ASCII byte at all is UTF-8 (the two agree on ASCII).
enum EncodingSniffer {
    /// The encoding for the file behind `descriptor`, or nil if it cannot be read (the reader then decides).
    static func sniff(descriptor: Int32, fileSize: Int64) -> CSVEncoding? {
        let chunk = 1 << 20
        var buffer = [UInt8](repeating: 0, count: chunk)
        var offset: Int64 = 0
        while offset < fileSize {
            let count = buffer.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, chunk, off_t(offset)) }
            guard count > 0 else { return count == 0 ? .utf8 : nil }
            if let firstHigh = buffer[0..<count].firstIndex(where: { $0 >= 0x80 }) {
                return classify(descriptor: descriptor, from: offset + Int64(firstHigh), fileSize: fileSize)
            }
            offset += Int64(count)
        }
        return .utf8
    }

    /// Validates up to 64 KiB starting at the first non-ASCII byte (which, after pure ASCII, starts a sequence).
    private static func classify(descriptor: Int32, from start: Int64, fileSize: Int64) -> CSVEncoding? {
        let length = Int(min(Int64(EncodingDetector.sampleSize), fileSize - start))
        var sample = [UInt8](repeating: 0, count: length)
        let count = sample.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, length, off_t(start)) }
        guard count > 0 else { return nil }
        return sample.withUnsafeBytes { raw in
            let window = UnsafeRawBufferPointer(rebasing: raw[0..<count])
            let isWhole = start + Int64(count) >= fileSize
            let checked = isWhole ? count : EncodingDetector.completeSequencesPrefix(window)
            let prefix = UnsafeRawBufferPointer(rebasing: window[0..<checked])
            return UTF8Validator.isValid(prefix.assumingMemoryBound(to: UInt8.self)) ? .utf8 : .cp949
        }
    }
}
