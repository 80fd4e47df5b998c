// The RFC 4180 state machine. It finds where one record ends in a window of UTF-8 bytes and where its fields lie,
// without copying anything. It can stop at the end of a window and resume when the window has grown, so a record
// may straddle any number of reads.

/// Where a field's bytes lie, relative to the scanner's window.
struct FieldSpan {
    /// First byte of the field's content (after the opening quote for a quoted field).
    var start: Int
    /// One past the last byte of the content (the closing quote for a quoted field).
    var end: Int
    /// The content contains `""` pairs that stand for one quote each.
    var hasDoubledQuotes: Bool
}

/// What `RecordScanner.scan` found.
enum ScanOutcome {
    /// A record ends before `next` (its terminator included); its fields are in `spans`.
    case record(next: Int)
    /// The window ends inside a record or before the next record's first byte: grow the window and call again.
    case needsMoreInput
    /// Input ended; nothing but blank lines (if anything) after the last record.
    case endOfInput
}

/// Scans one record at a time over a window of UTF-8 bytes.
///
/// All positions are relative to the window passed to `scan`. Between a `.needsMoreInput` and the next call the
/// owner may drop bytes from the front of its window (at most `droppableCount`) and must then call `rebase`.
struct RecordScanner {
    private enum State {
        /// Before a record's first byte: skips blank lines and the LF of a CRLF.
        case recordStart
        case fieldStart
        case unquoted
        case quoted
        /// Just after a quote inside a quoted field: a doubled quote or the closing one.
        case quoteInQuoted
    }

    private static let quote = UInt8(ascii: "\"")
    private static let cr = UInt8(ascii: "\r")
    private static let lf = UInt8(ascii: "\n")

    // Literals rather than `pattern(_:)` calls, so the hot loops read constants instead of lazily made globals.
    private static let lfPattern: UInt64 = 0x0A0A_0A0A_0A0A_0A0A
    private static let crPattern: UInt64 = 0x0D0D_0D0D_0D0D_0D0D
    private static let quotePattern: UInt64 = 0x2222_2222_2222_2222

    let delimiter: UInt8
    private let delimiterPattern: UInt64

    /// Fields of the record found by the last `.record` outcome.
    private(set) var spans: [FieldSpan] = []
    /// Offset of the current record's first byte.
    private(set) var recordStart = 0
    /// Physical lines before the current record's first byte since the last `resetLineCounters()` (blank lines and
    /// the end of the previous record).
    private(set) var linesBeforeRecord = 0
    /// Line breaks inside the current record's quoted fields.
    private(set) var linesInsideRecord = 0
    /// The current record has text after a closing quote (`"ab"c`).
    private(set) var hasStrayQuote = false
    /// Input ended inside a quoted field: the current record is unterminated.
    private(set) var isUnterminated = false
    /// The owner asked to drop the current record (too large): spans are not collected and it may drop every
    /// scanned byte but the last.
    private(set) var isSkippingRecord = false

    private var state = State.recordStart
    private var position = 0
    private var fieldStart = 0
    private var fieldHasDoubledQuotes = false
    /// The previous record ended with CR: a LF at the start of the next one belongs to it.
    private var skipsLeadingLF = false

    init(delimiter: UInt8) {
        self.delimiter = delimiter
        delimiterPattern = Self.pattern(delimiter)
        spans.reserveCapacity(16)
    }

    /// How many bytes at the front of the window the owner may drop before calling `rebase`.
    var droppableCount: Int {
        switch state {
        case .recordStart: position
        // Keep one byte: a LF inside a quoted field looks back for a CR.
        case _ where isSkippingRecord: max(0, position - 1)
        default: recordStart
        }
    }

    /// Bytes of the current record scanned so far.
    var scannedRecordBytes: Int { state == .recordStart ? 0 : position - recordStart }

    /// Shifts all positions after the owner dropped `count` bytes from the front of its window.
    mutating func rebase(droppingFirst count: Int) {
        guard count > 0 else { return }
        position -= count
        recordStart -= count
        fieldStart -= count
        // Between records the spans are those of the record already returned: nobody reads them again.
        guard state != .recordStart else { return }
        for index in spans.indices {
            spans[index].start -= count
            spans[index].end -= count
        }
    }

    /// Drops the current record's fields and scans on to its end without collecting new ones.
    mutating func skipRestOfRecord() {
        isSkippingRecord = true
        spans.removeAll(keepingCapacity: true)
    }

    /// Starts counting lines afresh, after the owner has accounted for the last record's lines.
    mutating func resetLineCounters() {
        linesBeforeRecord = 0
        linesInsideRecord = 0
    }

    /// Scans from where the last call stopped. `window` must hold the same bytes as before (less the dropped ones)
    /// followed by new ones.
    mutating func scan(_ window: UnsafeBufferPointer<UInt8>, isEndOfInput: Bool) -> ScanOutcome {
        let count = window.count
        var index = position
        defer { position = index }
        while true {
            switch state {
            case .recordStart:
                guard index < count else { return isEndOfInput ? .endOfInput : .needsMoreInput }
                let byte = window[index]
                if skipsLeadingLF {
                    skipsLeadingLF = false
                    if byte == Self.lf {
                        index += 1
                        continue
                    }
                }
                if byte == Self.lf || byte == Self.cr {
                    // A blank line: counted, never a record.
                    linesBeforeRecord += 1
                    skipsLeadingLF = byte == Self.cr
                    index += 1
                    continue
                }
                beginRecord(at: index)
                state = .fieldStart

            case .fieldStart:
                guard index < count else {
                    guard isEndOfInput else { return .needsMoreInput }
                    // "a," at end of input: a trailing empty field.
                    appendField(start: index, end: index)
                    return finishRecord(next: index, terminator: nil)
                }
                if window[index] == Self.quote {
                    index += 1
                    fieldStart = index
                    fieldHasDoubledQuotes = false
                    state = .quoted
                } else {
                    fieldStart = index
                    state = .unquoted
                }

            case .unquoted:
                // The hot loop. A quote here is an ordinary character (lenient, like Excel).
                let delimiter = self.delimiter
                let base = window.baseAddress
                while index < count {
                    if index + 8 <= count, let base {
                        // Eight bytes at a time while none of them ends the field.
                        let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
                        if !Self.hasByte(word, delimiterPattern) && !Self.hasByte(word, Self.lfPattern)
                            && !Self.hasByte(word, Self.crPattern)
                        {
                            index += 8
                            continue
                        }
                    }
                    let byte = window[index]
                    if byte == delimiter || byte == Self.lf || byte == Self.cr { break }
                    index += 1
                }
                guard index < count else {
                    guard isEndOfInput else { return .needsMoreInput }
                    appendField(start: fieldStart, end: index)
                    return finishRecord(next: index, terminator: nil)
                }
                appendField(start: fieldStart, end: index)
                let byte = window[index]
                index += 1
                if byte == delimiter {
                    state = .fieldStart
                } else {
                    return finishRecord(next: index, terminator: byte)
                }

            case .quoted:
                let base = window.baseAddress
                while index < count {
                    if index + 8 <= count, let base {
                        let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
                        if !Self.hasByte(word, Self.quotePattern) && !Self.hasByte(word, Self.lfPattern)
                            && !Self.hasByte(word, Self.crPattern)
                        {
                            index += 8
                            continue
                        }
                    }
                    let byte = window[index]
                    if byte == Self.quote { break }
                    if byte == Self.cr {
                        linesInsideRecord += 1
                    } else if byte == Self.lf, window[index - 1] != Self.cr {
                        linesInsideRecord += 1
                    }
                    index += 1
                }
                guard index < count else {
                    guard isEndOfInput else { return .needsMoreInput }
                    isUnterminated = true
                    return finishRecord(next: index, terminator: nil)
                }
                index += 1
                state = .quoteInQuoted

            case .quoteInQuoted:
                let closingQuote = index - 1
                guard index < count else {
                    guard isEndOfInput else { return .needsMoreInput }
                    appendField(start: fieldStart, end: closingQuote, hasDoubledQuotes: fieldHasDoubledQuotes)
                    return finishRecord(next: index, terminator: nil)
                }
                let byte = window[index]
                if byte == Self.quote {
                    fieldHasDoubledQuotes = true
                    index += 1
                    state = .quoted
                } else if byte == delimiter {
                    appendField(start: fieldStart, end: closingQuote, hasDoubledQuotes: fieldHasDoubledQuotes)
                    index += 1
                    state = .fieldStart
                } else if byte == Self.lf || byte == Self.cr {
                    appendField(start: fieldStart, end: closingQuote, hasDoubledQuotes: fieldHasDoubledQuotes)
                    index += 1
                    return finishRecord(next: index, terminator: byte)
                } else {
                    // `"ab"c`: the record is rejected, but scanning goes on as if the rest were unquoted so the
                    // next record starts where a reader of the file would expect it.
                    hasStrayQuote = true
                    state = .unquoted
                }
            }
        }
    }

    /// `byte` in every byte of a word.
    private static func pattern(_ byte: UInt8) -> UInt64 {
        UInt64(byte) &* 0x0101_0101_0101_0101
    }

    /// Whether any byte of `word` equals the byte repeated in `pattern` (the classic "has zero byte" test on their
    /// exclusive or; exact, never a false positive).
    @inline(__always)
    private static func hasByte(_ word: UInt64, _ pattern: UInt64) -> Bool {
        let difference = word ^ pattern
        return (difference &- 0x0101_0101_0101_0101) & ~difference & 0x8080_8080_8080_8080 != 0
    }

    private mutating func beginRecord(at index: Int) {
        recordStart = index
        spans.removeAll(keepingCapacity: true)
        hasStrayQuote = false
        isUnterminated = false
        isSkippingRecord = false
    }

    private mutating func appendField(start: Int, end: Int, hasDoubledQuotes: Bool = false) {
        guard !isSkippingRecord else { return }
        spans.append(FieldSpan(start: start, end: end, hasDoubledQuotes: hasDoubledQuotes))
    }

    private mutating func finishRecord(next: Int, terminator: UInt8?) -> ScanOutcome {
        state = .recordStart
        skipsLeadingLF = terminator == Self.cr
        return .record(next: next)
    }
}
