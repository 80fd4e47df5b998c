import DangolCore
import Foundation
import Hummingbird

extension Request {
    /// Decodes a JSON body within the context's size limit. Malformed JSON or a wrong type becomes a 422 problem naming
    /// the field; an empty body a 400; a body over the limit a 413.
    func decodeJSON<T: Decodable>(_ type: T.Type, context: DangolRequestContext) async throws -> T {
        if let contentType = headers[.contentType], !contentType.lowercased().contains("json") {
            throw ProblemDetails(type: "about:blank", title: "Unsupported media type", status: 415, detail: "Send application/json.")
        }
        let buffer: ByteBuffer
        do {
            buffer = try await body.collect(upTo: context.maxUploadSize)
        } catch {
            throw ProblemDetails(type: "https://dangol.dev/problems/payload-too-large", title: "Payload too large", status: 413,
                                 detail: "The body is larger than \(context.maxUploadSize) bytes.")
        }
        guard buffer.readableBytes > 0 else {
            throw ProblemDetails(type: "about:blank", title: "Bad request", status: 400, detail: "The request needs a JSON body.")
        }
        do {
            return try JSONDecoder().decode(T.self, from: Data(buffer.readableBytesView))
        } catch DecodingError.dataCorrupted(let decodingContext) where decodingContext.codingPath.isEmpty {
            throw ProblemDetails(type: "about:blank", title: "Bad request", status: 400, detail: "The body is not valid JSON.")
        } catch let error as DecodingError {
            throw DangolError.invalid([Request.fieldError(error)], message: "The JSON body does not match the expected shape.")
        } catch {
            throw ProblemDetails(type: "about:blank", title: "Bad request", status: 400, detail: "The body is not valid JSON.")
        }
    }

    static func fieldError(_ error: DecodingError) -> FieldError {
        func path(_ codingPath: [any CodingKey]) -> String {
            codingPath.map { $0.intValue.map(String.init) ?? $0.stringValue }.joined(separator: "/")
        }
        switch error {
        case .keyNotFound(let key, let context):
            return FieldError(field: path(context.codingPath + [key]), code: "required", message: "\(key.stringValue) is required.")
        case .typeMismatch(_, let context):
            return FieldError(field: path(context.codingPath), code: "type", message: "Wrong type: \(context.debugDescription)")
        case .valueNotFound(_, let context):
            return FieldError(field: path(context.codingPath), code: "required", message: "A value is required.")
        case .dataCorrupted(let context):
            let field = path(context.codingPath)
            return FieldError(field: field.isEmpty ? "body" : field, code: field.isEmpty ? "json" : "invalid",
                              message: field.isEmpty ? "The body is not valid JSON." : "Invalid value: \(context.debugDescription)")
        @unknown default:
            return FieldError(field: "body", code: "invalid", message: "The body is invalid.")
        }
    }
}
