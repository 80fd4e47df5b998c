import DangolApp
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A one-line progress display on standard error: rows, rows/s, percentage and ETA, redrawn in place on a terminal
/// and printed every few seconds otherwise (so logs of unattended runs stay readable).
final class ProgressLine: @unchecked Sendable {
    private let isTerminal = isatty(STDERR_FILENO) == 1
    private let lock = NSLock()
    private var lastPrinted = 0.0

    func report(_ progress: ImportProgress) {
        lock.lock()
        defer { lock.unlock() }
        guard isTerminal || progress.elapsedSeconds - lastPrinted >= 5 else { return }
        lastPrinted = progress.elapsedSeconds
        var line = "\(progress.rowsRead) rows  \(Int(progress.rowsPerSecond)) rows/s"
        if let fraction = progress.fractionDone { line += "  \(Int(fraction * 100))%" }
        if let eta = progress.estimatedSecondsRemaining { line += "  ETA \(Int(eta.rounded()))s" }
        line += "  created \(progress.created)  rejected \(progress.rejected)"
        FileHandle.standardError.write(Data((isTerminal ? "\r\u{1B}[K" + line : line + "\n").utf8))
    }

    func finish() {
        if isTerminal { FileHandle.standardError.write(Data("\n".utf8)) }
    }
}
