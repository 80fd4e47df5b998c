import Hummingbird

/// Applies the configured body limit: a declared `Content-Length` above it is refused at once with 413, and JSON
/// decoding never reads more than the limit.
struct BodyLimitMiddleware: RouterMiddleware {
    typealias Context = DangolRequestContext
    let maxBytes: Int
    /// The larger limit of the console's file uploads (their handlers stream the body to disk and count it).
    var maxUploadBytes: Int = 1 << 31
    /// Paths that take uploads (POST only).
    static let uploadPaths: Set<String> = ["/imports/transactions"]

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let maxBytes = request.method == .post && Self.uploadPaths.contains(request.uri.path) ? maxUploadBytes : self.maxBytes
        if let length = request.headers[.contentLength].flatMap(Int.init), length > maxBytes {
            throw ProblemDetails(type: "https://dangol.dev/problems/payload-too-large", title: "Payload too large", status: 413,
                                 detail: "The body is larger than \(maxBytes) bytes.")
        }
        var context = context
        context.maxUploadSize = maxBytes
        return try await next(request, context)
    }
}
