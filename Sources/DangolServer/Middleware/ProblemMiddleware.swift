import DangolCore
import Hummingbird
import Logging

/// Turns every error into a problem+json response. Domain errors keep their status; a body that cannot be decoded
/// is a 400; anything unexpected is logged (without data) and answered with a 500 that reveals nothing.
struct ProblemMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let problem as ProblemDetails {
            return try problem.response(from: request, context: context)
        } catch let error as DangolError {
            return try ProblemDetails(error).response(from: request, context: context)
        } catch let error as HTTPError {
            return try ProblemDetails(status: error.status, detail: error.body).response(from: request, context: context)
        } catch let error as any HTTPResponseError {
            return try ProblemDetails(status: error.status, detail: nil).response(from: request, context: context)
        } catch {
            context.logger.error("unhandled error", metadata: ["error.type": .string(String(describing: type(of: error)))])
            return try ProblemDetails(type: "about:blank", title: "Internal error", status: 500,
                                      detail: "Something went wrong; nothing was changed.").response(from: request, context: context)
        }
    }
}
