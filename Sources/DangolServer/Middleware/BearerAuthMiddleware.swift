import DangolApp
import Foundation
import Hummingbird

/// Authenticates API calls with `Authorization: Bearer dgl_…`. Missing or bad tokens get a 401 problem.
struct BearerAuthMiddleware: RouterMiddleware {
    typealias Context = DangolRequestContext
    let users: UserService

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard let header = request.headers[.authorization], header.lowercased().hasPrefix("bearer ") else {
            throw ProblemDetails.unauthenticated
        }
        let secret = String(header.dropFirst(7)).trimmingCharacters(in: .whitespaces)
        guard let principal = try await users.principal(forToken: secret, sourceIP: context.remoteAddress, requestID: context.id) else {
            throw ProblemDetails(type: "https://dangol.dev/problems/unauthenticated", title: "Authentication required", status: 401,
                                 detail: "The API token is unknown, revoked or expired.")
        }
        var context = context
        context.principal = principal
        return try await next(request, context)
    }
}
