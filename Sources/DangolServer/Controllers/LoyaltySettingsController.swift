import DangolApp
import DangolCore
import Hummingbird

/// `GET / PUT /api/v1/settings/loyalty`: the membership programme — earn rates by channel and category, rounding,
/// minimum redemption, point lifetime, refunds, tiers with thresholds and multipliers, the value of a point. Anyone
/// who reads customers may read it; admins replace it (audited).
struct LoyaltySettingsController {
    let settings: LoyaltySettingsService

    func register(on group: RouterGroup<DangolRequestContext>) {
        group.get("settings/loyalty", use: show)
        group.put("settings/loyalty", use: change)
    }

    @Sendable func show(_ request: Request, context: DangolRequestContext) async throws -> Response {
        let principal = try context.requirePrincipal()
        return try JSONResponse.make(try await settings.current(for: principal))
    }

    @Sendable func change(_ request: Request, context: DangolRequestContext) async throws -> Response {
        let principal = try context.requirePrincipal()
        let program = try await request.decodeJSON(LoyaltyProgram.self, context: context)
        return try JSONResponse.make(try await settings.change(program, by: principal))
    }
}
