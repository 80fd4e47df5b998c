import DangolApp
import DangolCore
import DangolStore
import DangolTestSupport
import Foundation
import Synchronization
import Testing

/// A transport that records requests and answers from a script (then 200).
final class ScriptedTransport: WebhookTransport, Sendable {
    struct Request: Sendable {
        var url: String
        var body: [UInt8]
        var headers: [String: String]
    }

    private let state: Mutex<(answers: [WebhookResponse], requests: [Request])>

    init(answers: [WebhookResponse]) { state = Mutex((answers, [])) }

    var requests: [Request] { state.withLock { $0.requests } }

    func post(url: String, body: [UInt8], headers: [(String, String)]) async -> WebhookResponse {
        state.withLock { state in
            state.requests.append(Request(url: url, body: body, headers: Dictionary(headers, uniquingKeysWith: { $1 })))
            return state.answers.isEmpty ? .status(200) : state.answers.removeFirst()
        }
    }
}

@Suite("Webhooks")
struct WebhookTests {
    @Test("Signed deliveries of the subscribed events, retried with backoff until they succeed", arguments: TestEngine.all)
    func signedAndRetried(engine: TestEngine) async throws {
        let clock = TestClock()
        try await engine.withServices(clock: clock) { services in
            let users = try await TestUsers.create(in: services)
            let webhooks = WebhookService(services: services)
            await #expect(throws: DangolError.self) { _ = try await webhooks.subscribe(url: "ftp://x", eventTypes: ["*"], by: users.admin) }
            await #expect(throws: DangolError.self) { _ = try await webhooks.subscribe(url: "https://crm.example/hook", eventTypes: ["*"], by: users.manager) }
            let subscription = try await webhooks.subscribe(url: "https://crm.example/hook", eventTypes: ["customer.created"], by: users.admin)
            let secret = try #require(subscription.secret)
            #expect(try await webhooks.subscriptions(for: users.admin).allSatisfy { $0.secret == nil })

            var input = CustomerInput(kind: .person, displayName: "홍길동", identifiers: [IdentifierInput(type: "mobile_phone", value: "010-1234-5678")])
            input.consents = [ConsentInput(purpose: "marketing_sms", granted: true)]   // consent.changed: not subscribed
            let customer = try await CustomerService(services: services).create(input, by: users.admin)

            let transport = ScriptedTransport(answers: [.status(500), .failure("connection refused")])
            var outcome = try await webhooks.deliverDue(transport: transport)
            #expect(outcome.delivered == 0 && outcome.failedAttempts == 1)
            // Not due again yet.
            outcome = try await webhooks.deliverDue(transport: transport)
            #expect(transport.requests.count == 1)
            clock.advance(byMilliseconds: 61_000)
            outcome = try await webhooks.deliverDue(transport: transport)
            #expect(outcome.failedAttempts == 1)
            clock.advance(byMilliseconds: 301_000)
            outcome = try await webhooks.deliverDue(transport: transport)
            #expect(outcome.delivered == 1)

            let requests = transport.requests
            #expect(requests.count == 3)
            #expect(requests.map { $0.headers["Dangol-Delivery-Attempt"] } == ["1", "2", "3"])
            let last = try #require(requests.last)
            let body = String(decoding: last.body, as: UTF8.self)
            #expect(body.contains(#""type":"customer.created""#) && body.contains(customer.id.rawValue))
            #expect(!body.contains("홍길동") && !body.contains("1234"))
            let signature = try #require(last.headers[WebhookSigner.headerName])
            let sentAt = Date(timeIntervalSince1970: Double(clock.now().rawValue) / 1_000)
            #expect(WebhookSigner.verify(header: signature, body: last.body, secret: secret, now: sentAt))
            #expect(!WebhookSigner.verify(header: signature, body: last.body + [32], secret: secret, now: sentAt))
            #expect(!WebhookSigner.verify(header: signature, body: last.body, secret: "whsec_other", now: sentAt))
            #expect(!WebhookSigner.verify(header: signature, body: last.body, secret: secret, now: sentAt.addingTimeInterval(3_600)))

            let log = try await webhooks.deliveries(of: subscription.id, for: users.admin)
            #expect(log.count == 1 && log.first?.status == "delivered" && log.first?.attempts == 3)
        }
    }

    @Test("A delivery that never succeeds is given up after the last backoff step", arguments: TestEngine.all)
    func givesUp(engine: TestEngine) async throws {
        let clock = TestClock()
        try await engine.withServices(clock: clock) { services in
            let users = try await TestUsers.create(in: services)
            let webhooks = WebhookService(services: services)
            let subscription = try await webhooks.subscribe(url: "http://127.0.0.1:9/down", eventTypes: ["*"], by: users.admin)
            _ = try await CustomerService(services: services).create(CustomerInput(kind: .person, displayName: "김"), by: users.admin)
            let transport = ScriptedTransport(answers: Array(repeating: .status(503), count: 20))
            for _ in 0...WebhookService.backoff.count {
                try await webhooks.deliverDue(transport: transport)
                clock.advance(byMilliseconds: 86_400_001)
            }
            let log = try await webhooks.deliveries(of: subscription.id, for: users.admin)
            #expect(log.first?.status == "failed")
            #expect(log.first?.attempts == WebhookService.backoff.count + 1)
            try await webhooks.deliverDue(transport: transport)
            #expect(transport.requests.count == WebhookService.backoff.count + 1)
        }
    }
}
