import DangolApp
import Hummingbird

/// Signs console requests in from the `dangol_session` cookie: a live session sets the context's principal, user and
/// CSRF token; anything else is sent to the login page. Errors are rendered here, while the user is known, so error
/// pages keep the header with the user's name and the logout button.
struct ConsoleSessionMiddleware: RouterMiddleware {
    typealias Context = DangolRequestContext
    /// The session cookie's name.
    static let cookieName = "dangol_session"

    let users: UserService
    let renderer: ConsoleRenderer

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard let secret = request.cookies[ConsoleSessionMiddleware.cookieName]?.value, !secret.isEmpty, secret.count < 200,
              let session = try await users.session(secret: secret) else {
            return ConsoleRenderer.redirect("/login")
        }
        var context = context
        context.principal = Principal(userID: session.user.id, role: session.user.role, sourceIP: context.remoteAddress,
                                      requestID: context.id)
        context.user = session.user
        context.csrfToken = session.csrf
        do {
            return try await next(request, context)
        } catch {
            return renderer.errorResponse(error, request: request, context: context)
        }
    }
}
