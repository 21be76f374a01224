/// One accepted OIDC issuer (Fulcio's `OIDCIssuer`): how its tokens are checked and what identity
/// they produce.
public struct IssuerSettings: Sendable, Hashable {
    /// The issuer URL tokens carry in `iss`; for a meta-issuer, the wildcard pattern.
    public var issuerURL: String
    /// The audience tokens must carry (`aud`); Sigstore clients use `sigstore`.
    public var clientID: String
    /// How claims become the certificate identity.
    public var type: IssuerType
    /// For ``IssuerType/ciProvider``: the `ci-issuer-metadata` entry to use.
    public var ciProvider: String?
    /// For ``IssuerType/uri`` (a URL with scheme) and ``IssuerType/username`` (a host name).
    public var subjectDomain: String?
    /// For ``IssuerType/spiffe``: the only trust domain whose SPIFFE IDs are accepted.
    public var spiffeTrustDomain: String?
    /// The claim the proof of possession signs; `nil` uses the type's default.
    public var challengeClaim: String?
    /// For ``IssuerType/email``: accept tokens without `email_verified: true`.
    public var skipEmailVerification: Bool
    /// For ``IssuerType/email`` behind a federating issuer (Dex): a `$.a.b` path to the claim
    /// holding the upstream issuer, used for the issuer extensions instead of `iss`.
    public var issuerClaim: String?

    public init(
        issuerURL: String,
        clientID: String = "sigstore",
        type: IssuerType,
        ciProvider: String? = nil,
        subjectDomain: String? = nil,
        spiffeTrustDomain: String? = nil,
        challengeClaim: String? = nil,
        skipEmailVerification: Bool = false,
        issuerClaim: String? = nil
    ) {
        self.issuerURL = issuerURL
        self.clientID = clientID
        self.type = type
        self.ciProvider = ciProvider
        self.subjectDomain = subjectDomain
        self.spiffeTrustDomain = spiffeTrustDomain
        self.challengeClaim = challengeClaim
        self.skipEmailVerification = skipEmailVerification
        self.issuerClaim = issuerClaim
    }

    /// The claim a `publicKeyRequest`'s proof of possession signs.
    public var effectiveChallengeClaim: String {
        challengeClaim ?? type.defaultChallengeClaim
    }
}
