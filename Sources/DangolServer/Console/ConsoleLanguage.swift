import Hummingbird

/// The console's display language: Korean (the default) or English. Chosen with `?lang=ko|en`, remembered in the
/// `dangol_lang` cookie.
enum ConsoleLanguage: String, CaseIterable, Sendable {
    case ko
    case en

    /// The cookie that remembers the choice.
    static let cookieName = "dangol_lang"

    /// The language explicitly asked for with `?lang=`, if any and valid.
    static func requested(by request: Request) -> ConsoleLanguage? {
        ConsoleForm(urlEncoded: request.uri.query ?? "")["lang"].flatMap(ConsoleLanguage.init(rawValue:))
    }

    /// The language of this request: the query parameter, else the cookie, else Korean.
    init(request: Request) {
        if let asked = ConsoleLanguage.requested(by: request) {
            self = asked
        } else if let cookie = request.cookies[ConsoleLanguage.cookieName], let remembered = ConsoleLanguage(rawValue: cookie.value) {
            self = remembered
        } else {
            self = .ko
        }
    }

    /// The other language, for the header switch.
    var other: ConsoleLanguage { self == .ko ? .en : .ko }

    /// The language's own name, shown in the switch.
    var nativeName: String { self == .ko ? "한국어" : "English" }
}
