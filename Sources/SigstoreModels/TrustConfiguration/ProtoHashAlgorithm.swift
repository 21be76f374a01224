/// A hash algorithm as `dev.sigstore.common.v1.HashAlgorithm` names it.
///
/// Named apart from SigstoreCrypto's `HashAlgorithm`, which implements the hashing; the raw
/// value is the protobuf name, the JSON form.
public enum ProtoHashAlgorithm: String, Sendable, Hashable, CaseIterable, ProtoEnum {
    case unspecified = "HASH_ALGORITHM_UNSPECIFIED"
    case sha2_256 = "SHA2_256"
    case sha2_384 = "SHA2_384"
    case sha2_512 = "SHA2_512"
    case sha3_256 = "SHA3_256"
    case sha3_384 = "SHA3_384"

    package static var protoDefault: ProtoHashAlgorithm { .unspecified }

    package var protoNumber: Int {
        switch self {
        case .unspecified: 0
        case .sha2_256: 1
        case .sha2_384: 2
        case .sha2_512: 3
        case .sha3_256: 4
        case .sha3_384: 5
        }
    }
}
