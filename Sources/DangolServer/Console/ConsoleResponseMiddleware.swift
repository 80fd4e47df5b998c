import Foundation
import HTTPTypes
import Hummingbird

/// Wraps every console route: turns errors into HTML error pages (never problem+json), remembers a `?lang=` choice
/// in the `dangol_lang` cookie, and adds the security headers — a strict Content-Security-Policy (no inline script or
/// style anywhere in the console), no framing, no referrer, no MIME sniffing.
struct ConsoleResponseMiddleware: RouterMiddleware {
    typealias Context = DangolRequestContext
    let renderer: ConsoleRenderer

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response: Response
        do {
            response = try await next(request, context)
        } catch {
            response = renderer.errorResponse(error, request: request, context: context)
        }
        if let language = ConsoleLanguage.requested(by: request) {
            response.setCookie(Cookie(name: ConsoleLanguage.cookieName, value: language.rawValue, maxAge: 365 * 24 * 3600, path: "/",
                                      httpOnly: true, sameSite: .lax))
        }
        ConsoleResponseMiddleware.addSecurityHeaders(to: &response.headers)
        return response
    }

    static func addSecurityHeaders(to headers: inout HTTPFields) {
        headers[.contentSecurityPolicy] = "default-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'"
        headers[xFrameOptions] = "DENY"
        headers[referrerPolicy] = "no-referrer"
        headers[xContentTypeOptions] = "nosniff"
    }

    // These names are not among HTTPTypes' predefined ones; the literals are valid header names.
    static let xFrameOptions = HTTPField.Name("X-Frame-Options")!
    static let referrerPolicy = HTTPField.Name("Referrer-Policy")!
    static let xContentTypeOptions = HTTPField.Name("X-Content-Type-Options")!
}
