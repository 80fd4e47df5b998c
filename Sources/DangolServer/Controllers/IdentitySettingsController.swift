import DangolApp
import DangolCore
import Hummingbird

/// `GET / PUT /api/v1/settings/identity`: match thresholds (auto-merge, review) and the survivorship policy of
/// merges. Anyone who reads customers may read them; admins change them (audited).
struct IdentitySettingsController {
    let settings: IdentitySettingsService

    func register(on group: RouterGroup<DangolRequestContext>) {
        group.get("settings/identity", use: show)
        group.put("settings/identity", use: change)
    }

    @Sendable func show(_ request: Request, context: DangolRequestContext) async throws -> Response {
        let principal = try context.requirePrincipal()
        return try JSONResponse.make(try await settings.current(for: principal))
    }

    @Sendable func change(_ request: Request, context: DangolRequestContext) async throws -> Response {
        let principal = try context.requirePrincipal()
        let change = try await request.decodeJSON(IdentitySettingsService.Change.self, context: context)
        return try JSONResponse.make(try await settings.change(change, by: principal))
    }
}
