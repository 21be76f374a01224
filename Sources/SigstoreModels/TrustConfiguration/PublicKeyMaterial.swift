/// A public key as the trust configuration carries it (`dev.sigstore.common.v1.PublicKey`).
///
/// Named apart from SigstoreCrypto's `PublicKey`, which parses and verifies with the key.
/// `keyDetails` stays the protobuf enum name (e.g. `PKIX_ECDSA_P256_SHA_256`) because this
/// layer cannot see SigstoreCrypto's `PublicKeyDetails`; the layer above maps it with
/// `PublicKeyDetails(rawValue:)` and skips keys it cannot use.
public struct PublicKeyMaterial: Sendable, Hashable, Codable {
    /// The DER key (base64 in JSON), in the encoding `keyDetails` names.
    public var rawBytes: [UInt8]?
    /// The `PublicKeyDetails` enum name.
    public var keyDetails: String
    /// When the key may be used, both ends included.
    public var validFor: TimeRange?

    /// The name written for an unset `keyDetails`.
    public static let unspecifiedKeyDetails = "PUBLIC_KEY_DETAILS_UNSPECIFIED"

    public init(rawBytes: [UInt8]?, keyDetails: String, validFor: TimeRange? = nil) {
        self.rawBytes = rawBytes
        self.keyDetails = keyDetails
        self.validFor = validFor
    }

    // `PublicKeyDetails` numbers from protobuf-specs `sigstore_common.proto`, for documents
    // that write enums as numbers.
    private static let keyDetailsByNumber: [Int32: String] = [
        0: unspecifiedKeyDetails, 1: "PKCS1_RSA_PKCS1V5", 2: "PKCS1_RSA_PSS", 3: "PKIX_RSA_PKCS1V5",
        4: "PKIX_RSA_PSS", 5: "PKIX_ECDSA_P256_SHA_256", 6: "PKIX_ECDSA_P256_HMAC_SHA_256",
        7: "PKIX_ED25519", 8: "PKIX_ED25519_PH", 9: "PKIX_RSA_PKCS1V15_2048_SHA256",
        10: "PKIX_RSA_PKCS1V15_3072_SHA256", 11: "PKIX_RSA_PKCS1V15_4096_SHA256",
        12: "PKIX_ECDSA_P384_SHA_384", 13: "PKIX_ECDSA_P521_SHA_512", 14: "LMS_SHA256",
        15: "LMOTS_SHA256", 16: "PKIX_RSA_PSS_2048_SHA256", 17: "PKIX_RSA_PSS_3072_SHA256",
        18: "PKIX_RSA_PSS_4096_SHA256", 19: "PKIX_ECDSA_P384_SHA_256", 20: "PKIX_ECDSA_P521_SHA_256",
        21: "ML_DSA_65", 22: "ML_DSA_87", 23: "ML_DSA_44",
    ]

    private static let fields = ProtoFields("raw_bytes", "key_details", "valid_for")

    public init(from decoder: any Decoder) throws {
        let reader = try ProtoMessageReader(decoder, fields: Self.fields)
        rawBytes = try reader.optionalBytes("rawBytes")
        validFor = try reader.decode("validFor")
        if !reader.contains("keyDetails") {
            keyDetails = Self.unspecifiedKeyDetails
        } else if let name = try? reader.string("keyDetails") {
            // Names this library does not know yet are kept: the enum grows upstream, and a
            // key nobody can use should be skipped later, not fail the whole trusted root.
            guard Self.isEnumName(name) else {
                throw reader.error(.invalidValue, "keyDetails", "\"\(name)\" is not a PublicKeyDetails name")
            }
            keyDetails = name
        } else {
            let number = try reader.integer("keyDetails", as: Int32.self)
            guard let name = Self.keyDetailsByNumber[number] else {
                throw reader.error(.invalidValue, "keyDetails", "\(number) is not a PublicKeyDetails number")
            }
            keyDetails = name
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var writer = ProtoMessageWriter(encoder)
        try writer.optionalBytes(rawBytes, as: "rawBytes")
        if keyDetails != Self.unspecifiedKeyDetails {
            try writer.string(keyDetails, as: "keyDetails")
        }
        try writer.encode(validFor, as: "validFor")
    }

    private static func isEnumName(_ text: String) -> Bool {
        guard let first = text.utf8.first, (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(first) else { return false }
        return text.utf8.allSatisfy { byte in
            (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
                || byte == UInt8(ascii: "_")
        }
    }
}
