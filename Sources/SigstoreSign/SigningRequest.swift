public import SigstoreCrypto

/// Who signs: an identity (keyless) or a long-lived key (key-based).
public enum SigningCredential: Sendable {
    /// Keyless: an OIDC identity token. An ephemeral ECDSA P-256 key is made for this one
    /// signature and certified by the CA; the bundle carries the certificate.
    case identityToken(String)
    /// Key-based: a private key the caller keeps. No CA is involved; the bundle names the key
    /// with a `publicKey` hint, and verifiers need the public key.
    case privateKey(PrivateKey)
}

/// What gets signed.
public enum SigningContent: Sendable {
    /// An artifact's bytes: a message signature over their digest (hashedrekord).
    case artifact([UInt8])
    /// A serialized in-toto statement: a DSSE envelope with payload type
    /// `application/vnd.in-toto+json` (dsse on Rekor v1, hashedrekord over the PAE on v2).
    case inTotoStatement([UInt8])
}
