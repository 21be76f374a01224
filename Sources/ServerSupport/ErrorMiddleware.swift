public import Hummingbird
import Logging

/// Turns every error a route throws into an HTTP response, in one place.
///
/// Service errors are mapped by `ServiceErrorMapping`; anything unknown becomes a 500 whose body
/// says nothing about internals (the details go to the log).
struct ErrorMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as any HTTPResponseError {
            throw error
        } catch {
            if let mapped = ServiceErrorMapping.response(for: error) {
                throw mapped
            }
            context.logger.error("unhandled error", metadata: ["error": "\(String(reflecting: error))", "path": "\(request.uri.path)"])
            throw ServiceErrorResponse(.internalServerError, "internal error")
        }
    }
}
