/// A sequence of certificates (`dev.sigstore.common.v1.X509CertificateChain`).
///
/// In a bundle the leaf comes first; in a trusted root the trust anchor comes last.
public struct X509CertificateChain: Sendable, Hashable, Codable {
    public var certificates: [X509Certificate]

    public init(certificates: [X509Certificate]) {
        self.certificates = certificates
    }

    private static let fields = ProtoFields("certificates")

    public init(from decoder: any Decoder) throws {
        let reader = try ProtoMessageReader(decoder, fields: Self.fields)
        certificates = try reader.repeated("certificates")
    }

    public func encode(to encoder: any Encoder) throws {
        var writer = ProtoMessageWriter(encoder)
        try writer.repeated(certificates, as: "certificates")
    }
}
