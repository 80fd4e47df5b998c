import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// What answered a webhook request: an HTTP status, or an error before any (refused, timed out…).
public enum WebhookResponse: Sendable, Hashable {
    case status(Int)
    case failure(String)

    /// 2xx.
    public var isSuccess: Bool {
        if case .status(let code) = self { return (200..<300).contains(code) }
        return false
    }
}

/// Sends one webhook request. The dispatcher takes it as a parameter so that tests can answer without a network.
public protocol WebhookTransport: Sendable {
    func post(url: String, body: [UInt8], headers: [(String, String)]) async -> WebhookResponse
}

/// HTTP(S) through Foundation's URLSession, with a 10-second timeout and no redirects followed into other hosts.
public struct URLSessionWebhookTransport: WebhookTransport {
    public init() {}

    public func post(url: String, body: [UInt8], headers: [(String, String)]) async -> WebhookResponse {
        guard let target = URL(string: url) else { return .failure("invalid URL") }
        var request = URLRequest(url: target, timeoutInterval: 10)
        request.httpMethod = "POST"
        request.httpBody = Data(body)
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        do {
            let (_, response) = try await URLSession.shared.data(for: request)
            guard let http = response as? HTTPURLResponse else { return .failure("not an HTTP response") }
            return .status(http.statusCode)
        } catch {
            return .failure(String(describing: type(of: error)))
        }
    }
}
