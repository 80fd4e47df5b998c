import Hummingbird
import Logging
import Metrics
import NIOCore

/// Logs one structured line per request: method, path WITHOUT the query string (queries may carry phone numbers or
/// emails), status and duration. Never logs bodies or headers.
struct RequestLogMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let start = ContinuousClock.now
        let response = try await next(request, context)
        let elapsed = ContinuousClock.now - start
        let milliseconds = Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
        context.logger.info("request", metadata: [
            "http.method": .string(request.method.rawValue),
            "http.path": .string(String(request.uri.path.prefix(200))),
            "http.status": .stringConvertible(response.status.code),
            "duration_ms": .stringConvertible((milliseconds * 10).rounded() / 10),
        ])
        Counter(label: "dangol_http_requests_total", dimensions: [("status", String(response.status.code / 100) + "xx")]).increment()
        Timer(label: "dangol_http_request_duration_seconds").recordNanoseconds(Int64(milliseconds * 1_000_000))
        return response
    }
}
