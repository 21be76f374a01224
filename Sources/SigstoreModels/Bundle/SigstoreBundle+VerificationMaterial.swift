extension SigstoreBundle {
    /// The material to verify a bundle's signature with
    /// (`dev.sigstore.bundle.v1.VerificationMaterial`).
    public struct VerificationMaterial: Sendable, Hashable, Codable {
        /// The signer's certificate, certificate chain or key hint (a protobuf `oneof`).
        public var content: Content?
        /// Transparency log entries for the signature.
        public var tlogEntries: [TransparencyLogEntry]
        /// Countersignatures with trusted times, over the signature.
        public var timestampVerificationData: TimestampVerificationData?

        public init(content: Content?, tlogEntries: [TransparencyLogEntry] = [], timestampVerificationData: TimestampVerificationData? = nil) {
            self.content = content
            self.tlogEntries = tlogEntries
            self.timestampVerificationData = timestampVerificationData
        }

        /// The `oneof content` of verification material.
        public enum Content: Sendable, Hashable {
            /// A hint naming a key delivered out of band (managed-key signing).
            case publicKey(PublicKeyIdentifier)
            /// Leaf first; allowed before v0.3 only.
            case x509CertificateChain(X509CertificateChain)
            /// The leaf certificate alone (v0.3).
            case certificate(X509Certificate)
        }

        /// The signing certificate: `certificate`, or the first of `x509CertificateChain`.
        /// Never trust the chain's other certificates; build paths from the trusted root.
        public var leafCertificate: X509Certificate? {
            switch content {
            case .certificate(let certificate): certificate
            case .x509CertificateChain(let chain): chain.certificates.first
            case .publicKey, nil: nil
            }
        }

        /// The RFC 3161 timestamps, empty when there are none.
        public var rfc3161Timestamps: [RFC3161SignedTimestamp] {
            timestampVerificationData?.rfc3161Timestamps ?? []
        }

        private static let fields = ProtoFields(
            "public_key", "x509_certificate_chain", "certificate", "tlog_entries", "timestamp_verification_data"
        )

        public init(from decoder: any Decoder) throws {
            let reader = try ProtoMessageReader(decoder, fields: Self.fields)
            switch try reader.oneof("publicKey", "x509CertificateChain", "certificate") {
            case "publicKey": content = .publicKey(try reader.require("publicKey"))
            case "x509CertificateChain": content = .x509CertificateChain(try reader.require("x509CertificateChain"))
            case "certificate": content = .certificate(try reader.require("certificate"))
            default: content = nil
            }
            tlogEntries = try reader.repeated("tlogEntries")
            timestampVerificationData = try reader.decode("timestampVerificationData")
        }

        public func encode(to encoder: any Encoder) throws {
            var writer = ProtoMessageWriter(encoder)
            switch content {
            case .publicKey(let identifier): try writer.encode(identifier, as: "publicKey")
            case .x509CertificateChain(let chain): try writer.encode(chain, as: "x509CertificateChain")
            case .certificate(let certificate): try writer.encode(certificate, as: "certificate")
            case nil: break
            }
            try writer.repeated(tlogEntries, as: "tlogEntries")
            try writer.encode(timestampVerificationData, as: "timestampVerificationData")
        }
    }
}
