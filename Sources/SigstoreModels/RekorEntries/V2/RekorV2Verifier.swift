extension RekorV2 {
    /// The key material that verifies a signature (`dev.sigstore.rekor.v2.Verifier`).
    public struct Verifier: Sendable, Hashable {
        /// Either a bare public key or a certificate carrying one.
        public enum Key: Sendable, Hashable {
            /// DER `SubjectPublicKeyInfo` of a managed key (`publicKey.rawBytes`).
            case publicKey([UInt8])
            /// DER certificate, typically the Fulcio leaf (`x509Certificate.rawBytes`).
            case x509Certificate([UInt8])
        }

        public var key: Key
        /// The `PublicKeyDetails` enum name, e.g. `PKIX_ECDSA_P256_SHA_256`. Kept as a name because
        /// this module cannot see SigstoreCrypto's `PublicKeyDetails`.
        public var keyDetails: String

        /// The name proto3 leaves out of the JSON.
        public static let unspecifiedKeyDetails = "PUBLIC_KEY_DETAILS_UNSPECIFIED"

        public init(key: Key, keyDetails: String) {
            self.key = key
            self.keyDetails = keyDetails
        }
    }
}

extension RekorV2.Verifier: Codable {
    private static let fields = ProtoFields("public_key", "x509_certificate", "key_details")

    public init(from decoder: any Decoder) throws {
        let reader = try ProtoMessageReader(decoder, fields: Self.fields)
        switch try reader.oneof("publicKey", "x509Certificate") {
        case "publicKey":
            key = .publicKey(try reader.require("publicKey", as: RawBytesMessage.self).rawBytes)
        case "x509Certificate":
            key = .x509Certificate(try reader.require("x509Certificate", as: X509Certificate.self).rawBytes)
        default:
            throw reader.error(.missingField, "publicKey", "a verifier needs a publicKey or an x509Certificate")
        }
        let details = try reader.string("keyDetails")
        keyDetails = details.isEmpty ? Self.unspecifiedKeyDetails : details
    }

    public func encode(to encoder: any Encoder) throws {
        var writer = ProtoMessageWriter(encoder)
        switch key {
        case .publicKey(let rawBytes):
            try writer.encode(RawBytesMessage(rawBytes: rawBytes), as: "publicKey")
        case .x509Certificate(let rawBytes):
            try writer.encode(X509Certificate(rawBytes: rawBytes), as: "x509Certificate")
        }
        if keyDetails != Self.unspecifiedKeyDetails {
            try writer.string(keyDetails, as: "keyDetails")
        }
    }

    /// `dev.sigstore.rekor.v2.PublicKey`: one required `raw_bytes` field.
    private struct RawBytesMessage: Codable {
        var rawBytes: [UInt8]

        init(rawBytes: [UInt8]) {
            self.rawBytes = rawBytes
        }

        private static let fields = ProtoFields("raw_bytes")

        init(from decoder: any Decoder) throws {
            rawBytes = try ProtoMessageReader(decoder, fields: Self.fields).requiredBytes("rawBytes")
        }

        func encode(to encoder: any Encoder) throws {
            var writer = ProtoMessageWriter(encoder)
            try writer.bytes(rawBytes, as: "rawBytes")
        }
    }
}
