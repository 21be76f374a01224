public import Foundation
public import Logging
public import OIDC
public import SigstoreCrypto

/// A local OpenID Connect issuer for development and tests (interop contract §8): discovery,
/// JWKS, an authorization-code flow with PKCE that approves a development user without asking,
/// and direct minting of tokens with any subject, email or GitHub Actions claims.
///
/// It is HTTP-agnostic; `ServerSupport` serves it under `/oidc` and only with `signetd --dev`.
/// Nothing it issues should be trusted outside a development stack.
public actor DevIdentityProvider {
    /// The issuer identifier: the `iss` of every token, and the base of every endpoint URL.
    public private(set) var issuer: String
    /// Whether GitHub-Actions-shaped tokens come from ``githubActionsIssuer`` rather than ``issuer``.
    public nonisolated let separatesGitHubActionsIssuer: Bool
    /// The `kid` of the signing key (its RFC 7638 thumbprint).
    public nonisolated let keyID: String
    /// The JWS algorithm tokens are signed with (`ES256` for the default P-256 key).
    public nonisolated let algorithm: String
    /// The published key set: the one signing key.
    public nonisolated let keySet: JSONWebKeySet

    let signer: TokenSigner
    let clock: @Sendable () -> Date
    let logger: Logger
    var pendingAuthorizations: [String: PendingAuthorization] = [:]

    /// The user the authorization endpoint signs in when the request has no `login_hint`.
    public static let defaultUser = "developer@signet.test"
    /// The longest lifetime a minted token may have.
    public static let maximumLifetime: TimeInterval = 24 * 3600

    /// Creates a provider.
    ///
    /// - Parameters:
    ///   - issuer: the issuer URL, e.g. `http://127.0.0.1:8080/oidc`.
    ///   - signingKey: ECDSA P-256 (ES256, the default in `signetd --dev`), P-384 (ES384),
    ///     RSA (RS256) or Ed25519 (EdDSA).
    ///   - clock: the time stamped into tokens; tests pass a fixed one.
    ///   - separateGitHubActionsIssuer: mint GitHub-Actions-shaped tokens under the second issuer
    ///     `<issuer>/github-actions` (same key), so a CA can give that issuer the `github-workflow`
    ///     type while `issuer` stays an `email` issuer, as real GitHub and email issuers differ.
    /// - Throws: ``DevIdentityProviderError`` `.mintingFailed` for a key that cannot sign JWTs (P-521).
    public init(
        issuer: String,
        signingKey: PrivateKey,
        clock: @escaping @Sendable () -> Date = { Date() },
        separateGitHubActionsIssuer: Bool = false,
        logger: Logger = Logger(label: "signet.dev-oidc")
    ) throws(DevIdentityProviderError) {
        let jwk: JSONWebKey
        do {
            jwk = try JSONWebKey(publicKey: signingKey.publicKey)
        } catch {
            throw DevIdentityProviderError(.mintingFailed, error.message)
        }
        let keyID = jwk.keyID ?? ""
        signer = try TokenSigner(key: signingKey, keyID: keyID)
        self.issuer = issuer
        separatesGitHubActionsIssuer = separateGitHubActionsIssuer
        self.keyID = keyID
        algorithm = signer.algorithm
        keySet = JSONWebKeySet(keys: [jwk])
        self.clock = clock
        self.logger = logger
    }

    /// Moves the issuer to `issuer`: for a server that learns its port only once it listens.
    /// Tokens minted before keep the old `iss`.
    public func setIssuer(_ issuer: String) {
        self.issuer = issuer
    }

    /// The `iss` of GitHub-Actions-shaped tokens: `<issuer>/github-actions` when the provider
    /// separates them, otherwise ``issuer``.
    public var githubActionsIssuer: String {
        separatesGitHubActionsIssuer ? issuer + Self.githubActionsIssuerPath : issuer
    }

    /// The path of ``githubActionsIssuer`` below ``issuer``.
    public static let githubActionsIssuerPath = "/github-actions"

    /// The discovery document: exactly the members of interop contract §8.
    public var discoveryDocument: OpenIDProviderMetadata {
        OpenIDProviderMetadata(
            issuer: issuer,
            jwksURI: issuer + "/jwks",
            authorizationEndpoint: issuer + "/auth",
            tokenEndpoint: issuer + "/token",
            responseTypesSupported: ["code"],
            subjectTypesSupported: ["public"],
            idTokenSigningAlgValuesSupported: [algorithm],
            codeChallengeMethodsSupported: ["S256"]
        )
    }

    /// Mints a signed identity token.
    ///
    /// The token carries `iss`, `sub`, `aud`, `iat`, `nbf` (both now), `exp` (now + `lifetime`)
    /// and a random `jti`; with an `email`, also `email` and `email_verified: true`.
    /// `extraClaims` are added last and may replace `email_verified`, but never a registered claim.
    ///
    /// - Throws: ``DevIdentityProviderError`` `.invalidRequest` for an empty subject or audience,
    ///   a lifetime outside 1 s…``maximumLifetime``, or extra claims naming a registered claim.
    public func mint(
        subject: String,
        email: String? = nil,
        audience: String = "sigstore",
        lifetime: TimeInterval = 600,
        extraClaims: [String: JSONValue] = [:]
    ) throws(DevIdentityProviderError) -> String {
        try mint(issuer: issuer, subject: subject, email: email, audience: audience, lifetime: lifetime, extraClaims: extraClaims)
    }

    /// ``mint(subject:email:audience:lifetime:extraClaims:)`` under `issuer` (this provider's or its GitHub Actions issuer).
    func mint(
        issuer: String,
        subject: String,
        email: String?,
        audience: String,
        lifetime: TimeInterval,
        extraClaims: [String: JSONValue]
    ) throws(DevIdentityProviderError) -> String {
        guard !subject.isEmpty, !audience.isEmpty else {
            throw DevIdentityProviderError(.invalidRequest, "a token needs a non-empty subject and audience")
        }
        guard lifetime >= 1, lifetime <= Self.maximumLifetime else {
            throw DevIdentityProviderError(.invalidRequest, "token lifetime must be between 1 second and \(Int(Self.maximumLifetime)) seconds")
        }
        let registered: Set = ["iss", "sub", "aud", "iat", "nbf", "exp", "jti"]
        if let clash = extraClaims.keys.sorted().first(where: registered.contains) {
            throw DevIdentityProviderError(.invalidRequest, "extra claims cannot set the registered claim \(clash)")
        }
        let now = Int64(clock().timeIntervalSince1970.rounded(.down))
        var claims: [String: JSONValue] = [
            "iss": .string(issuer),
            "sub": .string(subject),
            "aud": .string(audience),
            "iat": .integer(now),
            "nbf": .integer(now),
            "exp": .integer(now + Int64(lifetime.rounded(.down))),
            "jti": .string(UUID().uuidString.lowercased()),
        ]
        if let email {
            claims["email"] = .string(email)
            claims["email_verified"] = true
        }
        claims.merge(extraClaims) { _, extra in extra }
        return try signer.sign(claims)
    }

    /// Mints a token shaped like the ones GitHub Actions issues for `workflow` (its subject and
    /// claims), signed by this provider, under ``githubActionsIssuer``.
    public func mint(
        githubActions workflow: GitHubActionsWorkflow,
        audience: String = "sigstore",
        lifetime: TimeInterval = 600
    ) throws(DevIdentityProviderError) -> String {
        try mint(
            issuer: githubActionsIssuer, subject: workflow.subject, email: nil, audience: audience, lifetime: lifetime,
            extraClaims: try workflow.claims()
        )
    }
}
