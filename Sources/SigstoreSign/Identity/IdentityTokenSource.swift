public import Foundation

/// Where a keyless signer gets its OpenID Connect identity token, tried in this order:
/// an explicit token, the `SIGSTORE_ID_TOKEN` environment variable, ambient CI credentials
/// (GitHub Actions), then (only when allowed) an interactive browser login.
public struct IdentityTokenRequest: Sendable {
    /// A token given on the command line (`--identity-token`); wins over everything else.
    public var explicitToken: String?
    /// The process environment (`SIGSTORE_ID_TOKEN`, CI variables).
    public var environment: [String: String]
    /// The OIDC issuer for an interactive login (from the signing configuration), if any.
    public var oidcIssuer: URL?
    /// The OAuth client ID for an interactive login, and the audience of ambient tokens.
    public var clientID: String
    /// Whether a browser login may be started when nothing else yields a token.
    public var allowInteractive: Bool
    /// Shows the browser login's authorization URL to the person signing; `nil` (the default)
    /// prints it on standard error and opens it with `xdg-open` when available.
    public var presentAuthorizationURL: (@Sendable (URL) async -> Void)?
    /// How long a browser login waits for the sign-in to come back.
    public var interactiveTimeout: Duration

    public init(
        explicitToken: String? = nil,
        environment: [String: String] = ProcessInfo.processInfo.environment,
        oidcIssuer: URL? = nil,
        clientID: String = "sigstore",
        allowInteractive: Bool = false,
        presentAuthorizationURL: (@Sendable (URL) async -> Void)? = nil,
        interactiveTimeout: Duration = .seconds(300)
    ) {
        self.explicitToken = explicitToken
        self.environment = environment
        self.oidcIssuer = oidcIssuer
        self.clientID = clientID
        self.allowInteractive = allowInteractive
        self.presentAuthorizationURL = presentAuthorizationURL
        self.interactiveTimeout = interactiveTimeout
    }
}

/// Obtains identity tokens for keyless signing.
public enum IdentityTokens {
    /// Returns the first identity token the sources in ``IdentityTokenRequest`` yield:
    /// the explicit token, `SIGSTORE_ID_TOKEN` (GitLab CI and others), a GitHub Actions ID token
    /// when `ACTIONS_ID_TOKEN_REQUEST_URL` and `ACTIONS_ID_TOKEN_REQUEST_TOKEN` are set, then a
    /// browser login against ``IdentityTokenRequest/oidcIssuer`` when interaction is allowed.
    ///
    /// - Throws: ``SigningError`` `.identityToken` when no source yields a token, or the source
    ///   that applies fails (a failed GitHub request is not silently replaced by a browser login).
    public static func obtain(_ request: IdentityTokenRequest) async throws -> String {
        if let token = nonEmpty(request.explicitToken) {
            return token
        }
        if let token = nonEmpty(request.environment["SIGSTORE_ID_TOKEN"]) {
            return token
        }
        if GitHubActionsIdentityToken.isAvailable(in: request.environment) {
            return try await GitHubActionsIdentityToken.fetch(environment: request.environment, audience: request.clientID)
        }
        if request.allowInteractive, let issuer = request.oidcIssuer {
            return try await BrowserLogin.run(
                issuer: issuer, clientID: request.clientID, timeout: request.interactiveTimeout,
                present: request.presentAuthorizationURL ?? BrowserLogin.presentInTerminal)
        }
        let interactive = request.allowInteractive
            ? " (a browser login needs an OIDC issuer in the signing configuration)"
            : ""
        throw SigningError(.identityToken, "no identity token: pass --identity-token, set SIGSTORE_ID_TOKEN, or run in GitHub Actions with id-token: write\(interactive)")
    }

    private static func nonEmpty(_ token: String?) -> String? {
        guard let token = token?.trimmingCharacters(in: .whitespacesAndNewlines), !token.isEmpty else { return nil }
        return token
    }
}
