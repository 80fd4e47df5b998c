#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A file descriptor that is closed exactly once, when the last reference to it goes.
final class OpenFile {
    let descriptor: Int32

    init(descriptor: Int32) {
        self.descriptor = descriptor
    }

    deinit {
        systemClose(descriptor)
    }
}

// At file scope, so that the name is the C library's and not a method's.
private func systemClose(_ descriptor: Int32) {
    _ = close(descriptor)
}
