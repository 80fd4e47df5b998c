import Foundation
import MultipartKit
import NIOCore

/// A `multipart/form-data` body read as it arrives: small fields are kept (up to 4 KiB each), the part named `file`
/// goes straight to a file on disk, and the whole upload is cut off at `limit` bytes. Used by one request handler at a
/// time, never shared.
final class UploadedForm {
    private let parser: MultipartParser
    private let path: String
    private let limit: Int
    private var handle: FileHandle?
    private var headers: [String: String] = [:]
    private var value: [UInt8] = []
    private var received = 0
    private var failure: (any Error)?

    /// The small fields by name.
    private(set) var fields: [String: String] = [:]
    /// The file name the browser sent for the `file` part.
    private(set) var fileName: String?
    private(set) var fileBytes = 0
    /// Whether the upload went past the limit.
    private(set) var tooLarge = false

    struct Refused: Error {}

    init(boundary: String, filePath: String, limit: Int) throws {
        parser = MultipartParser(boundary: boundary)
        path = filePath
        self.limit = limit
        parser.onHeader = { [unowned self] name, value in self.headers[name.lowercased()] = value }
        parser.onBody = { [unowned self] buffer in self.body(&buffer) }
        parser.onPartComplete = { [unowned self] in self.partComplete() }
    }

    func consume(_ buffer: ByteBuffer) throws {
        received += buffer.readableBytes
        if received > limit {
            tooLarge = true
            throw Refused()
        }
        try parser.execute(buffer)
        if let failure { throw failure }
    }

    func finish() throws {
        try handle?.close()
        handle = nil
        if let failure { throw failure }
    }

    /// Removes whatever was written.
    func discard() {
        try? handle?.close()
        handle = nil
        try? FileManager.default.removeItem(atPath: path)
    }

    private var partName: String? { Self.parameter("name", in: headers["content-disposition"] ?? "") }

    private func body(_ buffer: inout ByteBuffer) {
        guard failure == nil else { return }
        if partName == "file" {
            do {
                if handle == nil {
                    guard FileManager.default.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600]),
                          let opened = FileHandle(forWritingAtPath: path) else { throw Refused() }
                    handle = opened
                    fileName = Self.parameter("filename", in: headers["content-disposition"] ?? "").map { String($0.suffix(200)) }
                }
                if let bytes = buffer.readBytes(length: buffer.readableBytes) {
                    try handle?.write(contentsOf: bytes)
                    fileBytes += bytes.count
                }
            } catch {
                failure = error
            }
        } else if value.count < 4_096 {
            value += buffer.readBytes(length: min(buffer.readableBytes, 4_096 - value.count)) ?? []
        }
    }

    private func partComplete() {
        if let name = partName, name != "file" { fields[name] = String(decoding: value, as: UTF8.self) }
        value = []
        headers = [:]
    }

    /// A parameter of a `Content-Disposition` header (`form-data; name="file"; filename="sales.csv"`).
    static func parameter(_ name: String, in header: String) -> String? {
        for part in header.split(separator: ";").dropFirst() {
            let pair = part.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            if pair.count == 2, pair[0].lowercased() == name {
                return pair[1].trimmingCharacters(in: CharacterSet(charactersIn: "\""))
            }
        }
        return nil
    }
}
