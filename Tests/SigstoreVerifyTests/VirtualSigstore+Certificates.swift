import CertificateTransparency
import Foundation
import SigstoreCrypto
import SigstoreVerify
import SwiftASN1
import X509

extension VirtualSigstore {
    /// What a leaf certificate says, and how it deviates from the Fulcio profile when a test
    /// needs it to.
    struct LeafProfile: Sendable {
        var san: GeneralName = .rfc822Name("alice@virtual.test")
        var issuer = VirtualSigstore.issuerURL
        /// Extra Sigstore extensions, written as DER UTF8Strings.
        var claims: [FulcioExtension: String] = [:]
        var keyUsage = KeyUsage(digitalSignature: true)
        var extendedKeyUsage: [ExtendedKeyUsage.Usage] = [.codeSigning]
        var isCertificateAuthority = false
        /// How many SCTs to embed (Sigstore requires exactly one).
        var sctCount = 1
        /// Signs the SCT with this key instead of the CT log's.
        var sctKey: PrivateKey?
    }

    /// Issues a ten-minute Fulcio-style leaf for `key`, starting at `time`, with an SCT
    /// embedded the way Fulcio does: precertificate with the poison, SCT over it, then the
    /// final certificate with the SCT list in the poison's place.
    func issueLeaf(for key: PublicKey, at time: Date, profile: LeafProfile = LeafProfile()) async throws -> Certificate {
        let serial = Certificate.SerialNumber()
        func certificate(last: some CertificateExtensionConvertible) throws -> Certificate {
            let extensions = try Certificate.Extensions {
                Critical(profile.keyUsage)
                try ExtendedKeyUsage(profile.extendedKeyUsage)
                if profile.isCertificateAuthority {
                    Critical(BasicConstraints.isCertificateAuthority(maxPathLength: nil))
                }
                SubjectKeyIdentifier(hash: key.certificatePublicKey)
                AuthorityKeyIdentifier(keyIdentifier: SubjectKeyIdentifier(hash: caIntermediate.publicKey).keyIdentifier)
                Critical(SubjectAlternativeNames([profile.san]))
                Certificate.Extension(oid: FulcioExtension.issuerV1.oid, critical: false, value: Array(profile.issuer.utf8)[...])
                Certificate.Extension(oid: FulcioExtension.issuer.oid, critical: false, value: try Self.utf8String(profile.issuer))
                for (claim, value) in profile.claims.sorted(by: { $0.key.name < $1.key.name }) {
                    Certificate.Extension(oid: claim.oid, critical: false, value: try Self.utf8String(value))
                }
                last
            }
            return try Certificate(
                version: .v3, serialNumber: serial, publicKey: key.certificatePublicKey,
                notValidBefore: time, notValidAfter: time.addingTimeInterval(600),
                issuer: caIntermediate.subject, subject: DistinguishedName(),
                extensions: extensions, issuerPrivateKey: caIntermediateKey.certificatePrivateKey)
        }
        let precertificate = try certificate(last: PrecertificatePoison())
        let entry = try SignedEntry(precertificate: precertificate, issuer: caIntermediate)
        let signer = try SCTSigner(signer: profile.sctKey ?? ctKey)
        var timestamps: [SignedCertificateTimestamp] = []
        for index in 0..<profile.sctCount {
            timestamps.append(try await signer.signedCertificateTimestamp(for: entry, at: time.addingTimeInterval(Double(index))))
        }
        if timestamps.isEmpty {
            return try certificate(last: Certificate.Extension(oid: [1, 3, 6, 1, 4, 1, 99999, 1], critical: false, value: [0x05, 0x00]))
        }
        return try certificate(last: try SignedCertificateTimestampList(timestamps))
    }

    private static func utf8String(_ text: String) throws -> ArraySlice<UInt8> {
        var serializer = DER.Serializer()
        try serializer.serialize(ASN1UTF8String(text))
        return serializer.serializedBytes[...]
    }
}
