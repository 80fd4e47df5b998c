import Crypto
import Foundation
import DangolCore

/// Encrypts resident registration numbers at rest and makes the keyed hashes used to look them up.
///
/// From one 32-byte data key (configuration, `DANGOL_KEY_FILE`) it derives two keys with HKDF-SHA256: one for
/// AES-256-GCM encryption, one for HMAC-SHA256 lookup hashes. The clear value is never stored; equal numbers give equal
/// hashes, so uniqueness and lookup work without decrypting.
public struct PersonalDataVault: Sendable {
    private let encryptionKey: SymmetricKey
    private let hashKey: SymmetricKey

    /// - Parameter dataKey: 32 random bytes.
    public init(dataKey: [UInt8]) throws(DangolError) {
        guard dataKey.count == 32 else {
            throw DangolError(.invalidInput, "The data-encryption key must be 32 bytes (64 hex characters or 44 base64 characters).")
        }
        let master = SymmetricKey(data: dataKey)
        encryptionKey = HKDF<SHA256>.deriveKey(inputKeyMaterial: master, info: Data("dangol.pii.encryption.v1".utf8), outputByteCount: 32)
        hashKey = HKDF<SHA256>.deriveKey(inputKeyMaterial: master, info: Data("dangol.pii.lookup.v1".utf8), outputByteCount: 32)
    }

    /// Parses a key written as 64 hex characters or base64 (whitespace ignored).
    public static func parseKey(_ text: String) -> [UInt8]? {
        let trimmed = text.filter { !$0.isWhitespace }
        if trimmed.count == 64, trimmed.allSatisfy(\.isHexDigit) {
            var bytes: [UInt8] = []
            var index = trimmed.startIndex
            while index < trimmed.endIndex {
                let next = trimmed.index(index, offsetBy: 2)
                guard let byte = UInt8(trimmed[index..<next], radix: 16) else { return nil }
                bytes.append(byte)
                index = next
            }
            return bytes
        }
        return Data(base64Encoded: trimmed).map { Array($0) }
    }

    /// A fresh random key, hex-encoded (for `dangol demo` and first start).
    public static func generateKeyHex() -> String {
        SymmetricKey(size: .bits256).withUnsafeBytes { buffer in buffer.map { String(format: "%02x", $0) }.joined() }
    }

    /// AES-256-GCM sealed box (nonce ‖ ciphertext ‖ tag), base64. A new random nonce every time.
    public func encrypt(_ clear: String) throws(DangolError) -> String {
        do {
            let sealed = try AES.GCM.seal(Data(clear.utf8), using: encryptionKey)
            guard let combined = sealed.combined else { throw DangolError(.unavailable, "Encryption failed.") }
            return "v1:" + combined.base64EncodedString()
        } catch let error as DangolError {
            throw error
        } catch {
            throw DangolError(.unavailable, "Encryption failed.")
        }
    }

    /// Decrypts a value made by `encrypt`.
    public func decrypt(_ sealed: String) throws(DangolError) -> String {
        guard sealed.hasPrefix("v1:"), let data = Data(base64Encoded: String(sealed.dropFirst(3))),
              let box = try? AES.GCM.SealedBox(combined: data),
              let clear = try? AES.GCM.open(box, using: encryptionKey),
              let text = String(data: clear, encoding: .utf8)
        else { throw DangolError(.unavailable, "A protected value could not be decrypted (wrong data key?).") }
        return text
    }

    /// HMAC-SHA256 of the normalised value, hex: the lookup and uniqueness key.
    public func lookupHash(_ normalized: String) -> String {
        let code = HMAC<SHA256>.authenticationCode(for: Data(normalized.utf8), using: hashKey)
        return "h1:" + code.map { String(format: "%02x", $0) }.joined()
    }
}
