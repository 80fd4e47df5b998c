import Foundation
import Hummingbird
import NIOCore

/// The fields of an `application/x-www-form-urlencoded` body (or a query string): every value of every name, decoded
/// (`+` is a space, `%XX` a byte). Also checks the CSRF field of console forms.
struct ConsoleForm: Sendable {
    /// The fields in the order sent.
    private(set) var pairs: [(name: String, value: String)] = []
    private var values: [String: [String]] = [:]

    /// Parses `a=1&b=two+words&c=%ED%99%8D`. Malformed percent escapes make an empty value, never a crash.
    init(urlEncoded text: String) {
        for pair in text.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = ConsoleForm.decode(parts[0])
            guard !name.isEmpty else { continue }
            let value = parts.count > 1 ? ConsoleForm.decode(parts[1]) : ""
            pairs.append((name, value))
            values[name, default: []].append(value)
        }
    }

    /// Reads the request body as a form, within the context's body limit.
    static func read(_ request: Request, context: DangolRequestContext) async throws -> ConsoleForm {
        let buffer: ByteBuffer
        do {
            buffer = try await request.body.collect(upTo: context.maxUploadSize)
        } catch {
            throw ConsolePageError.payloadTooLarge
        }
        return ConsoleForm(urlEncoded: String(decoding: buffer.readableBytesView, as: UTF8.self))
    }

    /// The first value of a field, as sent.
    subscript(_ name: String) -> String? { values[name]?.first }

    /// The first value of a field with surrounding white space removed; nil when absent or blank.
    func text(_ name: String) -> String? {
        guard let value = self[name]?.trimmingCharacters(in: .whitespacesAndNewlines), !value.isEmpty else { return nil }
        return value
    }

    /// Every value of a field (checkbox groups).
    func all(_ name: String) -> [String] { values[name] ?? [] }

    /// Whether a checkbox was ticked.
    func isChecked(_ name: String) -> Bool { !(values[name] ?? []).isEmpty }

    /// Throws the 403 CSRF error unless the form's `csrf` field equals `expected`. Compared in constant time.
    func requireCSRF(_ expected: String?) throws {
        guard let expected, let sent = self["csrf"], ConsoleForm.constantTimeEqual(sent, expected) else {
            throw ConsolePageError.csrfMismatch
        }
    }

    static func constantTimeEqual(_ lhs: String, _ rhs: String) -> Bool {
        let left = Array(lhs.utf8)
        let right = Array(rhs.utf8)
        guard left.count == right.count else { return false }
        var difference: UInt8 = 0
        for index in left.indices { difference |= left[index] ^ right[index] }
        return difference == 0
    }

    private static func decode(_ part: Substring) -> String {
        String(part).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? ""
    }

    /// Percent-encodes a value for a query string (only unreserved ASCII stays as is).
    static func encode(_ value: String) -> String {
        value.addingPercentEncoding(withAllowedCharacters: unreserved) ?? ""
    }

    private static let unreserved = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")

    /// Builds `path?name=value&…` from the pairs whose value is not nil.
    static func url(_ path: String, _ query: [(String, String?)]) -> String {
        let pairs = query.compactMap { name, value in value.map { name + "=" + encode($0) } }
        return pairs.isEmpty ? path : path + "?" + pairs.joined(separator: "&")
    }
}
