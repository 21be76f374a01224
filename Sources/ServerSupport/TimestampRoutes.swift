import Hummingbird
import TSAService

/// `POST /api/v1/timestamp` and `GET /api/v1/timestamp/certchain` (interop contract §7.1).
enum TimestampRoutes {
    static func register<Context: RequestContext>(on router: Router<Context>, authority: TimestampAuthority) {
        router.post("api/v1/timestamp") { request, _ -> Response in
            var request = request
            let reply: [UInt8]
            switch request.mediaType {
            case "application/timestamp-query":
                let body = try await request.collectBody(limit: ServerLimits.maxTimestampQueryBody)
                reply = try await authority.timestamp(query: Array(buffer: body))
            case "application/json":
                let body = try await request.collectBody(limit: ServerLimits.maxTimestampJSONBody)
                reply = try await authority.timestamp(jsonRequest: Array(buffer: body))
            default:
                throw ServiceErrorResponse(
                    .unsupportedMediaType,
                    "send a DER TimeStampReq as application/timestamp-query, or the JSON form as application/json"
                )
            }
            return Response(
                status: .ok,
                headers: [.contentType: "application/timestamp-reply"],
                body: .init(byteBuffer: ByteBuffer(bytes: reply))
            )
        }
        router.get("api/v1/timestamp/certchain") { _, _ -> Response in
            Response(
                status: .ok,
                headers: [.contentType: "application/pem-certificate-chain"],
                body: .init(byteBuffer: ByteBuffer(string: try authority.certificateChainPEM()))
            )
        }
    }
}
