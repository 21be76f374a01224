extension RekorV1 {
    /// The `spec` of a `hashedrekord 0.0.1` entry: a signature over a digest, with the key or
    /// certificate that made it.
    ///
    /// Proposed and stored entries have the same shape. In the stored one the log has re-encoded
    /// the key as canonical PEM (64-character lines, LF, trailing newline), which verifiers compare
    /// with the bundle's certificate; see ``withCanonicalPublicKey(_:)``.
    public struct HashedRekord: Sendable, Hashable {
        public static let kind = "hashedrekord"
        public static let apiVersion = "0.0.1"

        /// `spec.signature.content`: the raw signature bytes.
        public var signature: [UInt8]
        /// `spec.signature.publicKey.content`: the PEM (or DER) bytes of the public key or
        /// certificate, as the client sent them or as the log re-encoded them.
        public var publicKey: [UInt8]
        /// `spec.data.hash`: the signed digest.
        public var data: RekorHash

        public init(signature: [UInt8], publicKey: [UInt8], data: RekorHash) {
            self.signature = signature
            self.publicKey = publicKey
            self.data = data
        }

        /// The stored form of a proposed entry: the same entry with the key replaced by its
        /// canonical PEM, which the caller produces (key handling lives in SigstoreCrypto).
        public func withCanonicalPublicKey(_ pem: String) -> HashedRekord {
            HashedRekord(signature: signature, publicKey: Array(pem.utf8), data: data)
        }
    }
}

extension RekorV1.HashedRekord: Codable {
    private enum SpecKeys: String, CodingKey {
        case data
        case signature
    }

    private enum DataKeys: String, CodingKey {
        case hash
    }

    private enum SignatureKeys: String, CodingKey {
        case content
        case publicKey
    }

    private enum PublicKeyKeys: String, CodingKey {
        case content
    }

    public init(from decoder: any Decoder) throws {
        let spec = try decoder.container(keyedBy: SpecKeys.self)
        let data = try spec.nestedContainer(keyedBy: DataKeys.self, forKey: .data)
        self.data = try data.decode(RekorHash.self, forKey: .hash)
        let signature = try spec.nestedContainer(keyedBy: SignatureKeys.self, forKey: .signature)
        self.signature = try signature.decodeStandardBase64(forKey: .content)
        guard !self.signature.isEmpty else {
            throw ModelError(.invalidValue, field: signature.fieldPath(.content), "signature is empty")
        }
        let publicKey = try signature.nestedContainer(keyedBy: PublicKeyKeys.self, forKey: .publicKey)
        self.publicKey = try publicKey.decodeStandardBase64(forKey: .content)
        guard !self.publicKey.isEmpty else {
            throw ModelError(.invalidValue, field: publicKey.fieldPath(.content), "public key is empty")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var spec = encoder.container(keyedBy: SpecKeys.self)
        var data = spec.nestedContainer(keyedBy: DataKeys.self, forKey: .data)
        try data.encode(self.data, forKey: .hash)
        var signature = spec.nestedContainer(keyedBy: SignatureKeys.self, forKey: .signature)
        try signature.encodeStandardBase64(self.signature, forKey: .content)
        var publicKey = signature.nestedContainer(keyedBy: PublicKeyKeys.self, forKey: .publicKey)
        try publicKey.encodeStandardBase64(self.publicKey, forKey: .content)
    }
}
