import DevIdentityProvider
import Testing

@Suite struct AuthorizationRequestTests {
    @Test func readsARawQueryString() throws {
        let query = "response_type=code&client_id=sigstore&redirect_uri=http%3A%2F%2F127.0.0.1%3A4000%2Fcb"
            + "&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM&code_challenge_method=S256&scope=openid+email&state=a%2Bb"
        let request = try AuthorizationRequest(query: query)
        #expect(request.redirectURI == "http://127.0.0.1:4000/cb")
        #expect(request.state == "a+b")
        #expect(request.clientID == "sigstore")
        #expect(request.loginHint == nil)
    }

    @Test(arguments: [
        ("response_type", nil as String?), ("response_type", "token"), ("client_id", nil), ("client_id", ""),
        ("redirect_uri", nil), ("redirect_uri", "https://localhost/cb"), ("redirect_uri", "http://example.com/cb"),
        ("redirect_uri", "http://127.0.0.1.evil.example/cb"), ("redirect_uri", "http://localhost/cb#fragment"),
        ("redirect_uri", "javascript:alert(1)"), ("code_challenge", nil), ("code_challenge", "short"),
        ("code_challenge", "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-c+"), ("code_challenge_method", nil),
        ("code_challenge_method", "plain"), ("login_hint", "not-an-email"),
    ])
    func refusesUnsafeOrIncompleteRequests(_ name: String, _ value: String?) {
        let parameters = DevIdentityProviderAuthorizationTests.parameters([name: value])
        #expect { try AuthorizationRequest(parameters: parameters) } throws: {
            ($0 as? DevIdentityProviderError)?.code == .invalidRequest
        }
    }

    @Test(arguments: ["http://127.0.0.1:1/cb", "http://localhost/callback", "http://[::1]:8000/auth/callback", "urn:ietf:wg:oauth:2.0:oob"])
    func acceptsLoopbackAndOutOfBandRedirects(_ redirect: String) throws {
        let request = try AuthorizationRequest(parameters: DevIdentityProviderAuthorizationTests.parameters(["redirect_uri": redirect]))
        #expect(request.redirectURI == redirect)
    }
}
