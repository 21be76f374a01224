public import Hummingbird
import Foundation

/// An error that leaves the server as `{"code": <int>, "message": "…"}` with an HTTP status.
///
/// This is the error shape the Rekor and TSA APIs document; the CA's grpc-gateway shape adds
/// `details`, which `includeDetails` switches on.
public struct ServiceErrorResponse: HTTPResponseError, Sendable {
    public var status: HTTPResponse.Status
    public var message: String
    public var headers: HTTPFields
    public var includeDetails: Bool

    public init(_ status: HTTPResponse.Status, _ message: String, headers: HTTPFields = [:], includeDetails: Bool = false) {
        self.status = status
        self.message = message
        self.headers = headers
        self.includeDetails = includeDetails
    }

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let body = (try? encoder.encode(Body(code: Int(status.code), message: message, details: includeDetails ? [] : nil))) ?? Data()
        var headers = self.headers
        headers[.contentType] = "application/json"
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: body)))
    }

    private struct Body: Encodable {
        var code: Int
        var message: String
        var details: [String]?
    }
}
