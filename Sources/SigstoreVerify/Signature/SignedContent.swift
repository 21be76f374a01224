import SigstoreCrypto
import SigstoreModels

/// What a bundle signed and with which key, once the signature has verified: the facts a log
/// entry body must agree with (interop contract §11.6).
struct SignedContent: Sendable {
    enum Payload: Sendable {
        /// A message signature over `digest`, made with `algorithm` (the message digest's, or the
        /// key's own hash when the bundle names none). `artifactDigests` are the digests the
        /// caller's artifact provided, empty without an artifact.
        case message(algorithm: HashAlgorithm, digest: [UInt8], artifactDigests: [HashAlgorithm: [UInt8]])
        /// A DSSE envelope, whose one signature is over its pre-authentication encoding.
        case dsse(DSSEEnvelope)
    }

    let signer: Signer
    /// The signature bytes: the message signature, or the envelope's one `sig`.
    let signature: [UInt8]
    let payload: Payload
}
