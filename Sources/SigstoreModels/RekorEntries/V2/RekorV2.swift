/// The Rekor v2 (rekor-tiles) write API and entry kinds, in protobuf-JSON
/// (`dev.sigstore.rekor.v2`): `hashedrekord 0.0.2` and the deprecated `dsse 0.0.2`.
public enum RekorV2 {
    /// The largest request body these readers accept, as rekor-tiles does (4 MiB gRPC default).
    public static let maximumDocumentSize = 4 << 20

    static var limits: JSONLimits { JSONLimits(maxBytes: maximumDocumentSize) }

    /// The digest algorithm a `hashedrekord 0.0.2` entry records for a key type, as rekor-tiles
    /// derives it from the request's `keyDetails` (sigstore/sigstore's algorithm registry).
    ///
    /// - Parameter keyDetails: a `PublicKeyDetails` enum name such as `PKIX_ECDSA_P256_SHA_256`.
    /// - Throws: `ModelError` with code `.invalidValue` for key types Rekor v2 does not log,
    ///   including pure `PKIX_ED25519`, which signs messages rather than digests.
    public static func hashAlgorithm(forKeyDetails keyDetails: String) throws(ModelError) -> ProtoHashAlgorithm {
        switch keyDetails {
        case "PKIX_RSA_PKCS1V15_2048_SHA256", "PKIX_RSA_PKCS1V15_3072_SHA256", "PKIX_RSA_PKCS1V15_4096_SHA256",
            "PKIX_RSA_PSS_2048_SHA256", "PKIX_RSA_PSS_3072_SHA256", "PKIX_RSA_PSS_4096_SHA256",
            "PKIX_ECDSA_P256_SHA_256":
            return .sha2_256
        case "PKIX_ECDSA_P384_SHA_384":
            return .sha2_384
        case "PKIX_ECDSA_P521_SHA_512", "PKIX_ED25519_PH":
            return .sha2_512
        case "PKIX_ED25519":
            throw ModelError(.invalidValue, field: "keyDetails",
                             "PKIX_ED25519 signs whole messages; Rekor v2 needs a prehash key type such as PKIX_ED25519_PH")
        default:
            throw ModelError(.invalidValue, field: "keyDetails", "\"\(keyDetails)\" is not a key type Rekor v2 accepts")
        }
    }
}

extension ProtoHashAlgorithm {
    /// The digest length in bytes, or `nil` for `unspecified`.
    var digestByteCount: Int? {
        switch self {
        case .unspecified: nil
        case .sha2_256, .sha3_256: 32
        case .sha2_384, .sha3_384: 48
        case .sha2_512: 64
        }
    }
}
