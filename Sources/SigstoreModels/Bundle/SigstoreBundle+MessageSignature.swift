extension SigstoreBundle {
    /// A signature over an artifact (`dev.sigstore.common.v1.MessageSignature`).
    public struct MessageSignature: Sendable, Hashable, Codable {
        /// The artifact's digest, for identification; verify against the artifact itself.
        public var messageDigest: HashOutput?
        /// The raw signature bytes (base64 in JSON); for ECDSA, DER.
        public var signature: [UInt8]

        public init(messageDigest: HashOutput?, signature: [UInt8]) {
            self.messageDigest = messageDigest
            self.signature = signature
        }

        private static let fields = ProtoFields("message_digest", "signature")

        public init(from decoder: any Decoder) throws {
            let reader = try ProtoMessageReader(decoder, fields: Self.fields)
            messageDigest = try reader.decode("messageDigest")
            signature = try reader.requiredBytes("signature")
        }

        public func encode(to encoder: any Encoder) throws {
            var writer = ProtoMessageWriter(encoder)
            try writer.encode(messageDigest, as: "messageDigest")
            try writer.bytes(signature, as: "signature")
        }
    }
}
