import DevIdentityProvider
import Foundation
import Testing

@Suite struct TokenRequestTests {
    static let verifier = DevIdentityProviderAuthorizationTests.verifier

    @Test func decodesAFormBody() throws {
        let body = "grant_type=authorization_code&code=abc%2Bdef&redirect_uri=urn%3Aietf%3Awg%3Aoauth%3A2.0%3Aoob&code_verifier=\(Self.verifier)&client_id=a+b"
        let request = try TokenRequest(formEncoded: body)
        #expect(request.code == "abc+def")
        #expect(request.redirectURI == "urn:ietf:wg:oauth:2.0:oob")
        #expect(request.codeVerifier == Self.verifier)
        #expect(request.clientID == "a b")
    }

    @Test func takesTheClientIDFromBasicAuthentication() throws {
        let body = "grant_type=authorization_code&code=c&redirect_uri=x&code_verifier=\(Self.verifier)"
        let request = try TokenRequest(formEncoded: body, basicAuthorization: "Basic " + Data("sigstore:".utf8).base64EncodedString())
        #expect(request.clientID == "sigstore")
        #expect(try TokenRequest(formEncoded: body).clientID == nil)
    }

    @Test(arguments: [
        "code=c&redirect_uri=x&code_verifier=\(verifier)",
        "grant_type=client_credentials&code=c&redirect_uri=x&code_verifier=\(verifier)",
        "grant_type=authorization_code&redirect_uri=x&code_verifier=\(verifier)",
        "grant_type=authorization_code&code=c&code_verifier=\(verifier)",
        "grant_type=authorization_code&code=c&redirect_uri=x",
        "grant_type=authorization_code&code=c&redirect_uri=x&code_verifier=tooshort",
        "grant_type=authorization_code&code=c&redirect_uri=x&code_verifier=\(String(repeating: "a", count: 129))",
        "grant_type=authorization_code&code=c&redirect_uri=x&code_verifier=\(String(repeating: "a", count: 42))%21",
        "grant_type=authorization_code&code=c&code=d&redirect_uri=x&code_verifier=\(verifier)",
        "grant_type=authorization_code&code=%ZZ&redirect_uri=x&code_verifier=\(verifier)",
    ])
    func refusesMalformedRequests(_ body: String) {
        #expect { try TokenRequest(formEncoded: body) } throws: { ($0 as? DevIdentityProviderError)?.code == .invalidRequest }
    }
}
