import Crypto
import Foundation

/// Makes high-entropy secrets (API tokens, session ids) and their SHA-256 hashes. Only hashes are stored; a
/// leaked database does not reveal usable tokens. SHA-256 (not bcrypt) is right here because the secrets are random
/// 256-bit values, not guessable passwords, and every request must verify one quickly.
public enum TokenHasher {
    /// A random secret with a readable prefix, e.g. `dgl_3q2…`.
    public static func makeSecret(prefix: String) -> String {
        let alphabet = Array("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
        var generator = SystemRandomNumberGenerator()
        let body = (0..<43).map { _ in alphabet[Int(generator.next(upperBound: UInt(alphabet.count)))] }
        return prefix + String(body)
    }

    /// SHA-256 of the secret, hex.
    public static func hash(_ secret: String) -> String {
        SHA256.hash(data: Data(secret.utf8)).map { String(format: "%02x", $0) }.joined()
    }
}
