import Foundation
import RFC3161
import SignedNote
import SigstoreCrypto
import SigstoreModels
import SigstoreVerify
import SwiftASN1
import X509

/// An in-memory Sigstore instance with a fixed clock: a Fulcio-style CA (root and
/// intermediate), a CT log, a Rekor v1 log (P-256), a Rekor v2 log (Ed25519) and an RFC 3161
/// TSA, all built from this package's foundation modules, plus the trusted root that lists
/// them. ``sign(_:)`` produces bundles the way a real client and real services would.
///
/// Everything happens at fixed offsets from ``epoch``, so verification results are
/// deterministic apart from the (random) keys.
struct VirtualSigstore: Sendable {
    /// 2026-01-01T00:00:00Z: the instance's "now".
    static let epoch = Date(timeIntervalSince1970: 1_767_225_600)
    static let v1URL = "https://rekor.virtual.test"
    static let v1Origin = "rekor.virtual.test - 42"
    static let v2URL = "https://log2026.rekor.virtual.test"
    static let v2Origin = "log2026.rekor.virtual.test"
    static let issuerURL = "https://oidc.virtual.test"

    let caRootKey: PrivateKey
    let caRoot: Certificate
    let caIntermediateKey: PrivateKey
    let caIntermediate: Certificate
    let ctKey: PrivateKey
    let rekorV1Key: PrivateKey
    let rekorV2Key: PrivateKey
    let tsaKey: PrivateKey
    let tsaChain: [Certificate]

    init() throws {
        caRootKey = try PrivateKey.generate(.ecdsaP384)
        caIntermediateKey = try PrivateKey.generate(.ecdsaP384)
        let validity = (Self.epoch.addingTimeInterval(-365 * 86_400), Self.epoch.addingTimeInterval(10 * 365 * 86_400))
        caRoot = try Self.caCertificate(
            key: caRootKey.publicKey, name: "virtual-root", issuerKey: caRootKey, issuerName: "virtual-root", intermediate: false, validity: validity)
        caIntermediate = try Self.caCertificate(
            key: caIntermediateKey.publicKey, name: "virtual-intermediate", issuerKey: caRootKey, issuerName: "virtual-root", intermediate: true,
            validity: validity)
        ctKey = try PrivateKey.generate(.ecdsaP256)
        rekorV1Key = try PrivateKey.generate(.ecdsaP256)
        rekorV2Key = try PrivateKey.generate(.ed25519)
        tsaKey = try PrivateKey.generate(.ecdsaP256)
        let tsaRootKey = try PrivateKey.generate(.ecdsaP256)
        tsaChain = try TSACertificateChain.generate(
            leafKey: tsaKey.publicKey, leafSubject: try DistinguishedName { OrganizationName("virtual.test"); CommonName("virtual-tsa") },
            rootKey: tsaRootKey, rootSubject: try DistinguishedName { OrganizationName("virtual.test"); CommonName("virtual-tsa-root") },
            notValidBefore: validity.0, notValidAfter: validity.1
        ).certificates
    }

    /// The trusted root listing every service of this instance, all valid from a year before
    /// ``epoch`` with no end.
    var trustedRoot: TrustedRoot {
        get throws {
            let start = TimeRange(start: ProtoTimestamp(Self.epoch.addingTimeInterval(-365 * 86_400)))
            return TrustedRoot(
                tlogs: [
                    TransparencyLogInstance(
                        baseUrl: Self.v1URL,
                        publicKey: PublicKeyMaterial(rawBytes: rekorV1Key.publicKey.derRepresentation, keyDetails: "PKIX_ECDSA_P256_SHA_256", validFor: start),
                        logId: LogId(keyId: rekorV1Key.publicKey.keyID)),
                    TransparencyLogInstance(
                        baseUrl: Self.v2URL,
                        publicKey: PublicKeyMaterial(rawBytes: rekorV2Key.publicKey.derRepresentation, keyDetails: "PKIX_ED25519", validFor: start),
                        logId: LogId(keyId: try rekorV2LogID)),
                ],
                certificateAuthorities: [
                    .init(
                        subject: .init(organization: "virtual.test", commonName: "virtual-root"), uri: "https://ca.virtual.test",
                        certChain: X509CertificateChain(certificates: [X509Certificate(rawBytes: try caIntermediate.derBytes), X509Certificate(rawBytes: try caRoot.derBytes)]),
                        validFor: start)
                ],
                ctlogs: [
                    TransparencyLogInstance(
                        baseUrl: "https://ct.virtual.test",
                        publicKey: PublicKeyMaterial(rawBytes: ctKey.publicKey.derRepresentation, keyDetails: "PKIX_ECDSA_P256_SHA_256", validFor: start),
                        logId: LogId(keyId: ctKey.publicKey.keyID))
                ],
                timestampAuthorities: [
                    .init(
                        subject: .init(organization: "virtual.test", commonName: "virtual-tsa"), uri: "https://tsa.virtual.test/api/v1/timestamp",
                        certChain: X509CertificateChain(certificates: try tsaChain.map { X509Certificate(rawBytes: try $0.derBytes) }),
                        validFor: start)
                ])
        }
    }

    /// The Rekor v2 log ID: the signed-note key ID of its Ed25519 key under its origin.
    var rekorV2LogID: [UInt8] {
        get throws { try RekorNoteSigner(name: Self.v2Origin, signer: rekorV2Key, flavour: .v2).logID.bytes }
    }

    /// A verifier for this instance's trusted root.
    func verifier() throws -> BundleVerifier {
        try BundleVerifier(trustedRoot: trustedRoot)
    }

    private static func caCertificate(
        key: PublicKey, name: String, issuerKey: PrivateKey, issuerName: String, intermediate: Bool, validity: (Date, Date)
    ) throws -> Certificate {
        let issuerPublicKey = issuerKey.publicKey.certificatePublicKey
        let extensions = try Certificate.Extensions {
            Critical(BasicConstraints.isCertificateAuthority(maxPathLength: intermediate ? 0 : nil))
            Critical(KeyUsage(keyCertSign: true, cRLSign: true))
            SubjectKeyIdentifier(hash: key.certificatePublicKey)
            if intermediate {
                try ExtendedKeyUsage([.codeSigning])
                AuthorityKeyIdentifier(keyIdentifier: SubjectKeyIdentifier(hash: issuerPublicKey).keyIdentifier)
            }
        }
        return try Certificate(
            version: .v3, serialNumber: Certificate.SerialNumber(), publicKey: key.certificatePublicKey,
            notValidBefore: validity.0, notValidAfter: validity.1,
            issuer: try DistinguishedName { OrganizationName("virtual.test"); CommonName(issuerName) },
            subject: try DistinguishedName { OrganizationName("virtual.test"); CommonName(name) },
            extensions: extensions, issuerPrivateKey: issuerKey.certificatePrivateKey)
    }
}

extension Certificate {
    var derBytes: [UInt8] {
        get throws {
            var serializer = DER.Serializer()
            try serializer.serialize(self)
            return serializer.serializedBytes
        }
    }
}
