public import Foundation
import SwiftASN1
public import X509

/// The identity a Fulcio certificate asserts: its subject alternative names, OIDC issuer and
/// Sigstore extensions (interop contract §2.5), read without any judgement of trust.
public struct SigningCertificate: Sendable, Hashable {
    /// The leaf certificate.
    public let certificate: Certificate
    /// The certificate path the verifier built, leaf first and trust anchor last; empty until
    /// the chain has been verified.
    public internal(set) var chain: [Certificate]
    /// The identities the certificate names, in order: rfc822Name (email), URI, and Fulcio's
    /// username otherName (`1.3.6.1.4.1.57264.1.7`). Other name forms are left out.
    public let subjectAlternativeNames: [String]
    /// The OIDC issuer: ``FulcioExtension/issuer`` (`.1.8`), else ``FulcioExtension/issuerV1`` (`.1.1`).
    public let issuer: String?
    /// Every named Sigstore extension the certificate carries, with its text value.
    public let extensions: [FulcioExtension: String]

    /// Reads the identity of `certificate`.
    public init(_ certificate: Certificate) {
        self.certificate = certificate
        self.chain = []
        self.subjectAlternativeNames = Self.names(in: certificate)
        self.issuer = FulcioExtension.issuer.value(in: certificate) ?? FulcioExtension.issuerV1.value(in: certificate)
        var extensions: [FulcioExtension: String] = [:]
        for known in FulcioExtension.all {
            extensions[known] = known.value(in: certificate)
        }
        self.extensions = extensions
    }

    /// The start of the certificate's validity.
    public var notValidBefore: Date { certificate.notValidBefore }
    /// The end of the certificate's validity (ten minutes after the start for Fulcio leaves).
    public var notValidAfter: Date { certificate.notValidAfter }

    /// The value of `extension` in the certificate, whether or not the library names it.
    public func value(of extension: FulcioExtension) -> String? {
        extensions[`extension`] ?? `extension`.value(in: certificate)
    }

    private static func names(in certificate: Certificate) -> [String] {
        // A malformed SAN extension names nobody, so no identity policy can match it.
        guard let names = try? certificate.extensions.subjectAlternativeNames else { return [] }
        return names.compactMap { name in
            switch name {
            case .rfc822Name(let email): email
            case .uniformResourceIdentifier(let uri): uri
            case .otherName(let other) where other.typeID == FulcioExtension.otherNameSAN:
                other.value.flatMap { try? ASN1UTF8String(asn1Any: $0) }.map(String.init)
            default: nil
            }
        }
    }
}
