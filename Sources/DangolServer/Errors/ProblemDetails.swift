import DangolCore
import Foundation
import HTTPTypes
import Hummingbird

/// An RFC 9457 problem+json response: `type`, `title`, `status`, `detail`, plus `errors` (field-level details) and,
/// for identifier conflicts, `conflictingCustomerId`.
struct ProblemDetails: Error, HTTPResponseError, Codable, Sendable {
    var type: String
    var title: String
    /// The HTTP status code (the `status` member of the JSON body).
    var statusCode: Int
    var detail: String
    var errors: [FieldError]?
    var conflictingCustomerId: String?
    var instance: String?

    var status: HTTPResponse.Status { HTTPResponse.Status(code: statusCode) }

    enum CodingKeys: String, CodingKey {
        case type, title, statusCode = "status", detail, errors, conflictingCustomerId, instance
    }

    static let unauthenticated = ProblemDetails(
        type: "https://dangol.dev/problems/unauthenticated", title: "Authentication required", status: 401,
        detail: "Send a valid API token as 'Authorization: Bearer dgl_…'.")

    /// Maps a domain error to its HTTP status.
    init(_ error: DangolError) {
        let status: Int
        switch error.code {
        case .invalidInput: status = 422
        case .notFound: status = 404
        case .identifierConflict, .conflict: status = 409
        case .unauthenticated: status = 401
        case .forbidden: status = 403
        case .featureDisabled: status = 409
        case .payloadTooLarge: status = 413
        default: status = 503
        }
        self.init(type: "https://dangol.dev/problems/\(error.code.name)", title: ProblemDetails.title(for: status), status: status,
                  detail: error.message, errors: error.fieldErrors.isEmpty ? nil : error.fieldErrors,
                  conflictingCustomerId: error.conflictingCustomerID?.rawValue)
    }

    init(type: String, title: String, status: Int, detail: String, errors: [FieldError]? = nil, conflictingCustomerId: String? = nil) {
        self.type = type
        self.title = title
        self.statusCode = status
        self.detail = detail
        self.errors = errors
        self.conflictingCustomerId = conflictingCustomerId
    }

    /// A problem for a bare HTTP status (routing errors, body limits).
    init(status: HTTPResponse.Status, detail: String?) {
        self.init(type: status.code == 404 ? "https://dangol.dev/problems/not-found" : "about:blank",
                  title: ProblemDetails.title(for: status.code), status: status.code, detail: detail ?? status.reasonPhrase)
    }

    static func title(for status: Int) -> String {
        switch status {
        case 400: "Bad request"
        case 401: "Authentication required"
        case 403: "Forbidden"
        case 404: "Not found"
        case 405: "Method not allowed"
        case 409: "Conflict"
        case 413: "Payload too large"
        case 415: "Unsupported media type"
        case 422: "Invalid input"
        case 503: "Service unavailable"
        default: "Error"
        }
    }

    func response(from request: Request, context: some RequestContext) throws -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(self)) ?? Data("{}".utf8)
        var headers = HTTPFields()
        headers[.contentType] = "application/problem+json"
        if statusCode == 401 { headers[.wwwAuthenticate] = "Bearer" }
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}

