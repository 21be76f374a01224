public import Hummingbird

/// Maps the error types of the hosted services to HTTP statuses: the single place where a
/// service's matchable error code becomes a status code.
enum ServiceErrorMapping {
    static func response(for error: any Error) -> ServiceErrorResponse? {
        nil
    }
}
