#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Where a reader's raw bytes come from: an open file or an array already in memory.
enum ByteSource {
    case file(OpenFile)
    case memory(bytes: [UInt8], offset: Int)

    /// Fills the start of `buffer`; returns the byte count, 0 at the end, or the `errno` of a failed read.
    mutating func read(into buffer: UnsafeMutableRawBufferPointer) -> Result<Int, ReadFailure> {
        guard let base = buffer.baseAddress, buffer.count > 0 else { return .success(0) }
        switch self {
        case .file(let file):
            while true {
                let count = systemRead(file.descriptor, base, buffer.count)
                if count >= 0 { return .success(count) }
                if errno != EINTR { return .failure(ReadFailure(errorNumber: errno)) }
            }
        case .memory(let bytes, let offset):
            let count = min(buffer.count, bytes.count - offset)
            guard count > 0 else { return .success(0) }
            bytes.withUnsafeBytes { source in
                base.copyMemory(from: source.baseAddress! + offset, byteCount: count)
            }
            self = .memory(bytes: bytes, offset: offset + count)
            return .success(count)
        }
    }
}

/// A failed `read(2)`.
struct ReadFailure: Error {
    let errorNumber: Int32
}

// At file scope, so that the name is the C library's and not `ByteSource`'s own method.
private func systemRead(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
    read(descriptor, buffer, count)
}
