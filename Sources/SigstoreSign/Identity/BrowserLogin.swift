import Foundation
import ServiceClients

/// The interactive login of a person at a terminal: OAuth 2.0 authorization code flow with PKCE
/// (S256) against the issuer's discovery document, the code arriving on a loopback listener
/// (RFC 8252 §7.3). Returns the ID token the token endpoint issues.
enum BrowserLogin {
    /// Runs the whole flow for `issuer` and `clientID`.
    ///
    /// `present` shows the authorization URL to the person (or, in tests, plays the browser).
    ///
    /// - Throws: ``SigningError`` `.identityToken`: the issuer cannot be discovered, no redirect
    ///   arrives within `timeout`, the provider redirects with an error or the wrong state, or
    ///   the code exchange fails.
    static func run(
        issuer: URL, clientID: String, timeout: Duration,
        present: @escaping @Sendable (URL) async -> Void,
        http: ServiceHTTPClient = ServiceHTTPClient()
    ) async throws -> String {
        let endpoints = try await IssuerEndpoints.discover(issuer: issuer, http: http)
        let secrets = PKCE.random()
        let listener = try await LoopbackRedirectListener.bind()
        let redirectURI = "http://localhost:\(listener.port)\(LoopbackRedirectListener.callbackPath)"
        let authorizationURL = try authorizationURL(endpoints: endpoints, clientID: clientID, redirectURI: redirectURI, secrets: secrets)

        // The browser (or whatever shows the URL) runs beside the listener and is not cut off
        // when the redirect arrives: it still has to read the listener's answer.
        let presenting = Task { await present(authorizationURL) }
        let parameters: [String: String]
        do {
            parameters = try await withThrowingTaskGroup(of: [String: String].self) { group in
                group.addTask { try await listener.receiveRedirect() }
                group.addTask {
                    try await Task.sleep(for: timeout)
                    throw SigningError(.identityToken, "no sign-in completed within \(timeout.seconds) seconds (was the browser closed?)")
                }
                defer { group.cancelAll() }
                guard let first = try await group.next() else {
                    throw SigningError(.identityToken, "the browser login ended without a result")
                }
                return first
            }
        } catch {
            presenting.cancel()
            await listener.close()
            throw error
        }
        await listener.close()
        await presenting.value

        if let error = parameters["error"] {
            let detail = parameters["error_description"].map { ": \($0)" } ?? ""
            throw SigningError(.identityToken, "the identity provider refused the sign-in: \(error)\(detail)")
        }
        guard parameters["state"] == secrets.state else {
            throw SigningError(.identityToken, "the sign-in redirect carried the wrong state; refusing it (possible cross-site request forgery)")
        }
        guard let code = parameters["code"], !code.isEmpty else {
            throw SigningError(.identityToken, "the sign-in redirect carried no authorization code")
        }
        let token = try await exchange(code: code, endpoints: endpoints, clientID: clientID, redirectURI: redirectURI, secrets: secrets, http: http)
        guard UnverifiedClaims.nonce(of: token) == secrets.nonce else {
            throw SigningError(.identityToken, "the identity provider's ID token does not carry this login's nonce; refusing it")
        }
        return token
    }

    static func authorizationURL(endpoints: IssuerEndpoints, clientID: String, redirectURI: String, secrets: PKCE) throws -> URL {
        guard var components = URLComponents(string: endpoints.authorizationEndpoint) else {
            throw SigningError(.identityToken, "the issuer's authorization endpoint \(endpoints.authorizationEndpoint) is not a URL")
        }
        components.queryItems = (components.queryItems ?? []) + [
            URLQueryItem(name: "response_type", value: "code"),
            URLQueryItem(name: "client_id", value: clientID),
            URLQueryItem(name: "redirect_uri", value: redirectURI),
            URLQueryItem(name: "scope", value: "openid email"),
            URLQueryItem(name: "state", value: secrets.state),
            URLQueryItem(name: "nonce", value: secrets.nonce),
            URLQueryItem(name: "code_challenge", value: secrets.challenge),
            URLQueryItem(name: "code_challenge_method", value: "S256"),
        ]
        guard let url = components.url else {
            throw SigningError(.identityToken, "the issuer's authorization endpoint \(endpoints.authorizationEndpoint) is not a URL")
        }
        return url
    }

    /// RFC 6749 §4.1.3 with the PKCE verifier; a public client names itself with `client_id`.
    private static func exchange(
        code: String, endpoints: IssuerEndpoints, clientID: String, redirectURI: String, secrets: PKCE, http: ServiceHTTPClient
    ) async throws -> String {
        let form = [
            ("grant_type", "authorization_code"), ("code", code), ("redirect_uri", redirectURI),
            ("code_verifier", secrets.verifier), ("client_id", clientID),
        ].map { "\($0.0)=\(formEncoded($0.1))" }.joined(separator: "&")
        let response: ServiceHTTPResponse
        do {
            response = try await http.post(endpoints.tokenEndpoint, body: Array(form.utf8), contentType: "application/x-www-form-urlencoded",
                                           headers: [("Accept", "application/json")])
        } catch {
            throw SigningError(.identityToken, "exchanging the authorization code failed: \(error)")
        }
        struct Answer: Decodable {
            var idToken: String?
            var error: String?
            var errorDescription: String?
            enum CodingKeys: String, CodingKey {
                case idToken = "id_token", error, errorDescription = "error_description"
            }
        }
        let answer = try? JSONDecoder().decode(Answer.self, from: Data(response.body))
        guard response.isSuccess else {
            let reason = answer?.error.map { [$0, answer?.errorDescription].compactMap { $0 }.joined(separator: ": ") } ?? response.errorMessage
            throw SigningError(.identityToken, "the token endpoint \(endpoints.tokenEndpoint) refused the code (HTTP \(response.status)): \(reason)")
        }
        guard let token = answer?.idToken, !token.isEmpty else {
            throw SigningError(.identityToken, "the token endpoint \(endpoints.tokenEndpoint) answered without an id_token")
        }
        return token
    }

    /// `application/x-www-form-urlencoded` value encoding: unreserved characters stay, the rest is percent-encoded.
    static func formEncoded(_ value: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return value.addingPercentEncoding(withAllowedCharacters: allowed) ?? value
    }

    /// The default way to show the authorization URL: print it on standard error and try to
    /// open it with `xdg-open` (Linux) or `open` (macOS) when present; failures to open are ignored.
    @Sendable static func presentInTerminal(_ url: URL) async {
        FileHandle.standardError.write(Data("Open this URL in a browser to sign in:\n\n    \(url.absoluteString)\n\n".utf8))
        for opener in ["/usr/bin/xdg-open", "/usr/bin/open"] where FileManager.default.isExecutableFile(atPath: opener) {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: opener)
            process.arguments = [url.absoluteString]
            process.standardInput = FileHandle.nullDevice
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try? process.run()
            return
        }
    }
}

extension Duration {
    /// "300 seconds", "0.3 seconds": for messages.
    fileprivate var seconds: String {
        let (whole, fraction) = components
        if fraction == 0 { return "\(whole)" }
        return String(format: "%.1f", Double(whole) + Double(fraction) / 1e18)
    }
}
