import DangolCore
import DangolStore
import Foundation
import SQLKit

/// The membership programme's settings (``LoyaltyProgram``): earn rates by channel and category, rounding, the
/// minimum redemption, point lifetime, refunds, tiers and their multipliers, and the value of a point. Stored as
/// the `loyalty.program` setting; read by everyone who may read customers, replaced by admins (audited). Sales,
/// point changes, tier evaluations and the liability report read it inside their own transaction.
public struct LoyaltySettingsService: Sendable {
    public let services: AppServices

    public init(services: AppServices) { self.services = services }

    static let setting = "loyalty.program"

    /// The programme in force (the standard one until an admin changes it).
    public func current(for principal: Principal) async throws(DangolError) -> LoyaltyProgram {
        try principal.require(scope: "customers:read")
        return try await services.read { db in try await Self.program(on: db) }
    }

    /// Replaces the programme. Points already earned keep their expiry; tiers move at the next evaluation.
    /// - Throws: `invalidInput` with a field error for every problem (see ``LoyaltyProgram/problems()``).
    public func change(_ program: LoyaltyProgram, by principal: Principal) async throws(DangolError) -> LoyaltyProgram {
        try principal.requireAdmin()
        let problems = program.problems()
        guard problems.isEmpty else { throw DangolError.invalid(problems) }
        let now = services.clock.now()
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        guard let data = try? encoder.encode(program) else { throw DangolError.invalid(field: "program", code: "invalid", "The programme cannot be stored.") }
        try await services.transaction { db in
            try await SettingsRepository().setValue(Self.setting, String(decoding: data, as: UTF8.self), by: principal.userID, at: now, on: db)
            try await AuditRepository().append([AuditEntry(
                at: now, actorID: principal.userID, actorRole: principal.role.rawValue, action: "settings.loyalty", customerID: nil,
                detail: "tiers=\(program.tiers.tiers.map(\.code).joined(separator: ",")) default_rate_bp=\(program.points.defaultRateBasisPoints) "
                    + "lifetime_months=\(program.points.lifetimeMonths) minimum_redemption=\(program.points.minimumRedemption)",
                sourceIP: principal.sourceIP, requestID: principal.requestID)], on: db)
        }
        return program
    }

    /// The stored programme, or the standard one (also when the stored text cannot be read: a sale must never fail
    /// over a setting).
    static func program(on db: any SQLDatabase) async throws -> LoyaltyProgram {
        guard let text = try await SettingsRepository().value(setting, on: db) else { return .standard }
        return (try? JSONDecoder().decode(LoyaltyProgram.self, from: Data(text.utf8))) ?? .standard
    }
}
