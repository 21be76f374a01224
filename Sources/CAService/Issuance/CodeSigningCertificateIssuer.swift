public import CertificateTransparency
public import Foundation
public import SigstoreCrypto
import SwiftASN1
public import X509

/// Issues ten-minute code-signing leaves with an embedded SCT (interop contract §2.4–§2.6).
///
/// The leaf is built twice with identical serial, validity, key and extensions: first with the
/// critical CT poison last (the precertificate, sent to the CT log), then with the SCT list in
/// the poison's place. Before answering, the final certificate's signature and its SCT are
/// verified, so a misbehaving HSM or log can never hand out a certificate clients would reject.
public struct CodeSigningCertificateIssuer: Sendable {
    /// How long a leaf is valid.
    public static let validity: TimeInterval = 600

    /// The issuing key and chain.
    public let keys: CertificateAuthorityKeys
    /// Where precertificates go.
    public let log: any PrecertificateLog
    /// The CT logs whose SCTs the self-check accepts (the log's key as clients trust it).
    public let sctVerifier: SCTVerifier

    public init(keys: CertificateAuthorityKeys, log: any PrecertificateLog, trustedLogs: [TrustedCTLog]) {
        self.keys = keys
        self.log = log
        self.sctVerifier = SCTVerifier(trustedLogs: trustedLogs)
    }

    /// Issues a leaf for `publicKey` asserting `identity`, valid from `now` (rounded down to the
    /// second, the precision of X.509 times) for ten minutes.
    ///
    /// - Returns: `[leaf, issuing CA, …, root]`.
    /// - Throws: ``CAError/Code/issuanceFailed`` for signing, CT log or self-check failures, and when
    ///   a CA certificate is not valid for the leaf's whole lifetime.
    public func issue(for publicKey: PublicKey, identity: CertificateIdentity, at now: Date) async throws -> [Certificate] {
        let notBefore = Date(timeIntervalSince1970: now.timeIntervalSince1970.rounded(.down))
        // A leaf must not outlive (or predate) any certificate above it, or it stops verifying early.
        for certificate in keys.chain where notBefore < certificate.notValidBefore || notBefore.addingTimeInterval(Self.validity) > certificate.notValidAfter {
            throw CAError(.issuanceFailed, "the CA certificate \(certificate.subject) is not valid for the whole ten minutes from \(notBefore)")
        }
        let serial = Certificate.SerialNumber(bytes: CertificateAuthorityKeys.randomSerial())
        let extensions: [Certificate.Extension]
        do {
            extensions = try leafExtensions(for: publicKey, identity: identity)
        } catch {
            throw CAError(.issuanceFailed, "cannot encode the certificate extensions: \(error)")
        }
        let precertificate = try await sign(serial: serial, publicKey: publicKey, notBefore: notBefore, extensions: extensions + [PrecertificatePoison().makeCertificateExtension()])
        let timestamp: SignedCertificateTimestamp
        do {
            timestamp = try await log.submit(precertificateChain: [precertificate] + keys.chain)
        } catch let error as CAError {
            throw error
        } catch {
            throw CAError(.issuanceFailed, "the CT log refused the precertificate: \(error)")
        }
        let sctList: Certificate.Extension
        do {
            sctList = try SignedCertificateTimestampList([timestamp]).makeCertificateExtension()
        } catch {
            throw CAError(.issuanceFailed, "cannot embed the SCT: \(error)")
        }
        let leaf = try await sign(serial: serial, publicKey: publicKey, notBefore: notBefore, extensions: extensions + [sctList])
        try selfCheck(leaf)
        return [leaf] + keys.chain
    }

    /// KeyUsage, EKU, SKI, AKI, SAN, then the Sigstore extensions: Fulcio's order.
    private func leafExtensions(for publicKey: PublicKey, identity: CertificateIdentity) throws -> [Certificate.Extension] {
        let subjectKey = publicKey.certificatePublicKey
        let standard = try Certificate.Extensions {
            Critical(KeyUsage(digitalSignature: true))
            try ExtendedKeyUsage([.codeSigning])
            SubjectKeyIdentifier(hash: subjectKey)
            AuthorityKeyIdentifier(keyIdentifier: keys.issuerKeyIdentifier)
        }
        return Array(standard) + [try identity.subjectAlternativeNameExtension()] + (try identity.sigstoreExtensions())
    }

    private func sign(serial: Certificate.SerialNumber, publicKey: PublicKey, notBefore: Date, extensions: [Certificate.Extension]) async throws -> Certificate {
        do {
            return try await Certificate(
                version: .v3,
                serialNumber: serial,
                publicKey: publicKey.certificatePublicKey,
                notValidBefore: notBefore,
                notValidAfter: notBefore.addingTimeInterval(Self.validity),
                issuer: keys.issuingCertificate.subject,
                subject: DistinguishedName(),
                signatureAlgorithm: keys.signatureAlgorithm,
                extensions: try Certificate.Extensions(extensions),
                issuerAsyncPrivateKey: keys.certificateKey
            )
        } catch let error as CAError {
            throw error
        } catch {
            throw CAError(.issuanceFailed, "the CA key could not sign the certificate: \(error)")
        }
    }

    private func selfCheck(_ leaf: Certificate) throws {
        guard keys.issuingCertificate.publicKey.isValidSignature(leaf.signature, for: leaf) else {
            throw CAError(.issuanceFailed, "the CA key produced a certificate signature its certificate does not verify")
        }
        do {
            try sctVerifier.verifyEmbeddedSCTs(in: leaf, issuer: keys.issuingCertificate)
        } catch {
            throw CAError(.issuanceFailed, "the CT log's SCT does not verify over the final certificate: \(error)")
        }
    }
}
