public import Foundation

/// Where a keyless signer gets its OpenID Connect identity token, tried in this order:
/// an explicit token, the `SIGSTORE_ID_TOKEN` environment variable, ambient CI credentials,
/// then (only when allowed) an interactive browser login.
public struct IdentityTokenRequest: Sendable {
    /// A token given on the command line (`--identity-token`); wins over everything else.
    public var explicitToken: String?
    /// The process environment (`SIGSTORE_ID_TOKEN`, CI variables).
    public var environment: [String: String]
    /// The OIDC issuer for an interactive login (from the signing configuration), if any.
    public var oidcIssuer: URL?
    /// The OAuth client ID for an interactive login.
    public var clientID: String
    /// Whether a browser login may be started when nothing else yields a token.
    public var allowInteractive: Bool

    public init(
        explicitToken: String? = nil,
        environment: [String: String] = ProcessInfo.processInfo.environment,
        oidcIssuer: URL? = nil,
        clientID: String = "sigstore",
        allowInteractive: Bool = false
    ) {
        self.explicitToken = explicitToken
        self.environment = environment
        self.oidcIssuer = oidcIssuer
        self.clientID = clientID
        self.allowInteractive = allowInteractive
    }
}

public enum IdentityTokens {
    /// Returns the first identity token the sources in ``IdentityTokenRequest`` yield.
    public static func obtain(_ request: IdentityTokenRequest) async throws -> String {
        if let token = request.explicitToken?.trimmingCharacters(in: .whitespacesAndNewlines), !token.isEmpty {
            return token
        }
        if let token = request.environment["SIGSTORE_ID_TOKEN"]?.trimmingCharacters(in: .whitespacesAndNewlines),
           !token.isEmpty {
            return token
        }
        throw SigningError(.identityToken, "no identity token: pass --identity-token or set SIGSTORE_ID_TOKEN")
    }
}
