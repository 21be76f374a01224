import Foundation
import Hummingbird
import HummingbirdTesting
@testable import ServerSupport
import Testing

/// The dev OIDC issuer as `signetd --dev` serves it under `/oidc`.
@Suite struct DevIdentityProviderEndpointTests {
    /// RFC 7636 Appendix B.
    static let verifier = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"
    static let challenge = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"
    static let redirect = "http://127.0.0.1:53682/auth/callback"

    let directory: URL
    let app: any ApplicationProtocol

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("signet-oidc-\(UUID().uuidString)")
        let stack = try DevStack.prepare(dataDirectory: directory, host: "127.0.0.1", port: 8080, now: Date())
        app = SignetApplication.build(configuration: ServerConfiguration(host: "127.0.0.1", port: 0), services: stack.services)
    }

    static func json(_ response: TestResponse) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(response.body.readableBytesView)) as? [String: Any])
    }

    static func claims(of token: String) throws -> [String: Any] {
        var part = String(token.split(separator: ".")[1]).replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        part += String(repeating: "=", count: (4 - part.count % 4) % 4)
        let json = try #require(Data(base64Encoded: part))
        return try #require(try JSONSerialization.jsonObject(with: json) as? [String: Any])
    }

    @Test func servesDiscoveryAndKeysForTheDevIssuer() async throws {
        try await app.test(.router) { client in
            let discovery = try await client.execute(uri: "/oidc/.well-known/openid-configuration", method: .get)
            #expect(discovery.status == .ok)
            #expect(discovery.headers[.contentType] == "application/json")
            let document = try Self.json(discovery)
            #expect(document["issuer"] as? String == "http://127.0.0.1:8080/oidc")
            #expect(document["jwks_uri"] as? String == "http://127.0.0.1:8080/oidc/jwks")
            #expect(document.count == 8)

            let keys = try Self.json(try await client.execute(uri: "/oidc/jwks", method: .get))
            let key = try #require((keys["keys"] as? [[String: Any]])?.first)
            #expect(key["kty"] as? String == "EC")
            #expect(key["crv"] as? String == "P-256")
            #expect(key["alg"] as? String == "ES256")
            #expect(key["use"] as? String == "sig")
            #expect(key["d"] == nil)
        }
    }

    /// The browser flow end to end over HTTP: /auth redirects with a code, /token redeems it once.
    @Test func runsTheAuthorizationCodeFlowWithPKCE() async throws {
        try await app.test(.router) { client in
            let query = "response_type=code&client_id=sigstore&scope=openid+email&state=s1&nonce=n1"
                + "&redirect_uri=http%3A%2F%2F127.0.0.1%3A53682%2Fauth%2Fcallback&code_challenge=\(Self.challenge)"
                + "&code_challenge_method=S256&login_hint=alice%40example.test"
            let authorization = try await client.execute(uri: "/oidc/auth?" + query, method: .get)
            #expect(authorization.status == .found)
            let location = try #require(authorization.headers[.location].flatMap(URLComponents.init(string:)))
            #expect(location.path == "/auth/callback")
            #expect(location.queryItems?.first { $0.name == "state" }?.value == "s1")
            let code = try #require(location.queryItems?.first { $0.name == "code" }?.value)

            func redeem(verifier: String) async throws -> TestResponse {
                let form = "grant_type=authorization_code&code=\(code)&redirect_uri=http%3A%2F%2F127.0.0.1%3A53682%2Fauth%2Fcallback&code_verifier=\(verifier)"
                return try await client.execute(
                    uri: "/oidc/token", method: .post,
                    headers: [.contentType: "application/x-www-form-urlencoded", .authorization: "Basic c2lnc3RvcmU6"],
                    body: ByteBuffer(string: form)
                )
            }
            let tokens = try await redeem(verifier: Self.verifier)
            #expect(tokens.status == .ok)
            #expect(tokens.headers[.cacheControl] == "no-store")
            let reply = try Self.json(tokens)
            let idToken = try #require(reply["id_token"] as? String)
            #expect(reply["access_token"] as? String == idToken)
            #expect(reply["token_type"] as? String == "Bearer")
            let claims = try Self.claims(of: idToken)
            #expect(claims["email"] as? String == "alice@example.test")
            #expect(claims["email_verified"] as? Bool == true)
            #expect(claims["iss"] as? String == "http://127.0.0.1:8080/oidc")
            #expect(claims["nonce"] as? String == "n1")

            let replayed = try await redeem(verifier: Self.verifier)
            #expect(replayed.status == .badRequest)
            #expect(try Self.json(replayed)["message"] as? String == "the authorization code is unknown, expired or already used")
        }
    }

    @Test func refusesBadAuthorizationAndTokenRequests() async throws {
        try await app.test(.router) { client in
            let noPKCE = try await client.execute(
                uri: "/oidc/auth?response_type=code&client_id=sigstore&redirect_uri=http%3A%2F%2F127.0.0.1%2Fcb", method: .get
            )
            #expect(noPKCE.status == .badRequest)
            let offHost = try await client.execute(
                uri: "/oidc/auth?response_type=code&client_id=sigstore&redirect_uri=https%3A%2F%2Fevil.example%2Fcb"
                    + "&code_challenge=\(Self.challenge)&code_challenge_method=S256",
                method: .get
            )
            #expect(offHost.status == .badRequest)
            #expect(offHost.headers[.location] == nil)

            let wrongType = try await client.execute(
                uri: "/oidc/token", method: .post, headers: [.contentType: "application/json"], body: ByteBuffer(string: "{}")
            )
            #expect(wrongType.status == .unsupportedMediaType)
            let oversized = try await client.execute(
                uri: "/oidc/token", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
                body: ByteBuffer(string: String(repeating: "a", count: ServerLimits.maxIdentityRequestBody + 1))
            )
            #expect(oversized.status == .contentTooLarge)
            let unknownCode = try await client.execute(
                uri: "/oidc/token", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
                body: ByteBuffer(string: "grant_type=authorization_code&code=nope&redirect_uri=x&code_verifier=\(Self.verifier)")
            )
            #expect(unknownCode.status == .badRequest)
        }
    }

    @Test func mintsTokensOnTheDevEndpoint() async throws {
        try await app.test(.router) { client in
            let reply = try await client.execute(
                uri: "/oidc/dev/token", method: .post, headers: [.contentType: "application/json"],
                body: ByteBuffer(string: #"{"subject":"ci@example.test","email":"ci@example.test","claims":{"team":"blue"}}"#)
            )
            #expect(reply.status == .ok)
            let claims = try Self.claims(of: try #require(try Self.json(reply)["token"] as? String))
            #expect(claims["sub"] as? String == "ci@example.test")
            #expect(claims["team"] as? String == "blue")
            #expect(claims["aud"] as? String == "sigstore")

            let github = try await client.execute(
                uri: "/oidc/dev/token", method: .post, headers: [.contentType: "application/json"],
                body: ByteBuffer(string: #"{"githubActions":{"repository":"octo/app","ref":"refs/tags/v1"}}"#)
            )
            let githubClaims = try Self.claims(of: try #require(try Self.json(github)["token"] as? String))
            #expect(githubClaims["sub"] as? String == "repo:octo/app:ref:refs/tags/v1")
            #expect(githubClaims["job_workflow_ref"] as? String == "octo/app/.github/workflows/release.yml@refs/tags/v1")

            let bad = try await client.execute(
                uri: "/oidc/dev/token", method: .post, headers: [.contentType: "application/json"], body: ByteBuffer(string: #"{"claims":{"exp":1}}"#)
            )
            #expect(bad.status == .badRequest)
        }
    }

    /// The signing key lives under the data directory, so a restarted stack publishes the same key.
    @Test func keepsTheSigningKeyAcrossRestarts() async throws {
        #expect(FileManager.default.fileExists(atPath: directory.appendingPathComponent("oidc/signing-key.pem").path))
        let restarted = try DevStack.prepare(dataDirectory: directory, host: "127.0.0.1", port: 8080, now: Date())
        let second = SignetApplication.build(configuration: ServerConfiguration(host: "127.0.0.1", port: 0), services: restarted.services)
        let first = try await app.test(.router) { try await $0.execute(uri: "/oidc/jwks", method: .get).body }
        let again = try await second.test(.router) { try await $0.execute(uri: "/oidc/jwks", method: .get).body }
        #expect(first == again)
        #expect(restarted.services.names.contains("dev OIDC issuer (/oidc)"))
    }
}
