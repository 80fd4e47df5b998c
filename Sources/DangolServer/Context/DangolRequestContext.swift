// DangolServer — the HTTP edge: Hummingbird routes for the JSON API (/api/v1) and the console (/), request decoding
// and validation, authentication, problem+json errors, health and metrics, the OpenAPI document. It holds no business
// rules: every route calls a DangolApp use case.

import DangolApp
import Hummingbird
import Logging

/// Per-request state: who is calling (set by the authentication middleware), the body limit, and for the console
/// the session's CSRF token and language.
struct DangolRequestContext: RequestContext {
    var coreContext: CoreRequestContextStorage
    /// The authenticated caller, nil before authentication.
    var principal: Principal?
    /// Set by `BodyLimitMiddleware` from configuration.
    var maxUploadSize: Int = 1 << 20
    /// The console session's CSRF token.
    var csrfToken: String?
    /// The console session's user, for page chrome.
    var user: UserService.UserInfo?
    /// The remote address, for audit entries.
    var remoteAddress: String?

    init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        if let address = source.channel.remoteAddress {
            remoteAddress = address.ipAddress
        }
    }

    /// The principal, or an `unauthenticated` problem.
    func requirePrincipal() throws -> Principal {
        guard let principal else { throw ProblemDetails.unauthenticated }
        return principal
    }
}
