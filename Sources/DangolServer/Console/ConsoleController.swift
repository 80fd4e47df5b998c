import DangolApp
import DangolCore
import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

/// The web console at `/`: server-rendered HTML pages in Korean and English over the same use cases as the API.
///
/// | route | page |
/// |---|---|
/// | `GET /login`, `POST /login`, `POST /logout` | sign in and out (session cookie `dangol_session`) |
/// | `GET /` | to the customer list, or to the login page |
/// | `GET /customers` | list, search (`q`), stage filter, cursor paging |
/// | `GET /customers/new`, `POST /customers` | create form |
/// | `GET /customers/{id}` | the customer page with its action forms |
/// | `GET /customers/{id}/edit`, `POST /customers/{id}` | edit profile |
/// | `POST /customers/{id}/transition`, `…/consents`, `…/identifiers`, `…/delete` | the page's actions |
/// | `GET /reviews`, `GET /reviews/{id}` | the duplicate review queue; a pair side by side with the evidence |
/// | `POST /reviews/{id}/confirm`, `…/reject` | merge the pair, or keep it apart for good |
/// | `POST /merges/{id}/unmerge` | undo a merge (from the survivor's page) |
/// | `POST /customers/{id}/interactions`, `…/voc`, `…/points` | record a contact, open a VOC case, adjust points |
/// | `GET /voc`, `GET /voc/{id}`, `POST /voc/{id}/transition` | the VOC board by status; a case and its history |
/// | `GET /products` | the product catalogue |
/// | `GET /analytics` | Lorenz curve, value matrix, RFM segments, churn bands, CLV distribution, equity over time (not for agents) |
/// | `GET /analytics/lookalikes` | prospects and leads most like a value quadrant's customers (not for agents) |
/// | `GET /imports`, `POST /imports/transactions`, `GET /imports/{id}`, `…/rejects.csv` | upload sales CSV; progress; rejected rows |
/// | `GET /console.css` | the stylesheet |
///
/// Every POST carries a `csrf` field equal to the session's token. Errors become HTML pages, never problem+json.
struct ConsoleController {
    let services: AppServices
    let users: UserService
    let customers: CustomerService
    let renderer: ConsoleRenderer

    /// The pre-session cookie that pairs with the login form's `csrf` field (double submit), so that another site
    /// cannot sign a browser in to an account of its choosing.
    static let loginCookieName = "dangol_login"
    /// Console sessions last as long as `UserService.createSession` makes them (12 hours).
    static let sessionHours: Int64 = 12

    init(services: AppServices, users: UserService, customers: CustomerService) {
        self.services = services
        self.users = users
        self.customers = customers
        self.renderer = ConsoleRenderer()
    }

    /// Adds the console routes to the root router: the public ones (stylesheet, login) behind the HTML error and
    /// security-header middleware, the rest also behind the session middleware.
    func register(on router: Router<DangolRequestContext>) {
        let console = router.group().add(middleware: ConsoleResponseMiddleware(renderer: renderer))
        console.get("console.css", use: stylesheet)
        console.get("login", use: loginPage)
        console.post("login", use: login)
        let pages = console.group().add(middleware: ConsoleSessionMiddleware(users: users, renderer: renderer))
        pages.get("/") { _, _ in ConsoleRenderer.redirect("/customers") }
        pages.post("logout", use: logout)
        pages.get("customers", use: list)
        pages.get("customers/new", use: newCustomer)
        pages.post("customers", use: create)
        pages.get("customers/{id}", use: show)
        pages.post("customers/{id}", use: update)
        pages.get("customers/{id}/edit", use: edit)
        pages.post("customers/{id}/transition", use: transition)
        pages.post("customers/{id}/consents", use: recordConsent)
        pages.post("customers/{id}/identifiers", use: addIdentifier)
        pages.post("customers/{id}/delete", use: delete)
        pages.post("customers/{id}/interactions", use: recordInteraction)
        pages.post("customers/{id}/voc", use: openCase)
        pages.post("customers/{id}/points", use: adjustPoints)
        pages.get("voc", use: vocBoard)
        pages.get("voc/{id}", use: vocCase)
        pages.post("voc/{id}/transition", use: vocTransition)
        pages.get("products", use: productList)
        pages.get("imports", use: importsPage)
        pages.get("analytics", use: analyticsPage)
        pages.get("analytics/lookalikes", use: lookalikesPage)
        pages.post("imports/transactions", use: uploadTransactions)
        pages.get("imports/{id}", use: importRun)
        pages.get("imports/{id}/rejects.csv", use: importRejects)
        pages.get("reviews", use: reviewList)
        pages.get("reviews/{id}", use: reviewPage)
        pages.post("reviews/{id}/confirm", use: confirmReview)
        pages.post("reviews/{id}/reject", use: rejectReview)
        pages.post("merges/{id}/unmerge", use: unmerge)
    }

    // MARK: Stylesheet

    /// `GET /console.css`.
    @Sendable func stylesheet(_ request: Request, context: DangolRequestContext) async throws -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "text/css; charset=utf-8"
        headers[.cacheControl] = "public, max-age=3600"
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: ConsoleStylesheet.css)))
    }

    // MARK: Signing in and out

    /// The login page's model.
    struct LoginPage {
        var username: String
        var loginFailed: Bool
        var loginToken: String
    }

    /// `GET /login`: the form (or straight to the list when a session is live).
    @Sendable func loginPage(_ request: Request, context: DangolRequestContext) async throws -> Response {
        if let secret = request.cookies[ConsoleSessionMiddleware.cookieName]?.value, !secret.isEmpty, secret.count < 200,
           try await users.session(secret: secret) != nil {
            return ConsoleRenderer.redirect("/customers")
        }
        return renderLogin(username: "", failed: false, request: request, context: context, status: .ok)
    }

    /// `POST /login`: checks the password, starts a session and sets the `dangol_session` cookie (HttpOnly, SameSite=Lax,
    /// Path=/). Wrong credentials show the form again with status 401, without saying which part was wrong.
    @Sendable func login(_ request: Request, context: DangolRequestContext) async throws -> Response {
        let form = try await ConsoleForm.read(request, context: context)
        try form.requireCSRF(request.cookies[ConsoleController.loginCookieName]?.value)
        let username = (form.text("username") ?? "").prefix(40)
        let password = form["password"] ?? ""
        guard !username.isEmpty, !password.isEmpty, password.count <= 200,
              let user = try await users.authenticate(username: String(username), password: password) else {
            return renderLogin(username: String(username), failed: true, request: request, context: context, status: .unauthorized)
        }
        let session = try await users.createSession(userID: user.id, lifetimeHours: ConsoleController.sessionHours)
        var response = ConsoleRenderer.redirect("/customers")
        response.setCookie(Cookie(name: ConsoleSessionMiddleware.cookieName, value: session.secret,
                                  maxAge: Int(ConsoleController.sessionHours) * 3600, path: "/", httpOnly: true, sameSite: .lax))
        response.setCookie(Cookie(name: ConsoleController.loginCookieName, value: "", maxAge: 0, path: "/login", httpOnly: true,
                                  sameSite: .strict))
        return response
    }

    /// `POST /logout`: ends the session on the server and clears the cookie.
    @Sendable func logout(_ request: Request, context: DangolRequestContext) async throws -> Response {
        let form = try await ConsoleForm.read(request, context: context)
        try form.requireCSRF(context.csrfToken)
        if let secret = request.cookies[ConsoleSessionMiddleware.cookieName]?.value {
            try await users.endSession(secret: secret)
        }
        var response = ConsoleRenderer.redirect("/login?flash=loggedOut")
        response.setCookie(Cookie(name: ConsoleSessionMiddleware.cookieName, value: "", maxAge: 0, path: "/", httpOnly: true, sameSite: .lax))
        return response
    }

    /// The login form with a fresh login token (also set as the `dangol_login` cookie).
    private func renderLogin(username: String, failed: Bool, request: Request, context: DangolRequestContext,
                             status: HTTPResponse.Status) -> Response {
        let token = TokenHasher.makeSecret(prefix: "l_")
        let strings = ConsoleStrings(ConsoleLanguage(request: request))
        var response = renderer.render(.login, title: strings["login_title"], page: LoginPage(username: username, loginFailed: failed, loginToken: token),
                                       request: request, context: context, status: status)
        response.setCookie(Cookie(name: ConsoleController.loginCookieName, value: token, maxAge: 3600, path: "/login", httpOnly: true,
                                  sameSite: .strict))
        return response
    }

    // MARK: Shared helpers

    /// The signed-in principal (the session middleware guarantees one).
    func principal(_ context: DangolRequestContext) throws -> Principal {
        guard let principal = context.principal else { throw DangolError(.unauthenticated, "Sign in first.") }
        return principal
    }

    /// The `{id}` of the route, or the customer 404 page for anything that is not an id.
    func customerID(_ context: DangolRequestContext) throws -> CustomerID {
        guard let text = context.parameters.get("id"), CustomerID.isWellFormed(text) else { throw ConsolePageError.customerNotFound }
        return CustomerID(text)
    }

    /// Throws the 403 page unless the signed-in role may change customers (the service checks again).
    func requireWrite(_ context: DangolRequestContext) throws {
        guard context.user?.role.canWriteCustomers ?? false else { throw ConsolePageError.forbidden }
    }

    /// User ids → display names, for owners and "who" columns.
    func userNames() async throws -> [String: String] {
        Dictionary(try await users.list().map { ($0.id, $0.displayName) }, uniquingKeysWith: { first, _ in first })
    }

    /// The strings of this request's language.
    func strings(_ request: Request) -> ConsoleStrings { ConsoleStrings(ConsoleLanguage(request: request)) }
}
