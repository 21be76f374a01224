import Foundation

/// A request to the authorization endpoint (`GET <issuer>/auth`): OAuth 2.0 authorization code
/// flow with PKCE (RFC 7636), as Sigstore clients send it.
public struct AuthorizationRequest: Sendable, Hashable {
    /// The redirect URI for clients that cannot listen on loopback: the code is shown instead.
    public static let outOfBandRedirect = "urn:ietf:wg:oauth:2.0:oob"

    /// `client_id`: becomes the token's audience.
    public let clientID: String
    /// A loopback `http` URL (`127.0.0.1`, `localhost`, `[::1]`) or ``outOfBandRedirect``.
    public let redirectURI: String
    /// The S256 code challenge: base64url(SHA-256(code_verifier)).
    public let codeChallenge: String
    /// `state`, echoed on the redirect so the client can match it.
    public let state: String?
    /// `nonce`, copied into the ID token.
    public let nonce: String?
    /// The email of the user to sign in (`login_hint`); ``DevIdentityProvider/defaultUser`` if absent.
    public let loginHint: String?

    /// Reads and checks a raw query string (`response_type=code&client_id=…`).
    public init(query: String) throws(DevIdentityProviderError) {
        try self.init(parameters: try FormEncoding.parameters(of: query))
    }

    /// Reads and checks the query parameters.
    ///
    /// - Throws: ``DevIdentityProviderError`` `.invalidRequest` unless `response_type=code`, a
    ///   `client_id`, a loopback or out-of-band `redirect_uri`, and an S256 `code_challenge` are given.
    public init(parameters: [String: String]) throws(DevIdentityProviderError) {
        guard parameters["response_type"] == "code" else {
            throw DevIdentityProviderError(.invalidRequest, "response_type must be code")
        }
        guard let clientID = parameters["client_id"], !clientID.isEmpty else {
            throw DevIdentityProviderError(.invalidRequest, "client_id is required")
        }
        guard let redirectURI = parameters["redirect_uri"], Self.isAcceptableRedirect(redirectURI) else {
            throw DevIdentityProviderError(.invalidRequest, "redirect_uri must be a loopback http URL or \(Self.outOfBandRedirect)")
        }
        guard parameters["code_challenge_method"] == "S256" else {
            throw DevIdentityProviderError(.invalidRequest, "PKCE is required with code_challenge_method=S256")
        }
        guard let challenge = parameters["code_challenge"], PKCE.isWellFormedChallenge(challenge) else {
            throw DevIdentityProviderError(.invalidRequest, "code_challenge must be 43 base64url characters (S256)")
        }
        for name in ["state", "nonce", "login_hint"] where (parameters[name]?.utf8.count ?? 0) > 512 {
            throw DevIdentityProviderError(.invalidRequest, "\(name) is longer than 512 bytes")
        }
        if let hint = parameters["login_hint"], !hint.contains("@") {
            throw DevIdentityProviderError(.invalidRequest, "login_hint must be an email address")
        }
        self.clientID = clientID
        self.redirectURI = redirectURI
        codeChallenge = challenge
        state = parameters["state"]
        nonce = parameters["nonce"]
        loginHint = parameters["login_hint"]
    }

    /// RFC 8252 §7.3: native apps receive the code on a loopback listener; nothing else is safe
    /// for an issuer that approves every request.
    private static func isAcceptableRedirect(_ uri: String) -> Bool {
        if uri == outOfBandRedirect { return true }
        guard let components = URLComponents(string: uri), components.scheme == "http", components.fragment == nil,
            let host = components.host
        else { return false }
        return ["127.0.0.1", "localhost", "::1", "[::1]"].contains(host)
    }
}
