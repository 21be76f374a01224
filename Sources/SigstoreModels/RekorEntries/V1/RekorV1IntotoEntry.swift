import Crypto

extension RekorV1 {
    /// The `spec` of a stored `intoto 0.0.2` entry, which older bundles carry for attestations.
    ///
    /// Read-only: the log keeps the envelope's payload type and signatures with their keys, the
    /// SHA-256 of the envelope and of its payload, but not the payload itself.
    public struct IntotoEntry: Sendable, Hashable {
        public static let kind = "intoto"
        public static let apiVersion = "0.0.2"

        /// One envelope signature with its key.
        public struct Signature: Sendable, Hashable {
            /// The envelope's `keyid`; Rekor leaves empty ones out.
            public var keyID: String?
            /// The envelope's `sig` base64 text. Rekor stores it base64-encoded once more.
            public var signature: String
            /// The PEM bytes of the key or certificate that verified it.
            public var publicKey: [UInt8]

            public init(keyID: String?, signature: String, publicKey: [UInt8]) {
                self.keyID = keyID
                self.signature = signature
                self.publicKey = publicKey
            }

            /// The raw signature bytes, or `nil` when `signature` is not base64.
            public var signatureBytes: [UInt8]? { ProtoBase64.decode(signature) }
        }

        public var payloadType: String
        public var signatures: [Signature]
        /// SHA-256 of the envelope the client uploaded.
        public var envelopeHash: RekorHash
        /// SHA-256 of the decoded envelope payload.
        public var payloadHash: RekorHash

        public init(payloadType: String, signatures: [Signature], envelopeHash: RekorHash, payloadHash: RekorHash) {
            self.payloadType = payloadType
            self.signatures = signatures
            self.envelopeHash = envelopeHash
            self.payloadHash = payloadHash
        }

        /// Whether `payload` (decoded DSSE payload bytes) is the one this entry logged.
        public func matchesPayload(_ payload: some Sequence<UInt8>) -> Bool {
            payloadHash.digest == Array(SHA256.hash(data: Array(payload)))
        }
    }
}

extension RekorV1.IntotoEntry: Codable {
    private enum SpecKeys: String, CodingKey {
        case content
    }

    private enum ContentKeys: String, CodingKey {
        case envelope
        case hash
        case payloadHash
    }

    private enum EnvelopeKeys: String, CodingKey {
        case payloadType
        case signatures
    }

    private enum SignatureKeys: String, CodingKey {
        case keyid
        case sig
        case publicKey
    }

    public init(from decoder: any Decoder) throws {
        let spec = try decoder.container(keyedBy: SpecKeys.self)
        let content = try spec.nestedContainer(keyedBy: ContentKeys.self, forKey: .content)
        self.envelopeHash = try content.decode(RekorHash.self, forKey: .hash)
        self.payloadHash = try content.decode(RekorHash.self, forKey: .payloadHash)
        let envelope = try content.nestedContainer(keyedBy: EnvelopeKeys.self, forKey: .envelope)
        self.payloadType = try envelope.decode(String.self, forKey: .payloadType)
        var list = try envelope.nestedUnkeyedContainer(forKey: .signatures)
        var signatures: [Signature] = []
        while !list.isAtEnd {
            let item = try list.nestedContainer(keyedBy: SignatureKeys.self)
            let doubled = try item.decodeStandardBase64(forKey: .sig)
            let signature = String(decoding: doubled, as: UTF8.self)
            guard ProtoBase64.decode(signature) != nil else {
                throw ModelError(.invalidValue, field: item.fieldPath(.sig), "does not wrap a base64 signature")
            }
            signatures.append(Signature(keyID: try item.decodeIfPresent(String.self, forKey: .keyid),
                                        signature: signature,
                                        publicKey: try item.decodeStandardBase64(forKey: .publicKey)))
        }
        guard !signatures.isEmpty else {
            throw ModelError(.invalidValue, field: envelope.fieldPath(.signatures), "at least one signature is required")
        }
        self.signatures = signatures
    }

    public func encode(to encoder: any Encoder) throws {
        var spec = encoder.container(keyedBy: SpecKeys.self)
        var content = spec.nestedContainer(keyedBy: ContentKeys.self, forKey: .content)
        try content.encode(envelopeHash, forKey: .hash)
        try content.encode(payloadHash, forKey: .payloadHash)
        var envelope = content.nestedContainer(keyedBy: EnvelopeKeys.self, forKey: .envelope)
        try envelope.encode(payloadType, forKey: .payloadType)
        var list = envelope.nestedUnkeyedContainer(forKey: .signatures)
        for signature in signatures {
            var item = list.nestedContainer(keyedBy: SignatureKeys.self)
            // Rekor's `omitempty` leaves an empty key ID out; a decoded one is written back as read.
            if let keyID = signature.keyID {
                try item.encode(keyID, forKey: .keyid)
            }
            try item.encodeStandardBase64(Array(signature.signature.utf8), forKey: .sig)
            try item.encodeStandardBase64(signature.publicKey, forKey: .publicKey)
        }
    }
}
