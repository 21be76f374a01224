public import Foundation
public import SigstoreCrypto
import SwiftASN1
public import X509

/// A TSA certificate chain, leaf first and root last, as served by `/api/v1/timestamp/certchain` and listed in a
/// trusted root's `timestampAuthorities`.
public struct TSACertificateChain: Sendable, Hashable {
    /// The certificates: leaf, intermediates, root.
    public let certificates: [Certificate]

    /// Wraps `certificates` (leaf first).
    ///
    /// - Throws: ``TimestampError/Code/invalidCertificateChain`` when empty.
    public init(certificates: [Certificate]) throws {
        guard !certificates.isEmpty else {
            throw TimestampError(.invalidCertificateChain, "a TSA certificate chain needs at least its leaf")
        }
        self.certificates = certificates
    }

    /// Parses concatenated PEM `CERTIFICATE` blocks, leaf first.
    public init(pemEncoded pem: String) throws {
        let certificates = try TimestampError.parsing("PEM certificate chain") {
            try PEMDocument.parseMultiple(pemString: pem).map { try Certificate(pemDocument: $0) }
        }
        try self.init(certificates: certificates)
    }

    /// The signing certificate.
    public var leaf: Certificate { self.certificates[0] }

    /// The chain as concatenated PEM blocks (`application/pem-certificate-chain`).
    public func pemEncoded() throws -> String {
        try self.certificates.map { try $0.serializeAsPEM().pemString + "\n" }.joined()
    }

    /// Builds a chain with the TSA profile of interop contract §7.4, for development mode and tests.
    ///
    /// The leaf has BasicConstraints CA:FALSE, KeyUsage critical digitalSignature and ExtKeyUsage **critical,
    /// timeStamping only**; CA certificates have BasicConstraints critical CA:TRUE and KeyUsage critical
    /// keyCertSign/cRLSign. Every certificate carries SubjectKeyIdentifier, every non-root
    /// AuthorityKeyIdentifier. Serial numbers are derived from the subject key, so the output is deterministic.
    ///
    /// CA keys must be in-memory ``PrivateKey``s because swift-certificates signs synchronously; the leaf only
    /// contributes its public key, so it may live in an HSM or KMS behind a ``KeySigner``.
    ///
    /// - Returns: `[leaf, intermediate?, root]`.
    public static func generate(
        leafKey: PublicKey,
        leafSubject: DistinguishedName,
        rootKey: PrivateKey,
        rootSubject: DistinguishedName,
        intermediate: (key: PrivateKey, subject: DistinguishedName)? = nil,
        notValidBefore: Date,
        notValidAfter: Date
    ) throws -> TSACertificateChain {
        try TimestampError.issuing("TSA certificate chain") {
            let root = try makeCertificate(
                subjectKey: rootKey.publicKey, subject: rootSubject,
                issuerKey: rootKey, issuer: rootSubject, role: .root,
                notValidBefore: notValidBefore, notValidAfter: notValidAfter
            )
            var signer = (key: rootKey, subject: rootSubject)
            var cas = [root]
            if let intermediate {
                let certificate = try makeCertificate(
                    subjectKey: intermediate.key.publicKey, subject: intermediate.subject,
                    issuerKey: rootKey, issuer: rootSubject, role: .intermediate,
                    notValidBefore: notValidBefore, notValidAfter: notValidAfter
                )
                cas.insert(certificate, at: 0)
                signer = intermediate
            }
            let leaf = try makeCertificate(
                subjectKey: leafKey, subject: leafSubject,
                issuerKey: signer.key, issuer: signer.subject, role: .leaf,
                notValidBefore: notValidBefore, notValidAfter: notValidAfter
            )
            return try TSACertificateChain(certificates: [leaf] + cas)
        }
    }

    private enum Role: UInt8 {
        case root = 1, intermediate, leaf
    }

    private static func makeCertificate(
        subjectKey: PublicKey,
        subject: DistinguishedName,
        issuerKey: PrivateKey,
        issuer: DistinguishedName,
        role: Role,
        notValidBefore: Date,
        notValidAfter: Date
    ) throws -> Certificate {
        let publicKey = subjectKey.certificatePublicKey
        let issuerPublicKey = issuerKey.publicKey.certificatePublicKey
        let extensions = try Certificate.Extensions {
            switch role {
            case .root:
                Critical(BasicConstraints.isCertificateAuthority(maxPathLength: nil))
                Critical(KeyUsage(keyCertSign: true, cRLSign: true))
            case .intermediate:
                Critical(BasicConstraints.isCertificateAuthority(maxPathLength: 0))
                Critical(KeyUsage(keyCertSign: true, cRLSign: true))
                AuthorityKeyIdentifier(keyIdentifier: SubjectKeyIdentifier(hash: issuerPublicKey).keyIdentifier)
            case .leaf:
                Critical(BasicConstraints.notCertificateAuthority)
                Critical(KeyUsage(digitalSignature: true))
                Critical(try ExtendedKeyUsage([.timeStamping]))
                AuthorityKeyIdentifier(keyIdentifier: SubjectKeyIdentifier(hash: issuerPublicKey).keyIdentifier)
            }
            SubjectKeyIdentifier(hash: publicKey)
        }
        // A serial derived from key and role is unique per certificate here and keeps generation free of randomness.
        let keyDigest = HashAlgorithm.sha256.hash(subjectKey.derRepresentation + [role.rawValue])
        let serial = Certificate.SerialNumber(bytes: [0x01] + keyDigest.prefix(15))
        return try Certificate(
            version: .v3,
            serialNumber: serial,
            publicKey: publicKey,
            notValidBefore: notValidBefore,
            notValidAfter: notValidAfter,
            issuer: issuer,
            subject: subject,
            extensions: extensions,
            issuerPrivateKey: issuerKey.certificatePrivateKey
        )
    }
}
