import CAService
import Foundation
import Hummingbird

/// The Fulcio-compatible CA (interop contract §2.1, §2.2), at the origin root because
/// sigstore-python drops any path from a CA URL:
///
/// - `POST /api/v2/signingCert` → 200 JSON `SigningCertificate` (sigstore-go requires exactly 200);
/// - `GET /api/v2/trustBundle`, `GET /api/v2/configuration` → 200 JSON;
/// - `POST /api/v1/signingCert` → 201 `application/pem-certificate-chain` (legacy);
/// - `GET /api/v1/rootCert` → 200 `application/pem-certificate-chain`.
///
/// Refusals leave as grpc-gateway JSON, `{"code":<gRPC code>,"message":…,"details":[]}`
/// (see `ServiceErrorMapping`).
enum CertificateAuthorityRoutes {
    static func register<Context: RequestContext>(on router: Router<Context>, authority: CertificateAuthority) {
        router.post("api/v2/signingCert") { request, _ -> Response in
            var request = request
            let body = try await requestBody(&request)
            let reply = try await authority.signingCertificate(jsonRequest: body, bearerToken: bearerToken(request))
            return Response(status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(bytes: reply)))
        }
        router.post("api/v1/signingCert") { request, _ -> Response in
            var request = request
            let body = try await requestBody(&request)
            let chain = try await authority.legacySigningCertificate(jsonRequest: body, bearerToken: bearerToken(request))
            return pemChain(chain, status: .created)
        }
        router.get("api/v2/trustBundle") { _, _ -> Response in
            Response(status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(bytes: try authority.trustBundle())))
        }
        router.get("api/v2/configuration") { _, _ -> Response in
            Response(status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(bytes: try authority.configuration())))
        }
        router.get("api/v1/rootCert") { _, _ -> Response in
            pemChain(try authority.rootCertificatesPEM(), status: .ok)
        }
    }

    /// The body, refused with the CA's own error shape when it exceeds the limit.
    private static func requestBody(_ request: inout Request) async throws -> [UInt8] {
        do {
            return Array(buffer: try await request.collectBody(limit: ServerLimits.maxSigningCertificateRequestBody))
        } catch let error as ServiceErrorResponse where error.status == .contentTooLarge {
            throw CAError(.requestTooLarge, error.message)
        }
    }

    /// The token of an `Authorization: Bearer <token>` header (the scheme is case-insensitive).
    private static func bearerToken(_ request: Request) -> String? {
        guard let value = request.headers[.authorization] else { return nil }
        let parts = value.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: true)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else { return nil }
        let token = parts[1].trimmingCharacters(in: .whitespaces)
        return token.isEmpty ? nil : token
    }

    private static func pemChain(_ pem: String, status: HTTPResponse.Status) -> Response {
        Response(status: status, headers: [.contentType: "application/pem-certificate-chain"], body: .init(byteBuffer: ByteBuffer(string: pem)))
    }
}
