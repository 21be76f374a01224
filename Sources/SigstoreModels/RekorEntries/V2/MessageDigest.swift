import Crypto

/// SHA-2 digests by protobuf algorithm name, for entry hashes this module computes itself.
enum MessageDigest {
    static func digest(_ message: [UInt8], with algorithm: ProtoHashAlgorithm) throws(ModelError) -> [UInt8] {
        switch algorithm {
        case .sha2_256: Array(SHA256.hash(data: message))
        case .sha2_384: Array(SHA384.hash(data: message))
        case .sha2_512: Array(SHA512.hash(data: message))
        case .unspecified, .sha3_256, .sha3_384:
            throw ModelError(.invalidValue, field: "algorithm", "\(algorithm.rawValue) is not used by Rekor entries")
        }
    }
}
