/// A digest as Rekor v1 entry bodies write it: `{"algorithm":"sha256","value":"<lowercase hex>"}`.
public struct RekorHash: Sendable, Hashable {
    /// The hash functions Rekor v1 bodies name.
    public enum Algorithm: String, Sendable, Hashable, CaseIterable {
        case sha256
        case sha384
        case sha512

        /// The digest length in bytes.
        public var digestByteCount: Int {
            switch self {
            case .sha256: 32
            case .sha384: 48
            case .sha512: 64
            }
        }
    }

    public let algorithm: Algorithm
    /// The raw digest bytes (lowercase hex in JSON).
    public let digest: [UInt8]

    /// - Throws: `ModelError` with code `.invalidValue` when the digest length does not match the algorithm.
    public init(algorithm: Algorithm, digest: [UInt8]) throws(ModelError) {
        guard digest.count == algorithm.digestByteCount else {
            throw ModelError(.invalidValue, field: "value",
                             "a \(algorithm.rawValue) digest is \(algorithm.digestByteCount) bytes, not \(digest.count)")
        }
        self.algorithm = algorithm
        self.digest = digest
    }

    /// The digest as Rekor writes it: lowercase hex.
    public var hexValue: String { RekorFieldCoding.hex(digest) }
}

extension RekorHash: Codable {
    private enum CodingKeys: String, CodingKey {
        case algorithm
        case value
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let name = try container.decode(String.self, forKey: .algorithm)
        guard let algorithm = Algorithm(rawValue: name) else {
            throw ModelError(.invalidValue, field: container.fieldPath(.algorithm),
                             "unsupported hash algorithm \"\(name)\"; expected sha256, sha384 or sha512")
        }
        self.algorithm = algorithm
        self.digest = try container.decodeHex(forKey: .value, byteCount: algorithm.digestByteCount)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(algorithm.rawValue, forKey: .algorithm)
        try container.encodeHex(digest, forKey: .value)
    }
}
