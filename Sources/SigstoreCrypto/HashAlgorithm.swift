import Crypto
public import Foundation

/// The hash functions Sigstore uses for artifact digests and signatures.
public enum HashAlgorithm: String, Sendable, Hashable, CaseIterable {
    case sha256
    case sha384
    case sha512

    /// Digest length in bytes.
    public var digestLength: Int {
        switch self {
        case .sha256: 32
        case .sha384: 48
        case .sha512: 64
        }
    }

    /// Hashes `data` with this algorithm.
    public func hash(_ data: some DataProtocol) -> [UInt8] {
        switch self {
        case .sha256: Array(SHA256.hash(data: data))
        case .sha384: Array(SHA384.hash(data: data))
        case .sha512: Array(SHA512.hash(data: data))
        }
    }

    /// The protobuf-specs `HashAlgorithm` enum name (`SHA2_256`, `SHA2_384`, `SHA2_512`).
    public var protobufName: String {
        switch self {
        case .sha256: "SHA2_256"
        case .sha384: "SHA2_384"
        case .sha512: "SHA2_512"
        }
    }

    /// Looks up a protobuf-specs `HashAlgorithm` name; `nil` for unknown or unsupported ones
    /// (including `HASH_ALGORITHM_UNSPECIFIED` and the SHA-3 family).
    public init?(protobufName: String) {
        guard let match = Self.allCases.first(where: { $0.protobufName == protobufName }) else { return nil }
        self = match
    }
}
