public import SigstoreCrypto

/// Who must have signed: a keyless identity, a managed key, or (unsafely) anyone the trusted
/// root's CA certified.
public enum VerificationPolicy: Sendable {
    /// A Fulcio certificate whose subject alternative name (an email, URI or username
    /// otherName) and OIDC issuer match, and whose Sigstore extensions hold the given values
    /// exactly (CI claims such as ``FulcioExtension/sourceRepositoryURI``).
    ///
    /// The issuer is read from ``FulcioExtension/issuer`` (`.1.8`), falling back to
    /// ``FulcioExtension/issuerV1`` (`.1.1`) for certificates that only carry that one.
    case identity(san: IdentityMatcher, issuer: IdentityMatcher, extensions: [FulcioExtension: String] = [:])

    /// A managed-key bundle (one whose verification material is a `publicKey` hint) signed by
    /// this key (interop contract §11.9). The chain, SCT and identity checks do not apply; the
    /// transparency log and trusted-time rules do.
    case publicKey(PublicKey)

    /// Any certificate the trusted root's CAs issued, whoever it names.
    ///
    /// - Warning: This proves only that *someone* with an identity at *some* OIDC issuer
    ///   signed. Anyone can get such a certificate for any artifact, so this is safe only when
    ///   the caller checks ``VerificationResult/signer`` itself afterwards.
    case anyIdentity

    /// Rejects malformed policies before any bundle is read.
    func validate() throws(VerificationError) {
        guard case .identity(let san, let issuer, _) = self else { return }
        try san.validate()
        try issuer.validate()
    }
}
