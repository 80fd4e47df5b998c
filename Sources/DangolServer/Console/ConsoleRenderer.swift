import DangolApp
import DangolCore
import HTTPTypes
import Hummingbird
import Logging
import Mustache
import NIOCore

/// Renders console pages: the Mustache library of embedded templates, the layout around every page, HTML responses
/// and the HTML error pages that console routes show instead of problem+json.
struct ConsoleRenderer: Sendable {
    /// The root object every template sees: `t` (strings), `chrome` (layout data), `title` and `page` (the page's model).
    struct View {
        var t: [String: String]
        var chrome: ConsoleChrome
        var title: String
        var page: Any
    }

    /// An error page's model.
    struct ErrorPage {
        var errorTitle: String
        var errorMessage: String
        var errorDetails: [String]
        var hasErrorDetails: Bool
        var statusCode: Int

        init(errorTitle: String, errorMessage: String, errorDetails: [String], statusCode: Int) {
            self.errorTitle = errorTitle
            self.errorMessage = errorMessage
            self.errorDetails = errorDetails
            self.hasErrorDetails = !errorDetails.isEmpty
            self.statusCode = statusCode
        }
    }

    let library: MustacheLibrary

    init() {
        var library = MustacheLibrary()
        for template in ConsoleTemplate.all {
            do {
                try library.register(template.source, named: template.name)
            } catch {
                // The templates are constants in this module: a parse error is a programming error caught by the tests.
                preconditionFailure("The console template \(template.name) does not parse: \(error)")
            }
        }
        self.library = library
    }

    /// Renders `template` inside the layout as an HTML response.
    func render(_ template: ConsoleTemplate, title: String, page: Any, request: Request, context: DangolRequestContext,
                status: HTTPResponse.Status = .ok) -> Response {
        let strings = ConsoleStrings(ConsoleLanguage(request: request))
        let view = View(t: strings.all, chrome: ConsoleChrome(request: request, context: context, strings: strings), title: title, page: page)
        guard let html = library.render(view, withTemplate: template.name) else {
            context.logger.error("console template missing", metadata: ["template": .string(template.name)])
            return Response(status: .internalServerError)
        }
        return ConsoleRenderer.html(html, status: status)
    }

    /// An HTML response that is never cached (pages show personal data).
    static func html(_ html: String, status: HTTPResponse.Status = .ok) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "text/html; charset=utf-8"
        headers[.cacheControl] = "no-store"
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: html)))
    }

    /// A `303 See Other` redirect, the answer to a successful form post.
    static func redirect(_ location: String) -> Response {
        Response.redirect(to: location, type: .normal)
    }

    /// The HTML page for an error thrown by a console route. Not signed in (or the session ended) → the login page.
    func errorResponse(_ error: any Error, request: Request, context: DangolRequestContext) -> Response {
        let strings = ConsoleStrings(ConsoleLanguage(request: request))
        var page: ErrorPage
        switch error {
        case let pageError as ConsolePageError:
            page = ErrorPage(errorTitle: strings[pageError.titleKey], errorMessage: strings[pageError.messageKey], errorDetails: [],
                             statusCode: Int(pageError.status.code))
        case let domain as DangolError:
            if domain.code == .unauthenticated { return ConsoleRenderer.redirect("/login") }
            page = ConsoleRenderer.page(for: domain, strings: strings)
        case let problem as ProblemDetails:
            if problem.statusCode == 401 { return ConsoleRenderer.redirect("/login") }
            page = ErrorPage(errorTitle: strings["error_generic_title"], errorMessage: problem.detail, errorDetails: [],
                             statusCode: problem.statusCode)
        case let http as any HTTPResponseError:
            page = ErrorPage(errorTitle: strings[http.status.code == 404 ? "error_notFound_title" : "error_generic_title"],
                             errorMessage: strings[http.status.code == 404 ? "error_notFound" : "error_invalid"], errorDetails: [],
                             statusCode: Int(http.status.code))
        default:
            context.logger.error("console error", metadata: ["error.type": .string(String(describing: type(of: error)))])
            page = ErrorPage(errorTitle: strings["error_unavailable_title"], errorMessage: strings["error_unavailable"], errorDetails: [],
                             statusCode: 500)
        }
        return render(.errorPage, title: page.errorTitle, page: page, request: request, context: context,
                      status: HTTPResponse.Status(code: page.statusCode))
    }

    private static func page(for error: DangolError, strings: ConsoleStrings) -> ErrorPage {
        let details = error.fieldErrors.map { strings.fieldError($0) }
        switch error.code {
        case .notFound:
            let customer = error.message.hasPrefix("The customer")
            return ErrorPage(errorTitle: strings["error_notFound_title"],
                             errorMessage: strings[customer ? "error_customerNotFound" : "error_notFound"], errorDetails: [], statusCode: 404)
        case .forbidden:
            return ErrorPage(errorTitle: strings["error_forbidden_title"], errorMessage: strings["error_forbidden"], errorDetails: [],
                             statusCode: 403)
        case .invalidInput:
            return ErrorPage(errorTitle: strings["error_generic_title"], errorMessage: strings["error_invalid"], errorDetails: details,
                             statusCode: 422)
        case .conflict, .identifierConflict, .featureDisabled:
            return ErrorPage(errorTitle: strings["error_generic_title"], errorMessage: strings["error_conflict"],
                             errorDetails: strings.language == .en ? [error.message] : details, statusCode: 409)
        case .payloadTooLarge:
            return ErrorPage(errorTitle: strings["error_generic_title"], errorMessage: strings["error_tooLarge"], errorDetails: [],
                             statusCode: 413)
        default:
            return ErrorPage(errorTitle: strings["error_unavailable_title"], errorMessage: strings["error_unavailable"], errorDetails: [],
                             statusCode: 503)
        }
    }
}
