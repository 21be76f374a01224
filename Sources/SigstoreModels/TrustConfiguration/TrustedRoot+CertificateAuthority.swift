extension TrustedRoot {
    /// A trusted CA or TSA with its certificate chain (`dev.sigstore.trustroot.v1.CertificateAuthority`).
    ///
    /// Nested to stay clear of service types that model a running CA.
    public struct CertificateAuthority: Sendable, Hashable, Codable {
        /// The subject of the chain's root.
        public var subject: DistinguishedName?
        /// The authority's base URL (for a TSA, its full endpoint).
        public var uri: String
        public var certChain: X509CertificateChain?
        /// When the whole chain may be trusted, both ends included.
        public var validFor: TimeRange?
        /// Who runs the authority, e.g. `sigstore.dev`.
        public var `operator`: String

        public init(
            subject: DistinguishedName?, uri: String, certChain: X509CertificateChain?, validFor: TimeRange?,
            operator: String = ""
        ) {
            self.subject = subject
            self.uri = uri
            self.certChain = certChain
            self.validFor = validFor
            self.operator = `operator`
        }

        private static let fields = ProtoFields("subject", "uri", "cert_chain", "valid_for", "operator")

        public init(from decoder: any Decoder) throws {
            let reader = try ProtoMessageReader(decoder, fields: Self.fields)
            subject = try reader.decode("subject")
            uri = try reader.string("uri")
            certChain = try reader.decode("certChain")
            validFor = try reader.decode("validFor")
            self.operator = try reader.string("operator")
        }

        public func encode(to encoder: any Encoder) throws {
            var writer = ProtoMessageWriter(encoder)
            try writer.encode(subject, as: "subject")
            try writer.string(uri, as: "uri")
            try writer.encode(certChain, as: "certChain")
            try writer.encode(validFor, as: "validFor")
            try writer.string(self.operator, as: "operator")
        }
    }
}
