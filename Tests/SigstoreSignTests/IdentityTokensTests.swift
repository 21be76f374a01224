import Foundation
import Hummingbird
@testable import SigstoreSign
import Testing

/// `IdentityTokens.obtain`: explicit token, `SIGSTORE_ID_TOKEN`, GitHub Actions ambient credentials.
@Suite struct IdentityTokensTests {
    @Test func anExplicitTokenWinsOverTheEnvironment() async throws {
        let request = IdentityTokenRequest(explicitToken: "  explicit \n", environment: ["SIGSTORE_ID_TOKEN": "ambient"])
        #expect(try await IdentityTokens.obtain(request) == "explicit")
    }

    @Test func sigstoreIDTokenWinsOverGitHubActions() async throws {
        // Nothing listens on port 9 of loopback: if GitHub were asked, the request would fail.
        let environment = [
            "SIGSTORE_ID_TOKEN": "from-gitlab",
            "ACTIONS_ID_TOKEN_REQUEST_URL": "http://127.0.0.1:9/token", "ACTIONS_ID_TOKEN_REQUEST_TOKEN": "t",
        ]
        #expect(try await IdentityTokens.obtain(IdentityTokenRequest(environment: environment)) == "from-gitlab")
    }

    @Test func withoutAnySourceItSaysWhatToDo() async throws {
        let error = await #expect(throws: SigningError.self) {
            try await IdentityTokens.obtain(IdentityTokenRequest(environment: ["SIGSTORE_ID_TOKEN": "  "]))
        }
        #expect(error?.code == .identityToken)
        #expect(error?.message.hasPrefix("no identity token: pass --identity-token, set SIGSTORE_ID_TOKEN") == true)
    }

    /// Interaction allowed but no issuer known: no browser login, and the message says why.
    @Test func aBrowserLoginNeedsAnIssuer() async throws {
        let error = await #expect(throws: SigningError.self) {
            try await IdentityTokens.obtain(IdentityTokenRequest(environment: [:], allowInteractive: true))
        }
        #expect(error?.message.contains("a browser login needs an OIDC issuer") == true)
    }

    /// A stand-in for GitHub's token service: checks the bearer token and the audience, keeps
    /// the query the runner's URL already has, and answers `{"value": …}`.
    static func actionsRouter(value: String = "header.payload.signature") -> Router<BasicRequestContext> {
        let router = Router()
        router.get("token") { request, _ -> Response in
            guard request.headers[.authorization] == "bearer runner-secret" else {
                return Response(status: .unauthorized, body: .init(byteBuffer: ByteBuffer(string: "bad credentials")))
            }
            guard request.uri.queryParameters.get("audience") == "sigstore",
                  request.uri.queryParameters.get("api-version") == "2.0"
            else {
                return Response(status: .badRequest, body: .init(byteBuffer: ByteBuffer(string: "audience missing")))
            }
            return Response(status: .ok, headers: [.contentType: "application/json"],
                            body: .init(byteBuffer: ByteBuffer(string: #"{"count":1,"value":"\#(value)"}"#)))
        }
        // A request URL without a query of its own: the audience starts the query.
        router.get("plain") { request, _ -> Response in
            guard request.headers[.authorization] == "bearer runner-secret", request.uri.query == "audience=sigstore" else {
                return Response(status: .badRequest, body: .init(byteBuffer: ByteBuffer(string: "unexpected request \(request.uri)")))
            }
            return Response(status: .ok, body: .init(byteBuffer: ByteBuffer(string: #"{"value":"plain.token.value"}"#)))
        }
        return router
    }

    static func actionsEnvironment(_ baseURL: String, token: String = "runner-secret") -> [String: String] {
        ["ACTIONS_ID_TOKEN_REQUEST_URL": baseURL + "/token?api-version=2.0", "ACTIONS_ID_TOKEN_REQUEST_TOKEN": token]
    }

    @Test func fetchesAGitHubActionsTokenWithTheBearerAndAudience() async throws {
        let token = try await IdentityTestServer.run(Self.actionsRouter()) { baseURL in
            try await IdentityTokens.obtain(IdentityTokenRequest(environment: Self.actionsEnvironment(baseURL)))
        }
        #expect(token == "header.payload.signature")
    }

    @Test func startsTheQueryWhenTheRequestURLHasNone() async throws {
        let token = try await IdentityTestServer.run(Self.actionsRouter()) { baseURL in
            try await IdentityTokens.obtain(IdentityTokenRequest(environment: [
                "ACTIONS_ID_TOKEN_REQUEST_URL": baseURL + "/plain", "ACTIONS_ID_TOKEN_REQUEST_TOKEN": "runner-secret",
            ]))
        }
        #expect(token == "plain.token.value")
    }

    @Test func aRefusedGitHubRequestIsAnErrorNotAFallback() async throws {
        let error = try await IdentityTestServer.run(Self.actionsRouter()) { baseURL in
            await #expect(throws: SigningError.self) {
                try await IdentityTokens.obtain(IdentityTokenRequest(
                    environment: Self.actionsEnvironment(baseURL, token: "stolen"), oidcIssuer: URL(string: baseURL), allowInteractive: true))
            }
        }
        #expect(error?.code == .identityToken)
        #expect(error?.message == "GitHub Actions refused the ID token request (HTTP 401): bad credentials")
    }

    @Test func anAnswerWithoutATokenIsRefused() async throws {
        let error = try await IdentityTestServer.run(Self.actionsRouter(value: "")) { baseURL in
            await #expect(throws: SigningError.self) {
                try await IdentityTokens.obtain(IdentityTokenRequest(environment: Self.actionsEnvironment(baseURL)))
            }
        }
        #expect(error?.message.contains("without a token") == true)
    }
}
