import DangolCore
import DangolStore
import Foundation
import SQLKit

/// Contacts with a customer across channels (접점): who reached whom, where, about what, and how it ended. Inbound
/// contacts are the customer's own initiative — the "active experience" a CRM learns most from.
public struct InteractionService: Sendable {
    public let services: AppServices

    public init(services: AppServices) { self.services = services }

    /// The channels an interaction can happen on.
    public static let channels: Set<String> = ["phone", "sms", "email", "web_chat", "branch_visit", "pos", "direct_mail", "social", "app"]

    /// A contact to record.
    public struct Input: Codable, Sendable, Hashable {
        public var channel: String
        /// `inbound` (customer-initiated) or `outbound`.
        public var direction: String
        public var touchpoint: String?
        public var subject: String?
        public var notes: String?
        public var outcome: String?
        public var campaignId: String?
        public var caseId: String?
        /// When it happened; now by default.
        public var at: Timestamp?

        public init(channel: String, direction: String, touchpoint: String? = nil, subject: String? = nil, notes: String? = nil,
                    outcome: String? = nil, campaignId: String? = nil, caseId: String? = nil, at: Timestamp? = nil) {
            self.channel = channel
            self.direction = direction
            self.touchpoint = touchpoint
            self.subject = subject
            self.notes = notes
            self.outcome = outcome
            self.campaignId = campaignId
            self.caseId = caseId
            self.at = at
        }
    }

    /// A recorded contact.
    public struct Interaction: Codable, Sendable, Hashable {
        public var id: String
        public var customerId: CustomerID
        public var channel: String
        public var direction: String
        public var touchpoint: String?
        public var employeeId: String?
        public var subject: String?
        public var notes: String?
        public var outcome: String?
        public var campaignId: String?
        public var caseId: String?
        public var at: Timestamp
    }

    /// Records a contact by the signed-in employee.
    public func record(for customerID: CustomerID, _ input: Input, by principal: Principal) async throws(DangolError) -> Interaction {
        try principal.requireCustomerWrite()
        let now = services.clock.now()
        var errors: [FieldError] = []
        if !Self.channels.contains(input.channel) {
            errors.append(FieldError(field: "channel", code: "invalid", message: "channel is one of \(Self.channels.sorted().joined(separator: ", ")).")) }
        if input.direction != "inbound" && input.direction != "outbound" {
            errors.append(FieldError(field: "direction", code: "invalid", message: "direction is inbound or outbound.")) }
        if (input.subject ?? "").count > 200 { errors.append(FieldError(field: "subject", code: "length", message: "subject has at most 200 characters.")) }
        if (input.notes ?? "").count > 5_000 { errors.append(FieldError(field: "notes", code: "length", message: "notes have at most 5,000 characters.")) }
        if let at = input.at, at.rawValue > now.rawValue + 300_000 { errors.append(FieldError(field: "at", code: "future", message: "at is in the future.")) }
        guard errors.isEmpty else { throw DangolError.invalid(errors) }
        let interaction = Interaction(id: services.ids.next(), customerId: customerID, channel: input.channel, direction: input.direction,
                                      touchpoint: input.touchpoint, employeeId: principal.userID, subject: input.subject, notes: input.notes,
                                      outcome: input.outcome, campaignId: input.campaignId, caseId: input.caseId, at: input.at ?? now)
        try await services.transaction { db in
            guard let customer = try await CustomerRepository().find(customerID, on: db), customer.isLive else { throw DangolError.notFound("The customer") }
            try await db.raw("""
                INSERT INTO interactions (id, customer_id, channel, direction, touchpoint, employee_id, subject, notes, outcome, campaign_id,
                case_id, at, created_at) VALUES (\(bind: interaction.id), \(bind: customerID.rawValue), \(bind: interaction.channel),
                \(bind: interaction.direction), \(bind: interaction.touchpoint), \(bind: interaction.employeeId), \(bind: interaction.subject),
                \(bind: interaction.notes), \(bind: interaction.outcome), \(bind: interaction.campaignId), \(bind: interaction.caseId),
                \(bind: interaction.at.rawValue), \(bind: now.rawValue))
                """).run()
            try await DomainEventRepository().append([.init(type: "interaction.recorded", customerID: customerID, payload: """
                {"interaction":"\(interaction.id)","channel":"\(interaction.channel)","direction":"\(interaction.direction)"}
                """, at: now)], on: db)
        }
        return interaction
    }
}
