import CertificateTransparency
import Foundation
import SigstoreCrypto
import SwiftASN1
import X509

/// A throwaway CA issuing Fulcio-shaped leaves (interop contract §2.4) with fixed contents, so
/// that two leaves issued with the same extensions have byte-identical TBSCertificates.
struct TestCA {
    let key: PrivateKey
    let certificate: Certificate
    /// The leaf key every leaf certifies.
    let leafKey: PrivateKey

    static let notBefore = Date(timeIntervalSince1970: 1_767_225_600)  // 2026-01-01T00:00:00Z
    static let serial = Certificate.SerialNumber(bytes: Array(repeating: 0x5A, count: 20))

    init(_ algorithm: KeyAlgorithm = .ecdsaP384) throws {
        let key = try PrivateKey.generate(algorithm)
        self.key = key
        leafKey = try PrivateKey.generate(.ecdsaP256)
        let name = try DistinguishedName {
            OrganizationName("signet.test")
            CommonName("signet-test-intermediate")
        }
        certificate = try Certificate(
            version: .v3,
            serialNumber: Certificate.SerialNumber(bytes: [1]),
            publicKey: key.publicKey.certificatePublicKey,
            notValidBefore: Self.notBefore.addingTimeInterval(-86_400),
            notValidAfter: Self.notBefore.addingTimeInterval(86_400 * 365),
            issuer: name,
            subject: name,
            signatureAlgorithm: Self.signatureAlgorithm(for: algorithm),
            extensions: Certificate.Extensions {
                Critical(BasicConstraints.isCertificateAuthority(maxPathLength: 0))
                Critical(KeyUsage(keyCertSign: true, cRLSign: true))
                SubjectKeyIdentifier(hash: key.publicKey.certificatePublicKey)
            },
            issuerPrivateKey: key.certificatePrivateKey
        )
    }

    /// A ten-minute code-signing leaf with the Fulcio extensions followed by `extensions`.
    func issue(extensions: [Certificate.Extension]) throws -> Certificate {
        var all = try Certificate.Extensions {
            Critical(KeyUsage(digitalSignature: true))
            try ExtendedKeyUsage([.codeSigning])
            SubjectKeyIdentifier(hash: leafKey.publicKey.certificatePublicKey)
            AuthorityKeyIdentifier(keyIdentifier: try certificate.extensions.subjectKeyIdentifier?.keyIdentifier)
            Critical(SubjectAlternativeNames([.rfc822Name("signer@signet.test")]))
            // OIDC issuer, v1 (raw bytes) and v2 (DER UTF8String), as Fulcio writes both.
            Certificate.Extension(oid: [1, 3, 6, 1, 4, 1, 57264, 1, 1], critical: false, value: Array("https://issuer.signet.test".utf8)[...])
        }
        for ext in extensions {
            try all.append(ext)
        }
        return try Certificate(
            version: .v3,
            serialNumber: Self.serial,
            publicKey: leafKey.publicKey.certificatePublicKey,
            notValidBefore: Self.notBefore,
            notValidAfter: Self.notBefore.addingTimeInterval(600),
            issuer: certificate.subject,
            subject: DistinguishedName(),
            signatureAlgorithm: Self.signatureAlgorithm(for: key.algorithm),
            extensions: all,
            issuerPrivateKey: key.certificatePrivateKey
        )
    }

    private static func signatureAlgorithm(for algorithm: KeyAlgorithm) -> Certificate.SignatureAlgorithm {
        switch algorithm {
        case .ecdsaP256: .ecdsaWithSHA256
        case .ecdsaP384: .ecdsaWithSHA384
        case .ecdsaP521: .ecdsaWithSHA512
        case .ed25519: .ed25519
        case .rsa: .sha256WithRSAEncryption
        }
    }
}
