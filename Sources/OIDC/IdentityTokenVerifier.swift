public import AsyncHTTPClient
public import Foundation
public import Logging
import NIOCore

/// Verifies OpenID Connect identity tokens the way a Sigstore CA must (interop contract §2.3).
///
/// For each token, in this order: the token is split and decoded without trusting anything in
/// it; its `iss` must be on the allow-list **before any network request**, so a token cannot make
/// the verifier fetch from an arbitrary URL; the header's `alg` must be one accepted here (never
/// `none` or HMAC); `aud`, `exp`, `nbf` and `iat` are checked against the injected clock with a
/// bounded skew; then the issuer's discovery document (whose `issuer` must equal `iss` exactly)
/// and JWKS are fetched or taken from the cache, the algorithm must be one the issuer advertises,
/// and the signature must verify with the issuer's key named by `kid`. Because keys are looked up
/// under the token's own `iss`, a token signed by one issuer's key but claiming another issuer fails.
///
/// The verifier is cheap to copy; copies share one key cache.
public struct IdentityTokenVerifier: Sendable {
    /// Issuers, clock skew and cache behaviour.
    public struct Configuration: Sendable {
        /// The accepted issuers. Exact entries take precedence over meta-issuers.
        public var issuers: [AllowedIssuer]
        /// How far `exp`, `nbf` and `iat` may be off, in seconds (0…``OIDCLimits/maxClockSkew``).
        public var maximumClockSkew: TimeInterval = 60
        /// How long an issuer's discovery document and keys are used before being fetched again.
        public var keyCacheLifetime: TimeInterval = 600
        /// The least time between two JWKS fetches for one issuer when tokens name unknown keys.
        public var minimumRefreshInterval: TimeInterval = 30
        /// How long a failed fetch is remembered before the issuer is tried again.
        public var retryAfterFailure: TimeInterval = 5
        /// How long keys past their lifetime remain usable while the issuer cannot be reached.
        public var staleKeyGracePeriod: TimeInterval = 3600
        /// The timeout of each discovery or JWKS request, in seconds.
        public var requestTimeout: TimeInterval = 10

        /// A configuration accepting `issuers`, with the default skew and cache settings.
        public init(issuers: [AllowedIssuer]) {
            self.issuers = issuers
        }
    }

    /// The configuration in force.
    public let configuration: Configuration
    private let clock: @Sendable () -> Date
    private let cache: IssuerKeyCache

    /// Creates a verifier.
    ///
    /// - Parameters:
    ///   - httpClient: used for discovery and JWKS requests; each request gets
    ///     `configuration.requestTimeout` and response bodies are capped (``OIDCLimits``).
    ///   - clock: the current time; tests pass a fixed one.
    /// - Throws: ``OIDCError`` `.invalidConfiguration` for malformed issuers or out-of-range times.
    public init(
        configuration: Configuration,
        httpClient: HTTPClient = .shared,
        clock: @escaping @Sendable () -> Date = { Date() },
        logger: Logger = Logger(label: "signet.oidc")
    ) throws(OIDCError) {
        for issuer in configuration.issuers {
            try issuer.validate()
        }
        guard (0...OIDCLimits.maxClockSkew).contains(configuration.maximumClockSkew) else {
            throw OIDCError(.invalidConfiguration, "maximum clock skew must be between 0 and \(Int(OIDCLimits.maxClockSkew)) seconds")
        }
        let intervals = [configuration.keyCacheLifetime, configuration.minimumRefreshInterval, configuration.retryAfterFailure,
                         configuration.staleKeyGracePeriod, configuration.requestTimeout]
        guard intervals.allSatisfy({ $0.isFinite && $0 >= 0 }), configuration.requestTimeout > 0 else {
            throw OIDCError(.invalidConfiguration, "cache intervals must be non-negative and the request timeout positive")
        }
        self.configuration = configuration
        self.clock = clock
        let fetcher = IssuerDocumentFetcher(
            httpClient: httpClient,
            timeout: .milliseconds(Int64(configuration.requestTimeout * 1000)),
            logger: logger
        )
        cache = IssuerKeyCache(fetcher: fetcher, configuration: configuration, clock: clock, logger: logger)
    }

    /// The allow-list entry for `issuer`, if any: an exact entry first, then the first matching
    /// meta-issuer.
    public func allowedIssuer(for issuer: String) -> AllowedIssuer? {
        configuration.issuers.first { $0.match == .exact(issuer) }
            ?? configuration.issuers.first { if case .metaIssuer = $0.match { $0.matches(issuer) } else { false } }
    }

    /// Verifies `token` (a compact JWS) and returns its claims.
    ///
    /// - Throws: ``OIDCError`` with the code of the first check that failed.
    public func verify(_ token: String) async throws(OIDCError) -> VerifiedIdentityToken {
        let jws = try CompactJWS(token)
        guard let issuer = jws.claims["iss"]?.stringValue else {
            throw OIDCError(.invalidClaims, "the token has no iss claim")
        }
        guard let allowed = allowedIssuer(for: issuer) else {
            throw OIDCError(.unknownIssuer, "issuer \(issuer) is not accepted")
        }
        let algorithm = try Self.acceptedAlgorithm(of: jws)
        let claims = try IdentityClaims(jws.claims)
        try checkAudience(claims, expected: allowed.audience)
        try checkValidity(claims)

        var keys = try await cache.keys(for: issuer)
        guard keys.algorithms.contains(algorithm) else {
            throw OIDCError(.invalidSignature, "issuer \(issuer) does not sign with \(algorithm.rawValue)")
        }
        var candidates = keys.candidates(keyID: jws.keyID, algorithm: algorithm)
        if candidates.isEmpty, jws.keyID != nil {
            keys = try await cache.refreshedKeys(for: issuer, lacking: keys)
            candidates = keys.candidates(keyID: jws.keyID, algorithm: algorithm)
        }
        guard !candidates.isEmpty else {
            throw OIDCError(.invalidSignature, "issuer \(issuer) has no \(algorithm.rawValue) key\(jws.keyID.map { " with kid \($0)" } ?? "")")
        }
        guard candidates.contains(where: { $0.verifies(jws.signature, of: jws.signingInput, with: algorithm) }) else {
            throw OIDCError(.invalidSignature, "the token's signature does not verify with issuer \(issuer)'s key")
        }
        return VerifiedIdentityToken(claims: claims, allowedIssuer: allowed, algorithm: algorithm.rawValue, keyID: jws.keyID)
    }

    private static func acceptedAlgorithm(of jws: CompactJWS) throws(OIDCError) -> JWSAlgorithm {
        guard let name = jws.algorithm else {
            throw OIDCError(.malformedToken, "the JWT header has no alg")
        }
        guard let algorithm = JWSAlgorithm(rawValue: name) else {
            throw OIDCError(.invalidSignature, "algorithm \(name) is not accepted for identity tokens")
        }
        // RFC 7515 §4.1.11: extensions marked critical that the recipient does not understand
        // make the JWS invalid, and none are understood here.
        guard jws.header["crit"] == nil else {
            throw OIDCError(.malformedToken, "the JWT header marks extensions critical (crit), which are not supported")
        }
        return algorithm
    }

    private func checkAudience(_ claims: IdentityClaims, expected: String) throws(OIDCError) {
        guard claims.audiences.contains(expected) else {
            throw OIDCError(.wrongAudience, "the token's audience \(claims.audiences) does not include \(expected)")
        }
    }

    private func checkValidity(_ claims: IdentityClaims) throws(OIDCError) {
        let now = clock()
        let skew = configuration.maximumClockSkew
        guard claims.expiresAt.addingTimeInterval(skew) > now else {
            throw OIDCError(.expired, "the token expired at \(claims.expiresAt.formatted(.iso8601))")
        }
        if let notBefore = claims.notBefore, notBefore > now.addingTimeInterval(skew) {
            throw OIDCError(.notYetValid, "the token is not valid before \(notBefore.formatted(.iso8601))")
        }
        if let issuedAt = claims.issuedAt, issuedAt > now.addingTimeInterval(skew) {
            throw OIDCError(.notYetValid, "the token was issued in the future, at \(issuedAt.formatted(.iso8601))")
        }
    }
}
