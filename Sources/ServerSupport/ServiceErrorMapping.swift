import DevIdentityProvider
import CAService
import CTLogService
import Hummingbird
import TLogService
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
        case let error as CAError:
            // grpc-gateway's shape with Fulcio's codes: INVALID_ARGUMENT (3) for anything the
            // caller sent, INTERNAL (13) for the CA or CT log, RESOURCE_EXHAUSTED (8) for size.
            switch error.code {
            case .invalidToken, .invalidRequest, .unsupportedKey, .invalidProofOfPossession:
                ServiceErrorResponse(.badRequest, error.message, includeDetails: true, code: 3)
            case .requestTooLarge:
                ServiceErrorResponse(.contentTooLarge, error.message, includeDetails: true, code: 8)
            case .issuanceFailed, .invalidConfiguration:
                ServiceErrorResponse(.internalServerError, error.message, includeDetails: true, code: 13)
            }
        case let error as RekorError:
            switch error.code {
            case .invalidEntry, .invalidQuery: ServiceErrorResponse(.badRequest, error.message)
            case .notFound: ServiceErrorResponse(.notFound, error.message)
            case .overloaded: ServiceErrorResponse(.serviceUnavailable, error.message)
            case .internalFailure: ServiceErrorResponse(.internalServerError, error.message)
            case .duplicate:
                // v1 clients follow Location, v2 clients read x-log-index; each ignores the other.
                ServiceErrorResponse(.conflict, error.message, headers: TransparencyLogRoutes.conflictHeaders(for: error))
            }
        case let error as CTLogError:
            switch error.code {
            case .invalidSubmission, .invalidQuery: ServiceErrorResponse(.badRequest, error.message)
            case .notFound: ServiceErrorResponse(.notFound, error.message)
            case .unavailable: ServiceErrorResponse(.serviceUnavailable, error.message)
            case .internalFailure: ServiceErrorResponse(.internalServerError, error.message)
            }
        default:
            nil
        }
    }
}
