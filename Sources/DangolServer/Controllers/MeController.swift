import DangolApp
import Hummingbird

/// `/api/v1/me`: who the token belongs to.
struct MeController {
    let users: UserService

    struct Me: Encodable {
        var user: UserService.UserInfo?
        var scopes: [String]
    }

    func register(on group: RouterGroup<DangolRequestContext>) {
        group.get("me") { _, context in
            let principal = try context.requirePrincipal()
            return try JSONResponse.make(Me(user: try await users.user(id: principal.userID), scopes: principal.scopes.sorted()))
        }
    }
}
