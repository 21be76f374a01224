import DevIdentityProvider
import Foundation
import OIDC
import SigstoreCrypto
import Testing

/// The interactive flow Sigstore clients run: authorization code with PKCE S256 on a loopback redirect.
@Suite struct DevIdentityProviderAuthorizationTests {
    /// RFC 7636 Appendix B.
    static let verifier = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"
    static let challenge = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"
    static let redirect = "http://localhost:53682/auth/callback"

    let clock = TestClock(Date(timeIntervalSince1970: 1_750_000_000))
    let provider: DevIdentityProvider

    init() throws {
        provider = try DevIdentityProvider(issuer: "http://127.0.0.1:8080/oidc", signingKey: try PrivateKey.generate(.ecdsaP256), clock: clock.reading)
    }

    static func parameters(_ changes: [String: String?] = [:]) -> [String: String] {
        var parameters = [
            "response_type": "code", "client_id": "sigstore", "redirect_uri": redirect, "scope": "openid email",
            "code_challenge": challenge, "code_challenge_method": "S256", "state": "st-42", "nonce": "n-1",
            "login_hint": "alice@example.test",
        ]
        for (name, value) in changes { parameters[name] = value }
        return parameters
    }

    static func tokenParameters(code: String, _ changes: [String: String?] = [:]) -> [String: String] {
        var parameters = ["grant_type": "authorization_code", "code": code, "redirect_uri": redirect, "code_verifier": verifier]
        for (name, value) in changes { parameters[name] = value }
        return parameters
    }

    /// Authorizes and returns the code from the redirect, checking `state` came back.
    func code(_ changes: [String: String?] = [:]) async throws -> String {
        let outcome = try await provider.authorize(AuthorizationRequest(parameters: Self.parameters(changes)))
        guard case .redirect(let location) = outcome else {
            Issue.record("expected a redirect, got \(outcome)")
            return ""
        }
        let components = try #require(URLComponents(string: location))
        #expect(location.hasPrefix(Self.redirect + "?"))
        #expect(components.queryItems?.first { $0.name == "state" }?.value == "st-42")
        return try #require(components.queryItems?.first { $0.name == "code" }?.value)
    }

    func redeem(code: String, _ changes: [String: String?] = [:]) async throws -> TokenResponse {
        try await provider.redeem(TokenRequest(parameters: Self.tokenParameters(code: code, changes)))
    }

    @Test func completesTheCodeFlowWithPKCE() async throws {
        let response = try await redeem(code: try await code())
        #expect(response.accessToken == response.idToken)
        #expect(response.tokenType == "Bearer")
        #expect(response.expiresIn == 600)
        let claims = try TokenInspection.claims(of: response.idToken)
        #expect(claims["sub"] == "alice@example.test")
        #expect(claims["email"] == "alice@example.test")
        #expect(claims["email_verified"] == true)
        #expect(claims["aud"] == "sigstore")
        #expect(claims["nonce"] == "n-1")
        #expect(claims["exp"] == .integer(1_750_000_600))
    }

    /// The wire form: a urlencoded body and HTTP Basic client authentication, as sigstore-python sends.
    @Test func redeemsAFormRequestWithBasicClientAuthentication() async throws {
        let code = try await code(["client_id": "my client"])
        let body = "grant_type=authorization_code&code=\(code)&redirect_uri=http%3A%2F%2Flocalhost%3A53682%2Fauth%2Fcallback&code_verifier=\(Self.verifier)"
        let basic = "Basic " + Data("my+client:".utf8).base64EncodedString()
        let reply = try await provider.token(formRequest: Array(body.utf8), authorization: basic)
        let response = try JSONDecoder().decode(TokenResponse.self, from: Data(reply))
        #expect(try TokenInspection.claims(of: response.accessToken)["aud"] == "my client")
        let json = try JSONSerialization.jsonObject(with: Data(reply)) as? [String: Any]
        #expect(Set(json?.keys ?? [:].keys) == ["access_token", "id_token", "token_type", "expires_in", "scope"])
    }

    @Test func signsInTheDefaultDeveloperWithoutALoginHint() async throws {
        let response = try await redeem(code: try await code(["login_hint": nil]))
        #expect(try TokenInspection.claims(of: response.idToken)["email"] == .string(DevIdentityProvider.defaultUser))
    }

    @Test func refusesAWrongVerifierAndBurnsTheCode() async throws {
        let code = try await code()
        await expectInvalidGrant { try await redeem(code: code, ["code_verifier": String(repeating: "x", count: 43)]) }
        await expectInvalidGrant { try await redeem(code: code) }
    }

    @Test func refusesAReusedCode() async throws {
        let code = try await code()
        _ = try await redeem(code: code)
        await expectInvalidGrant { try await redeem(code: code) }
    }

    @Test func refusesAnotherRedirectURI() async throws {
        let code = try await code()
        await expectInvalidGrant { try await redeem(code: code, ["redirect_uri": "http://localhost:53682/other"]) }
    }

    @Test func refusesAnotherClient() async throws {
        let code = try await code()
        await expectInvalidGrant { try await redeem(code: code, ["client_id": "someone-else"]) }
    }

    @Test func refusesAnExpiredCode() async throws {
        let code = try await code()
        clock.advance(by: DevIdentityProvider.authorizationCodeLifetime + 1)
        await expectInvalidGrant { try await redeem(code: code) }
    }

    @Test func refusesAnUnknownCode() async {
        await expectInvalidGrant { try await redeem(code: "made-up") }
    }

    @Test func showsTheCodeForOutOfBandClients() async throws {
        let outcome = try await provider.authorize(AuthorizationRequest(parameters: Self.parameters(["redirect_uri": AuthorizationRequest.outOfBandRedirect])))
        guard case .displayCode(let code) = outcome else {
            Issue.record("expected a code to display, got \(outcome)")
            return
        }
        let response = try await redeem(code: code, ["redirect_uri": AuthorizationRequest.outOfBandRedirect])
        #expect(try TokenInspection.claims(of: response.idToken)["sub"] == "alice@example.test")
    }

    @Test func keepsTheRedirectURIsOwnQuery() async throws {
        let outcome = try await provider.authorize(AuthorizationRequest(parameters: Self.parameters(["redirect_uri": "http://127.0.0.1:9000/cb?session=1"])))
        guard case .redirect(let location) = outcome else {
            Issue.record("expected a redirect")
            return
        }
        #expect(location.hasPrefix("http://127.0.0.1:9000/cb?session=1&code="))
    }

    private func expectInvalidGrant(_ body: () async throws -> TokenResponse) async {
        await #expect { _ = try await body() } throws: { ($0 as? DevIdentityProviderError)?.code == .invalidGrant }
    }
}
