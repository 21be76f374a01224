import DevIdentityProvider
import Hummingbird

/// The development OIDC issuer under `/oidc` (interop contract §1.4 and §8), served only by
/// `signetd --dev`:
///
/// - `GET /oidc/.well-known/openid-configuration`, `GET /oidc/jwks`: discovery and keys.
/// - `GET /oidc/github-actions/.well-known/openid-configuration`: discovery of the second issuer
///   GitHub-Actions-shaped tokens come from, when the provider separates it (same keys).
/// - `GET /oidc/auth`: authorization code flow with PKCE S256; approves the `login_hint` user (or
///   the default developer) at once and redirects to the loopback `redirect_uri` with the code.
/// - `POST /oidc/token`: exchanges the code (form body) for `{"access_token", "id_token", …}`.
/// - `POST /oidc/dev/token`: **dev only, unauthenticated**: mints a token for any subject, email,
///   claims or GitHub Actions workflow from a JSON body (`signet dev-token` calls it) and answers
///   `{"token": "<JWT>"}`. Anyone who can reach it can mint identities, which is why it never
///   exists outside `--dev`.
enum DevIdentityProviderRoutes {
    static func register<Context: RequestContext>(on router: Router<Context>, provider: DevIdentityProvider) {
        router.get("oidc/.well-known/openid-configuration") { _, _ -> Response in
            json(await provider.discoveryDocumentJSON())
        }
        router.get("oidc/github-actions/.well-known/openid-configuration") { _, _ -> Response in
            guard let document = await provider.githubActionsDiscoveryDocumentJSON() else {
                throw ServiceErrorResponse(.notFound, "this dev issuer mints GitHub Actions tokens under /oidc itself")
            }
            return json(document)
        }
        router.get("oidc/jwks") { _, _ -> Response in
            json(provider.keySetJSON)
        }
        router.get("oidc/auth") { request, _ -> Response in
            switch try await provider.authorize(query: request.uri.query ?? "") {
            case .redirect(let location):
                return Response(status: .found, headers: [.location: location, .cacheControl: "no-store"])
            case .displayCode(let code):
                let page = "Signet development sign-in approved.\nPaste this code into your client:\n\n\(code)\n"
                return Response(status: .ok, headers: [.contentType: "text/plain; charset=utf-8", .cacheControl: "no-store"], body: .init(byteBuffer: ByteBuffer(string: page)))
            }
        }
        router.post("oidc/token") { request, _ -> Response in
            var request = request
            guard request.mediaType == "application/x-www-form-urlencoded" else {
                throw ServiceErrorResponse(.unsupportedMediaType, "send the token request as application/x-www-form-urlencoded")
            }
            let body = try await request.collectBody(limit: ServerLimits.maxIdentityRequestBody)
            return json(try await provider.token(formRequest: Array(buffer: body), authorization: request.headers[.authorization]))
        }
        router.post("oidc/dev/token") { request, _ -> Response in
            var request = request
            let body = try await request.collectBody(limit: ServerLimits.maxIdentityRequestBody)
            return json(try await provider.devToken(jsonRequest: Array(buffer: body)))
        }
    }

    private static func json(_ body: [UInt8]) -> Response {
        // RFC 6749 §5.1: token responses must not be cached; nothing here should be.
        Response(status: .ok, headers: [.contentType: "application/json", .cacheControl: "no-store"], body: .init(byteBuffer: ByteBuffer(bytes: body)))
    }
}
