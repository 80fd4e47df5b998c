#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import DangolCore

/// A buffered byte sink on a file or standard output, for exports, reject files and generated CSV: memory stays at
/// one buffer however much is written. Not `Sendable`: one task writes at a time. Call `close()` to flush; a file
/// released without `close()` is closed (unflushed bytes are lost).
final class OutputFile {
    /// Where the bytes go, safe to show (a path or `stdout`).
    let name: String
    private let descriptor: Int32
    private let ownsDescriptor: Bool
    private var buffer: [UInt8] = []
    private var closed = false
    private static let flushThreshold = 1 << 20

    private init(name: String, descriptor: Int32, ownsDescriptor: Bool) {
        self.name = name
        self.descriptor = descriptor
        self.ownsDescriptor = ownsDescriptor
        buffer.reserveCapacity(Self.flushThreshold + 4096)
    }

    /// Creates (or truncates) the file at `path` with the given permissions (0600 by default: files of customer data
    /// are for their owner only).
    static func create(path: String, permissions: mode_t = 0o600) throws(DangolError) -> OutputFile {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, permissions)
        guard descriptor >= 0 else {
            throw DangolError(.unavailable, "Could not create the file \(path) (errno \(errno)).")
        }
        return OutputFile(name: path, descriptor: descriptor, ownsDescriptor: true)
    }

    /// Standard output (not closed by `close()`, only flushed).
    static func standardOutput() -> OutputFile {
        OutputFile(name: "stdout", descriptor: STDOUT_FILENO, ownsDescriptor: false)
    }

    /// Appends text (UTF-8), flushing when the buffer is full.
    func write(_ text: String) throws(DangolError) {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= Self.flushThreshold { try flush() }
    }

    /// Appends raw bytes.
    func write(bytes: [UInt8]) throws(DangolError) {
        buffer.append(contentsOf: bytes)
        if buffer.count >= Self.flushThreshold { try flush() }
    }

    /// Writes the buffer out.
    func flush() throws(DangolError) {
        guard !buffer.isEmpty else { return }
        let failure: Int32? = buffer.withUnsafeBytes { raw -> Int32? in
            var offset = 0
            while offset < raw.count {
                let written = systemWrite(descriptor, raw.baseAddress! + offset, raw.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                offset += written
            }
            return nil
        }
        buffer.removeAll(keepingCapacity: true)
        if let failure { throw DangolError(.unavailable, "Writing to \(name) failed (errno \(failure)).") }
    }

    /// Flushes and closes the file.
    func close() throws(DangolError) {
        guard !closed else { return }
        closed = true
        defer { if ownsDescriptor { _ = systemClose(descriptor) } }
        try flush()
    }

    deinit {
        if !closed && ownsDescriptor { _ = systemClose(descriptor) }
    }
}

// `write` and `close` are also methods of this class; these name the C functions unambiguously.
private func systemWrite(_ descriptor: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
    write(descriptor, bytes, count)
}

private func systemClose(_ descriptor: Int32) -> Int32 {
    close(descriptor)
}
