import DangolCore
import DangolStore
import Foundation
import SQLKit

/// Webhook subscriptions (admins) and their delivery: every outbox event a subscription wants is delivered at least
/// once — signed (``WebhookSigner``), retried with backoff, logged — by ``deliverDue(transport:)``, which the server
/// runs every few seconds and `dangol webhooks deliver` runs on demand.
public struct WebhookService: Sendable {
    public let services: AppServices
    private let webhooks = WebhookRepository()

    public init(services: AppServices) { self.services = services }

    /// Seconds to wait after the n-th failed attempt; after the last one the delivery is given up (`failed`).
    public static let backoff: [Int64] = [60, 300, 1_800, 7_200, 21_600, 43_200, 86_400]

    /// A subscription as the API shows it; `secret` only in the answer to its creation.
    public struct SubscriptionView: Codable, Sendable, Hashable {
        public var id: String
        public var url: String
        public var eventTypes: [String]
        public var active: Bool
        public var createdAt: Timestamp
        public var secret: String?
    }

    /// Subscribes `url` to event types (`["*"]` for all). The secret is shown once, in the answer.
    /// - Throws: `invalidInput` for a URL that is not http(s) or event types that are empty.
    public func subscribe(url: String, eventTypes: [String], by principal: Principal) async throws(DangolError) -> SubscriptionView {
        try principal.requireAdmin()
        var errors: [FieldError] = []
        if let parsed = URL(string: url), let scheme = parsed.scheme?.lowercased(), scheme == "https" || scheme == "http", parsed.host != nil,
           url.count <= 2_000 {
        } else {
            errors.append(FieldError(field: "url", code: "invalid", message: "url is an http or https address."))
        }
        let types = eventTypes.map { $0.trimmingWhitespace() }.filter { !$0.isEmpty }
        if types.isEmpty || types.contains(where: { $0.contains(",") || $0.count > 100 }) {
            errors.append(FieldError(field: "eventTypes", code: "invalid", message: "eventTypes lists event types such as customer.merged, or *."))
        }
        guard errors.isEmpty else { throw DangolError.invalid(errors) }
        let secret = TokenHasher.makeSecret(prefix: "whsec_")
        let sealed = try services.vault.encrypt(secret)
        let now = services.clock.now()
        let id = services.ids.next()
        try await services.transaction { db in
            let latest = try await webhooks.latestEventID(on: db)
            try await webhooks.insert(.init(id: id, url: url, secretSealed: sealed, eventTypes: types, active: true, lastEventID: latest,
                                            createdBy: principal.userID, createdAt: now), on: db)
            try await AuditRepository().append([AuditEntry(at: now, actorID: principal.userID, actorRole: principal.role.rawValue,
                                                           action: "webhook.subscribe", customerID: nil, detail: "subscription=\(id)",
                                                           sourceIP: principal.sourceIP, requestID: principal.requestID)], on: db)
        }
        return SubscriptionView(id: id, url: url, eventTypes: types, active: true, createdAt: now, secret: secret)
    }

    public func subscriptions(for principal: Principal) async throws(DangolError) -> [SubscriptionView] {
        try principal.requireAdmin()
        return try await services.read { db in try await webhooks.subscriptions(activeOnly: false, on: db) }.map {
            SubscriptionView(id: $0.id, url: $0.url, eventTypes: $0.eventTypes, active: $0.active, createdAt: $0.createdAt, secret: nil)
        }
    }

    public func unsubscribe(_ id: String, by principal: Principal) async throws(DangolError) {
        try principal.requireAdmin()
        guard try await services.transaction({ db in try await webhooks.deactivate(id, on: db) }) else {
            throw DangolError.notFound("An active subscription with this id")
        }
    }

    /// The delivery log of a subscription, newest first.
    public func deliveries(of id: String, for principal: Principal) async throws(DangolError) -> [WebhookRepository.Delivery] {
        try principal.requireAdmin()
        return try await services.read { db in try await webhooks.log(subscriptionID: id, limit: 200, on: db) }
    }

    /// Queues new outbox events for every active subscription, then attempts every due delivery once. Returns
    /// (delivered, failed attempts).
    @discardableResult
    public func deliverDue(transport: any WebhookTransport) async throws(DangolError) -> (delivered: Int, failedAttempts: Int) {
        let now = services.clock.now()
        let subscriptions = try await services.read { db in try await webhooks.subscriptions(activeOnly: true, on: db) }
        for subscription in subscriptions {
            try await services.transaction { db in
                let events = try await webhooks.events(after: subscription.lastEventID, limit: 5_000, on: db)
                guard let last = events.last else { return }
                let wanted = events.filter { subscription.eventTypes.contains("*") || subscription.eventTypes.contains($0.type) }
                try await webhooks.enqueue(subscriptionID: subscription.id, eventIDs: wanted.map(\.id), cursor: last.id,
                                           ids: wanted.map { _ in services.ids.next() }, at: now, on: db)
            }
        }
        let byID = Dictionary(uniqueKeysWithValues: subscriptions.map { ($0.id, $0) })
        var delivered = 0
        var failed = 0
        let due = try await services.read { db in try await webhooks.due(at: now, limit: 500, on: db) }
        for var delivery in due {
            guard let subscription = byID[delivery.subscriptionID],
                  let event = try await services.read({ db in try await webhooks.event(delivery.eventID, on: db) }) else { continue }
            let body = Self.body(event)
            let secret = try services.vault.decrypt(subscription.secretSealed)
            let wallClock = Date(timeIntervalSince1970: Double(now.rawValue) / 1_000)
            let response = await transport.post(url: subscription.url, body: body, headers: [
                ("Content-Type", "application/json"), (WebhookSigner.headerName, WebhookSigner.signature(body: body, secret: secret, time: wallClock)),
                ("Dangol-Event-Id", String(event.id)), ("Dangol-Event-Type", event.type), ("Dangol-Delivery-Attempt", String(delivery.attempts + 1)),
            ])
            delivery.attempts += 1
            switch response {
            case .status(let code) where (200..<300).contains(code):
                delivery.status = "delivered"
                delivery.deliveredAt = now
                delivery.lastStatus = code
                delivery.lastError = nil
                delivered += 1
            case .status(let code):
                delivery.lastStatus = code
                delivery.lastError = "HTTP \(code)"
                failed += 1
            case .failure(let reason):
                delivery.lastStatus = nil
                delivery.lastError = String(reason.prefix(200))
                failed += 1
            }
            if delivery.status == "pending" {
                if delivery.attempts > Self.backoff.count {
                    delivery.status = "failed"
                } else {
                    delivery.nextAttemptAt = Timestamp(rawValue: now.rawValue + Self.backoff[delivery.attempts - 1] * 1_000)
                }
            }
            try await services.transaction { db in try await webhooks.record(delivery, on: db) }
        }
        return (delivered, failed)
    }

    /// The JSON body of an event: ids and codes only, never personal data (the outbox holds none).
    static func body(_ event: WebhookRepository.OutboxEvent) -> [UInt8] {
        let customer = event.customerID.map { "\"\($0)\"" } ?? "null"
        let payload = event.payload.isEmpty ? "{}" : event.payload
        let at = ISO8601DateFormatter().string(from: Date(timeIntervalSince1970: Double(event.at.rawValue) / 1_000))
        return Array(#"{"id":\#(event.id),"type":"\#(event.type)","customerId":\#(customer),"at":"\#(at)","data":\#(payload)}"#.utf8)
    }
}
