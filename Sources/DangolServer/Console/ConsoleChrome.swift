import DangolApp
import DangolCore
import Hummingbird

/// What the layout needs on every page: language and its switch, the signed-in user, the CSRF token for the logout
/// form, the flash message and which navigation entry is current.
struct ConsoleChrome: Sendable {
    /// The signed-in user as the header shows them.
    struct User: Sendable {
        var userName: String
        var roleLabel: String
    }

    var lang: String
    var user: User?
    var csrf: String?
    var flash: String?
    var switchURL: String
    var switchLabel: String
    var switchLang: String
    var currentLanguageName: String
    var navCustomers: Bool
    var navNewCustomer: Bool
    var navReviews: Bool
    var navVOC: Bool
    var navProducts: Bool
    var navImports: Bool
    var navAnalytics: Bool
    /// Admins, managers and analysts see the analytics page.
    var canAnalyse: Bool
    var canWrite: Bool
    /// Admins and managers review likely duplicates.
    var canReview: Bool

    init(request: Request, context: DangolRequestContext, strings: ConsoleStrings) {
        let language = strings.language
        lang = language.rawValue
        if let info = context.user {
            user = User(userName: info.displayName, roleLabel: strings.role(info.role))
        }
        csrf = context.csrfToken
        canWrite = context.user?.role.canWriteCustomers ?? false
        canReview = context.user.map { $0.role == .admin || $0.role == .manager } ?? false
        let query = ConsoleForm(urlEncoded: request.uri.query ?? "")
        flash = query["flash"].flatMap { strings.all["flash_" + $0] }
        // The switch keeps the page and its query (search, stage, cursor) but not a one-off flash message.
        let kept = query.pairs.filter { $0.name != "lang" && $0.name != "flash" }.map { ($0.name, Optional($0.value)) }
        switchURL = ConsoleForm.url(request.uri.path, kept + [("lang", language.other.rawValue)])
        switchLabel = language.other.nativeName
        switchLang = language.other.rawValue
        currentLanguageName = language.nativeName
        let path = request.uri.path
        navNewCustomer = path == "/customers/new"
        navCustomers = path.hasPrefix("/customers") && !navNewCustomer
        navReviews = path.hasPrefix("/reviews")
        navVOC = path.hasPrefix("/voc")
        navProducts = path.hasPrefix("/products")
        navImports = path.hasPrefix("/imports")
        navAnalytics = path.hasPrefix("/analytics")
        canAnalyse = context.user.map { $0.role != .agent } ?? false
    }
}
