import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
@testable import SigstoreSign
import SigstoreTestSupport
import Testing

/// The browser login end to end against the dev identity provider of an in-process
/// `signetd --dev`: the "browser" is an HTTP client that opens the printed URL and follows the
/// provider's redirect to Signet's loopback listener. Serialized like the other dev-stack suites.
@Suite(.serialized) struct IdentityBrowserLoginTests {
    /// Plays the browser: GETs `url` and follows redirects; returns the last page's status and text.
    @discardableResult
    static func browse(_ url: String) async throws -> (status: Int, text: String) {
        var request = HTTPClientRequest(url: url)
        request.method = .GET
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(10))
        let body = try await response.body.collect(upTo: 1 << 16)
        return (Int(response.status.code), String(buffer: body))
    }

    static func query(_ url: URL, _ name: String) -> String? {
        URLComponents(url: url, resolvingAgainstBaseURL: false)?.queryItems?.first { $0.name == name }?.value
    }

    static func claims(of token: String) throws -> [String: Any] {
        var part = String(token.split(separator: ".")[1]).replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        part += String(repeating: "=", count: (4 - part.count % 4) % 4)
        let json = try #require(Data(base64Encoded: part))
        return try #require(try JSONSerialization.jsonObject(with: json) as? [String: Any])
    }

    /// Records what the fake browser saw, for assertions after the login returns.
    final class BrowserLog: @unchecked Sendable {
        // Written by the one presenting task before the login returns, read after: no overlap.
        var authorizationURL: URL?
        var pages: [(status: Int, text: String)] = []
    }

    @Test func signsInThroughTheDevIdentityProvider() async throws {
        try await DevServer.run { server in
            let log = BrowserLog()
            let request = IdentityTokenRequest(
                environment: [:], oidcIssuer: URL(string: server.issuer), allowInteractive: true,
                presentAuthorizationURL: { url in
                    log.authorizationURL = url
                    do {
                        // A stray request first, as browsers make: it must not end the login.
                        let redirect = try #require(Self.query(url, "redirect_uri"))
                        let origin = try #require(URLComponents(string: redirect)).port
                        log.pages.append(try await Self.browse("http://127.0.0.1:\(origin ?? 0)/favicon.ico"))
                        // The dev provider signs in the login_hint user at once and redirects back.
                        log.pages.append(try await Self.browse(url.absoluteString + "&login_hint=alice%40example.test"))
                    } catch {
                        Issue.record(error)
                    }
                },
                interactiveTimeout: .seconds(20))
            let token = try await IdentityTokens.obtain(request)

            let claims = try Self.claims(of: token)
            #expect(claims["iss"] as? String == server.issuer)
            #expect(claims["email"] as? String == "alice@example.test")
            #expect(claims["aud"] as? String == "sigstore")

            let url = try #require(log.authorizationURL)
            #expect(url.absoluteString.hasPrefix(server.issuer + "/auth?"))
            #expect(Self.query(url, "code_challenge_method") == "S256")
            #expect(Self.query(url, "code_challenge")?.count == 43)
            #expect(Self.query(url, "redirect_uri")?.hasPrefix("http://localhost:") == true)
            #expect(claims["nonce"] as? String == Self.query(url, "nonce"))
            #expect(log.pages.map(\.status) == [404, 200])
            #expect(log.pages.last?.text.contains("sign-in received") == true)
        }
    }

    /// The browser is closed, or the person never signs in: the login gives up with a clear message.
    @Test func timesOutWhenNoSignInComesBack() async throws {
        try await DevServer.run { server in
            let request = IdentityTokenRequest(
                environment: [:], oidcIssuer: URL(string: server.issuer), allowInteractive: true,
                presentAuthorizationURL: { _ in }, interactiveTimeout: .milliseconds(300))
            let error = await #expect(throws: SigningError.self) { try await IdentityTokens.obtain(request) }
            #expect(error?.code == .identityToken)
            #expect(error?.message == "no sign-in completed within 0.3 seconds (was the browser closed?)")
        }
    }

    /// The provider redirects back with `error=access_denied` (the person clicked "deny").
    @Test func reportsADeniedSignIn() async throws {
        let error = try await Self.loginAgainstDevServer { url in
            let redirect = try #require(Self.query(url, "redirect_uri"))
            let state = try #require(Self.query(url, "state"))
            try await Self.browse(redirect + "?error=access_denied&error_description=the+user%20said+no%21&state=\(state)")
        }
        #expect(error?.message == "the identity provider refused the sign-in: access_denied: the user said no!")
    }

    /// A redirect that does not carry this login's state is refused (login CSRF).
    @Test func refusesARedirectWithAnotherState() async throws {
        let error = try await Self.loginAgainstDevServer { url in
            let redirect = try #require(Self.query(url, "redirect_uri"))
            try await Self.browse(redirect + "?code=forged&state=someone-elses")
        }
        #expect(error?.message == "the sign-in redirect carried the wrong state; refusing it (possible cross-site request forgery)")
    }

    /// A code the provider never issued fails at the token endpoint, with the provider's reason.
    @Test func reportsARefusedCodeExchange() async throws {
        let error = try await Self.loginAgainstDevServer { url in
            let redirect = try #require(Self.query(url, "redirect_uri"))
            let state = try #require(Self.query(url, "state"))
            try await Self.browse(redirect + "?code=never-issued&state=\(state)")
        }
        #expect(error?.message.contains("refused the code (HTTP 400)") == true)
    }

    /// The discovery document must name the issuer that was asked for.
    @Test func refusesADiscoveryDocumentForAnotherIssuer() async throws {
        try await DevServer.run { server in
            let aliased = server.issuer.replacingOccurrences(of: "127.0.0.1", with: "localhost")
            let request = IdentityTokenRequest(environment: [:], oidcIssuer: URL(string: aliased), allowInteractive: true,
                                               presentAuthorizationURL: { _ in }, interactiveTimeout: .seconds(5))
            let error = await #expect(throws: SigningError.self) { try await IdentityTokens.obtain(request) }
            #expect(error?.message.contains("names another issuer (\(server.issuer))") == true)
        }
    }

    /// Runs a login against a dev stack with `browser` in place of the person; returns its error.
    static func loginAgainstDevServer(_ browser: @escaping @Sendable (URL) async throws -> Void) async throws -> SigningError? {
        var result: SigningError?
        try await DevServer.run { server in
            let request = IdentityTokenRequest(
                environment: [:], oidcIssuer: URL(string: server.issuer), allowInteractive: true,
                presentAuthorizationURL: { url in
                    do { try await browser(url) } catch { Issue.record(error) }
                },
                interactiveTimeout: .seconds(20))
            result = await #expect(throws: SigningError.self) { try await IdentityTokens.obtain(request) }
        }
        return result
    }
}
