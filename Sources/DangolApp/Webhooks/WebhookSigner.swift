import Crypto
import Foundation

/// Signs webhook bodies so receivers can tell they come from this Dangol and were not altered or replayed:
/// `Dangol-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>" with the subscription's secret>`.
///
/// A receiver recomputes the HMAC with its copy of the secret, compares in constant time, and rejects timestamps
/// older than a few minutes (``verify(header:body:secret:now:tolerance:)`` does exactly that).
public enum WebhookSigner {
    public static let headerName = "Dangol-Signature"

    /// The header value for `body` sent at `time`.
    public static func signature(body: [UInt8], secret: String, time: Date) -> String {
        let seconds = Int64(time.timeIntervalSince1970)
        return "t=\(seconds),v1=\(hex(mac(body: body, secret: secret, seconds: seconds)))"
    }

    /// Whether `header` is a valid signature of `body` made within `tolerance` seconds of `now`.
    public static func verify(header: String, body: [UInt8], secret: String, now: Date, tolerance: TimeInterval = 300) -> Bool {
        var seconds: Int64?
        var signatures: [String] = []
        for part in header.split(separator: ",") {
            let pair = part.split(separator: "=", maxSplits: 1).map(String.init)
            guard pair.count == 2 else { continue }
            if pair[0] == "t" { seconds = Int64(pair[1]) }
            if pair[0] == "v1" { signatures.append(pair[1]) }
        }
        guard let seconds, abs(now.timeIntervalSince1970 - Double(seconds)) <= tolerance else { return false }
        let expected = Array(hex(mac(body: body, secret: secret, seconds: seconds)).utf8)
        return signatures.contains { candidate in
            let given = Array(candidate.utf8)
            guard given.count == expected.count else { return false }
            // Constant time: compare every byte whatever the first difference.
            return zip(given, expected).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
        }
    }

    private static func mac(body: [UInt8], secret: String, seconds: Int64) -> [UInt8] {
        var message = Array("\(seconds).".utf8)
        message.append(contentsOf: body)
        return Array(HMAC<SHA256>.authenticationCode(for: message, using: SymmetricKey(data: Array(secret.utf8))))
    }

    private static func hex(_ bytes: [UInt8]) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var text = [UInt8]()
        text.reserveCapacity(bytes.count * 2)
        for byte in bytes {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: text, as: UTF8.self)
    }
}
