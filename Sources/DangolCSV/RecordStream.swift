/// The reading engine shared by `CSVFileReader` and `CSVParser`: pulls raw bytes from a source, converts them to
/// UTF-8 if needed, runs the scanner over them and turns the spans it finds into records or errors.
///
/// Memory stays flat: it holds a chunk of raw input, its UTF-8 form, and the record being read (at most
/// `maxRecordBytes`; a longer one is skipped without being kept).
final class RecordStream {
    /// Why a stream could not start.
    enum SetupFailure: Error {
        case readFailed(errorNumber: Int32)
        case unsupportedEncoding
    }

    private static let quote = UInt8(ascii: "\"")

    /// The encoding in use, never `.auto`.
    let encoding: CSVEncoding
    /// Raw bytes taken from the source so far.
    private(set) var bytesRead: Int64 = 0

    private var source: ByteSource
    private let chunkSize: Int
    private let maxRecordBytes: Int
    private let decoder: CP949Decoder?
    private var scanner: RecordScanner
    /// Raw bytes waiting to be converted: the detection sample, then CP949 input and its cut-off tails.
    private let pending = ByteWindow(capacity: EncodingDetector.sampleSize)
    /// UTF-8 bytes being scanned.
    private let window: ByteWindow
    private var isSourceExhausted = false
    private var isFinished = false
    /// The physical line number of the first line the scanner has not yet accounted for.
    private var nextLine = 1
    /// Scratch space for a field with doubled quotes.
    private var unescaped: [UInt8] = []

    init(source: ByteSource, options: CSVReaderOptions) throws(SetupFailure) {
        precondition(
            options.hasValidDelimiter, "the CSV delimiter must be ASCII and not a quote, CR or LF")
        self.source = source
        chunkSize = max(options.chunkSize, 4)
        maxRecordBytes = max(options.maxRecordBytes, 1)
        scanner = RecordScanner(delimiter: options.delimiter)
        window = ByteWindow(capacity: 2 * min(chunkSize, 1 << 24) + 64)

        // The sample decides the encoding and then is read like any other input.
        let sampleSpace = pending.reserveTail(EncodingDetector.sampleSize)
        var sampled = 0
        while sampled < EncodingDetector.sampleSize && !isSourceExhausted {
            let space = UnsafeMutableRawBufferPointer(rebasing: sampleSpace[sampled..<EncodingDetector.sampleSize])
            switch self.source.read(into: space) {
            case .failure(let failure):
                throw .readFailed(errorNumber: failure.errorNumber)
            case .success(0):
                isSourceExhausted = true
            case .success(let count):
                sampled += count
            }
        }
        pending.commitTail(sampled)
        bytesRead = Int64(sampled)
        let sample = UnsafeRawBufferPointer(pending.bytes)
        encoding = EncodingDetector.resolve(options.encoding, sample: sample, isWholeInput: isSourceExhausted)
        if EncodingDetector.startsWithByteOrderMark(sample) {
            pending.dropFirst(EncodingDetector.byteOrderMark.count)
        }
        if encoding == .cp949 {
            guard let decoder = CP949Decoder() else {
                throw .unsupportedEncoding
            }
            self.decoder = decoder
        } else {
            decoder = nil
        }
    }

    /// The next record, a per-record error, or nil once the input is used up.
    func next() -> Result<CSVRecord, CSVReadError>? {
        guard !isFinished else { return nil }
        while true {
            let isEndOfInput = isSourceExhausted && pending.count == 0
            switch scanner.scan(window.bytes, isEndOfInput: isEndOfInput) {
            case .record(let next):
                let result = makeResult()
                window.dropFirst(next)
                scanner.rebase(droppingFirst: next)
                return result
            case .endOfInput:
                isFinished = true
                return nil
            case .needsMoreInput:
                if let failure = refill() {
                    isFinished = true
                    return .failure(.readFailed(line: nextLine + scanner.linesBeforeRecord, errorNumber: failure))
                }
            }
        }
    }

    // MARK: - Turning spans into a record

    private func makeResult() -> Result<CSVRecord, CSVReadError> {
        let line = nextLine + scanner.linesBeforeRecord
        nextLine = line + scanner.linesInsideRecord + 1
        scanner.resetLineCounters()
        if scanner.isUnterminated { return .failure(.unterminatedQuote(line: line)) }
        if scanner.isSkippingRecord { return .failure(.recordTooLarge(line: line, limit: maxRecordBytes)) }
        if scanner.hasStrayQuote { return .failure(.strayQuote(line: line)) }

        let bytes = window.bytes
        let spans = scanner.spans
        guard let first = spans.first, let last = spans.last else {
            // Not reached: the scanner gives every record at least one field.
            return .success(CSVRecord(line: line, fields: []))
        }
        // Validate once over the whole record; fields are then made without a second, costlier check.
        guard UTF8Validator.isValid(UnsafeBufferPointer(rebasing: bytes[first.start..<last.end])) else {
            return .failure(.invalidEncoding(line: line, encoding: encoding))
        }
        var fields: [String] = []
        fields.reserveCapacity(spans.count)
        for span in spans {
            fields.append(makeField(bytes, span))
        }
        return .success(CSVRecord(line: line, fields: fields))
    }

    /// The text of a field whose bytes are valid UTF-8.
    @inline(__always)
    private func makeField(_ bytes: UnsafeBufferPointer<UInt8>, _ span: FieldSpan) -> String {
        if span.start == span.end { return "" }
        guard span.hasDoubledQuotes else {
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[span.start..<span.end]), as: UTF8.self)
        }
        // Inside a closed quoted field every quote is half of a `""` pair.
        unescaped.removeAll(keepingCapacity: true)
        var index = span.start
        while index < span.end {
            let byte = bytes[index]
            unescaped.append(byte)
            index += byte == Self.quote ? 2 : 1
        }
        return unescaped.withUnsafeBufferPointer { String(decoding: $0, as: UTF8.self) }
    }

    // MARK: - Reading and converting

    /// Adds input to the window (or learns that there is none); returns the `errno` of a failed read.
    private func refill() -> Int32? {
        if !scanner.isSkippingRecord && scanner.scannedRecordBytes > maxRecordBytes {
            scanner.skipRestOfRecord()
        }
        let droppable = scanner.droppableCount
        window.dropFirst(droppable)
        scanner.rebase(droppingFirst: droppable)

        switch encoding {
        case .cp949: return refillConverting()
        case .utf8, .auto: return refillDirect()
        }
    }

    /// UTF-8: the bytes are used as they are.
    private func refillDirect() -> Int32? {
        if pending.count > 0 {
            // Hand the sample over a chunk at a time, so chunk boundaries fall where they would in the file.
            let count = min(pending.count, chunkSize)
            let space = window.reserveTail(count)
            space.copyMemory(from: UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(pending.bytes)[..<count]))
            window.commitTail(count)
            pending.dropFirst(count)
            return nil
        }
        let space = window.reserveTail(chunkSize)
        return readSource(into: UnsafeMutableRawBufferPointer(rebasing: space[..<chunkSize]), of: window)
    }

    /// CP949: one chunk at a time through iconv. A character cut in two by a chunk boundary stays in `pending`
    /// until the next chunk completes it.
    private func refillConverting() -> Int32? {
        if pending.count < chunkSize && !isSourceExhausted {
            let space = pending.reserveTail(chunkSize)
            let chunk = UnsafeMutableRawBufferPointer(rebasing: space[..<chunkSize])
            if let failure = readSource(into: chunk, of: pending) { return failure }
        }
        guard let decoder, pending.count > 0 else { return nil }
        let inputCount = min(pending.count, chunkSize)
        let isFinal = isSourceExhausted && inputCount == pending.count
        let output = window.reserveTail(CP949Decoder.outputCapacity(forInput: inputCount))
        let input = UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(pending.bytes)[..<inputCount])
        let (consumed, produced) = decoder.decode(input, into: output, isFinal: isFinal)
        pending.dropFirst(consumed)
        window.commitTail(produced)
        return nil
    }

    /// Reads once from the source into `space`, which `target` reserved.
    private func readSource(into space: UnsafeMutableRawBufferPointer, of target: ByteWindow) -> Int32? {
        switch source.read(into: space) {
        case .failure(let failure):
            return failure.errorNumber
        case .success(0):
            isSourceExhausted = true
        case .success(let count):
            target.commitTail(count)
            bytesRead += Int64(count)
        }
        return nil
    }
}
