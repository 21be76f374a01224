/// How an issuer's tokens become a certificate identity (interop contract §2.3); the spelling is
/// Fulcio's configuration `type`.
public enum IssuerType: String, Sendable, Hashable, CaseIterable {
    /// SAN rfc822Name = `email`; requires `email_verified: true` unless the issuer skips it.
    case email
    /// GitHub Actions: the ``CIProviderTemplate/githubActions`` template (or a configured override).
    case githubWorkflow = "github-workflow"
    /// Any CI provider, through its named template in `ci-issuer-metadata`.
    case ciProvider = "ci-provider"
    /// SAN URI = `sub`, a SPIFFE ID in the issuer's trust domain.
    case spiffe
    /// SAN URI = `https://kubernetes.io/namespaces/<ns>/serviceaccounts/<sa>` from the `kubernetes.io` claim.
    case kubernetes
    /// SAN URI = `sub`, which must lie in the issuer's subject domain.
    case uri
    /// SAN otherName `.1.7` = `sub!subject-domain`.
    case username

    /// The claim whose value a `publicKeyRequest` signs when the issuer names none.
    public var defaultChallengeClaim: String {
        self == .email ? "email" : "sub"
    }
}
