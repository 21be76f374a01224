import DevIdentityProvider
import Hummingbird
import TSAService

/// Maps the error types of the hosted services to HTTP statuses: the single place where a
/// service's matchable error code becomes a status code.
enum ServiceErrorMapping {
    static func response(for error: any Error) -> ServiceErrorResponse? {
        switch error {
        case let error as TimestampServiceError:
            switch error.code {
            case .invalidRequest: ServiceErrorResponse(.badRequest, error.message)
            case .unsupportedMediaType: ServiceErrorResponse(.unsupportedMediaType, error.message)
            case .signingFailed: ServiceErrorResponse(.internalServerError, error.message)
            }
        case let error as DevIdentityProviderError:
            switch error.code {
            case .invalidRequest, .invalidGrant: ServiceErrorResponse(.badRequest, error.message)
            case .mintingFailed: ServiceErrorResponse(.internalServerError, error.message)
            }
        default:
            nil
        }
    }
}
