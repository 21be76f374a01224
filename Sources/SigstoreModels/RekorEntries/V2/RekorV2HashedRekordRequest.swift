extension RekorV2 {
    /// A request to log a signature over a digest (`HashedRekordRequestV002`).
    ///
    /// For DSSE on Rekor v2 the digest is H(PAE(payloadType, payload)) and the signature is the
    /// envelope's; see ``init(envelope:signature:verifier:)``.
    public struct HashedRekordRequest: Sendable, Hashable {
        /// The signed digest; its length must match the hash implied by the verifier's key type.
        public var digest: [UInt8]
        public var signature: Signature

        public init(digest: [UInt8], signature: Signature) {
            self.digest = digest
            self.signature = signature
        }

        /// The request that logs a DSSE envelope on Rekor v2 (§5.4): the digest of the envelope's
        /// pre-authentication encoding, taken with the hash `keyDetails` implies, and one of its
        /// signatures.
        public init(envelope: DSSEEnvelope, signature: [UInt8], verifier: Verifier) throws(ModelError) {
            let algorithm = try RekorV2.hashAlgorithm(forKeyDetails: verifier.keyDetails)
            let digest = try MessageDigest.digest(envelope.preAuthEncoding, with: algorithm)
            self.init(digest: digest, signature: Signature(content: signature, verifier: verifier))
        }
    }
}

extension RekorV2.HashedRekordRequest: Codable {
    private static let fields = ProtoFields("digest", "signature")

    public init(from decoder: any Decoder) throws {
        let reader = try ProtoMessageReader(decoder, fields: Self.fields)
        digest = try reader.requiredBytes("digest")
        signature = try reader.require("signature")
    }

    public func encode(to encoder: any Encoder) throws {
        var writer = ProtoMessageWriter(encoder)
        try writer.bytes(digest, as: "digest")
        try writer.encode(signature, as: "signature")
    }
}
