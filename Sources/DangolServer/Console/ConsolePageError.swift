import HTTPTypes

/// An error the console shows as an HTML page: the status and the string-table keys of the title and the message.
struct ConsolePageError: Error, Sendable {
    var status: HTTPResponse.Status
    var titleKey: String
    var messageKey: String

    /// A POST whose `csrf` field is missing or does not match the session.
    static let csrfMismatch = ConsolePageError(status: .forbidden, titleKey: "error_forbidden_title", messageKey: "error_csrf")
    /// The role may not do this.
    static let forbidden = ConsolePageError(status: .forbidden, titleKey: "error_forbidden_title", messageKey: "error_forbidden")
    /// No such customer (or a malformed id).
    static let customerNotFound = ConsolePageError(status: .notFound, titleKey: "error_notFound_title", messageKey: "error_customerNotFound")
    /// No such VOC case (or a malformed id).
    static let caseNotFound = ConsolePageError(status: .notFound, titleKey: "error_notFound_title", messageKey: "error_caseNotFound")
    /// No such import run (or a malformed id).
    static let importNotFound = ConsolePageError(status: .notFound, titleKey: "error_notFound_title", messageKey: "error_importNotFound")
    /// The form body is larger than allowed.
    static let payloadTooLarge = ConsolePageError(status: .contentTooLarge, titleKey: "error_generic_title", messageKey: "error_tooLarge")
}
