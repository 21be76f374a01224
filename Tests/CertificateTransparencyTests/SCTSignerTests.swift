import CertificateTransparency
import Foundation
import SigstoreCrypto
import SwiftASN1
import Testing
import X509

@Suite struct SCTSignerTests {
    static let issuedAt = Date(timeIntervalSince1970: 1_767_225_600.123)  // 2026-01-01T00:00:00.123Z

    /// The CA flow of interop contract §2.6: precertificate with the poison last, SCT from the
    /// log, final certificate with the SCT list in the same position; the verifier accepts it.
    @Test(arguments: [(KeyAlgorithm.ecdsaP256, DigitallySigned.SignatureAlgorithm.ecdsa), (.rsa(bits: 2048), .rsa), (.rsa(bits: 3072), .rsa)])
    func issuesAnEmbeddedSCTTheVerifierAccepts(_ logAlgorithm: KeyAlgorithm, _ signatureAlgorithm: DigitallySigned.SignatureAlgorithm) async throws {
        let logKey = try PrivateKey.generate(logAlgorithm)
        let signer = try SCTSigner(signer: logKey)
        let ca = try TestCA()
        let (final, sct) = try await Self.issue(ca: ca, signer: signer)

        #expect(sct.logID == logKey.publicKey.keyID)
        #expect(signer.logID == logKey.publicKey.keyID)
        #expect(sct.timestamp == 1_767_225_600_123)
        #expect(sct.signature.hashAlgorithm == .sha256)
        #expect(sct.signature.signatureAlgorithm == signatureAlgorithm)
        #expect(final.extensions.last?.oid == SignedCertificateTimestampList.oid)

        let log = try TrustedCTLog(publicKey: logKey.publicKey, validFrom: Self.issuedAt.addingTimeInterval(-1))
        let verified = try SCTVerifier(trustedLogs: [log]).verifyEmbeddedSCTs(in: final, issuer: ca.certificate)
        #expect(verified.map(\.timestamp) == [sct])
        #expect(verified.map(\.log) == [log])
    }

    /// openssl parses the final certificate's SCT list: log ID, timestamp and algorithm.
    @Test(.enabled(if: OpenSSL.isAvailable))
    func issuesCertificatesOpenSSLParses() async throws {
        let logKey = try PrivateKey.generate(.ecdsaP256)
        let (final, sct) = try await Self.issue(ca: TestCA(), signer: SCTSigner(signer: logKey))
        var serializer = DER.Serializer()
        try serializer.serialize(final)
        let text = try OpenSSL.text(ofCertificate: serializer.serializedBytes)
        #expect(text.contains("CT Precertificate SCTs:"))
        #expect(text.contains("Version   : v1 (0x0)"))
        let logID = OpenSSL.colonHex(sct.logID)
        #expect(text.contains(logID.prefix(47)))  // openssl wraps the ID after 16 bytes
        #expect(text.contains("Timestamp : Jan  1 00:00:00.123 2026 GMT"))
        #expect(text.contains("Signature : ecdsa-with-SHA256"))
        #expect(text.contains(OpenSSL.colonHex(Array(sct.signature.signature.prefix(8)))))
    }

    /// openssl recognises the precertificate's poison as the critical CT extension.
    @Test(.enabled(if: OpenSSL.isAvailable))
    func buildsAPoisonOpenSSLRecognises() throws {
        let precertificate = try TestCA().issue(extensions: [PrecertificatePoison().makeCertificateExtension()])
        var serializer = DER.Serializer()
        try serializer.serialize(precertificate)
        let text = try OpenSSL.text(ofCertificate: serializer.serializedBytes)
        #expect(text.contains("CT Precertificate Poison: critical"))
    }

    /// Static-CT logs put a `leaf_index` in the SCT extensions; they are signed and must verify.
    @Test func signsAndVerifiesNonEmptyExtensions() async throws {
        let logKey = try PrivateKey.generate(.ecdsaP256)
        let leafIndex: [UInt8] = [0x00, 0x00, 0x05, 0x00, 0x00, 0x01, 0xE2, 0x40]  // leaf_index(0), u16 5, u40 123456
        let ca = try TestCA()
        let (final, sct) = try await Self.issue(ca: ca, signer: SCTSigner(signer: logKey), extensions: leafIndex)
        #expect(sct.extensions == leafIndex)
        #expect(try final.extensions.signedCertificateTimestampList?.timestamps.first?.extensions == leafIndex)
        let verifier = SCTVerifier(trustedLogs: [try TrustedCTLog(publicKey: logKey.publicKey)])
        #expect(try verifier.verifyEmbeddedSCTs(in: final, issuer: ca.certificate).count == 1)
        // The extensions are signed: changing them breaks the signature.
        let altered = try SignedCertificateTimestamp(logID: sct.logID, timestamp: sct.timestamp, extensions: [0x00, 0x00, 0x05, 0x00, 0x00, 0x01, 0xE2, 0x41], signature: sct.signature)
        let forged = try ca.issue(extensions: [SignedCertificateTimestampList([altered]).makeCertificateExtension()])
        let error = #expect(throws: CTError.self) { try verifier.verifyEmbeddedSCTs(in: forged, issuer: ca.certificate) }
        #expect(error?.code == .invalidSignature)
    }

    /// The `add-chain` flow: a detached SCT over a final certificate, through its JSON form.
    @Test func issuesDetachedSCTsForCertificates() async throws {
        let logKey = try PrivateKey.generate(.ecdsaP256)
        let certificate = try TestCA().issue(extensions: [])
        let sct = try await SCTSigner(signer: logKey).signedCertificateTimestamp(for: SignedEntry(certificate: certificate), at: Self.issuedAt)
        let received = try SignedCertificateTimestamp(jsonEncoded: sct.jsonEncoded)
        let verifier = SCTVerifier(trustedLogs: [try TrustedCTLog(publicKey: logKey.publicKey)])
        #expect(try verifier.verify(received, for: certificate).timestamp == sct)
        let other = try TestCA().issue(extensions: [])
        let error = #expect(throws: CTError.self) { try verifier.verify(received, for: other) }
        #expect(error?.code == .invalidSignature)
    }

    @Test(arguments: [KeyAlgorithm.ecdsaP384, .ecdsaP521, .ed25519])
    func refusesKeysThatDoNotSignWithSHA256(_ algorithm: KeyAlgorithm) throws {
        let key = try PrivateKey.generate(algorithm)
        let error = #expect(throws: CTError.self) { try SCTSigner(signer: key) }
        #expect(error?.code == .unsupportedAlgorithm)
    }

    /// A KeySigner that answers with someone else's signature is caught before the SCT leaves the log.
    @Test func refusesSignaturesItsKeyDoesNotVerify() async throws {
        struct Confused: KeySigner {
            let publicKey: PublicKey
            let actual: PrivateKey
            func signature(for message: [UInt8]) async throws -> [UInt8] { try actual.signature(for: message) }
        }
        let signer = try SCTSigner(signer: Confused(publicKey: PrivateKey.generate(.ecdsaP256).publicKey, actual: PrivateKey.generate(.ecdsaP256)))
        let entry = try SignedEntry(certificate: TestCA().issue(extensions: []))
        let error = await #expect(throws: CTError.self) { try await signer.signedCertificateTimestamp(for: entry, at: Self.issuedAt) }
        #expect(error?.code == .invalidSignature)
    }

    /// A threshold policy counts only SCTs that verify: one from our log plus one from a log
    /// the verifier does not know passes `atLeast(1)` and fails `atLeast(2)` with `.unknownLog`.
    @Test func countsOnlyVerifiedSCTsTowardsAThreshold() async throws {
        let trusted = try PrivateKey.generate(.ecdsaP256)
        let unknown = try PrivateKey.generate(.ecdsaP256)
        let ca = try TestCA()
        let precertificate = try ca.issue(extensions: [PrecertificatePoison().makeCertificateExtension()])
        let entry = try SignedEntry(precertificate: precertificate, issuer: ca.certificate)
        let scts = [
            try await SCTSigner(signer: unknown).signedCertificateTimestamp(for: entry, at: Self.issuedAt),
            try await SCTSigner(signer: trusted).signedCertificateTimestamp(for: entry, at: Self.issuedAt),
        ]
        let final = try ca.issue(extensions: [SignedCertificateTimestampList(scts).makeCertificateExtension()])
        let verifier = SCTVerifier(trustedLogs: [try TrustedCTLog(publicKey: trusted.publicKey)])
        #expect(try verifier.verifyEmbeddedSCTs(in: final, issuer: ca.certificate, policy: .atLeast(1)).map(\.timestamp) == [scts[1]])
        let error = #expect(throws: CTError.self) { try verifier.verifyEmbeddedSCTs(in: final, issuer: ca.certificate, policy: .atLeast(2)) }
        #expect(error?.code == .unknownLog)
        let sigstoreError = #expect(throws: CTError.self) { try verifier.verifyEmbeddedSCTs(in: final, issuer: ca.certificate) }
        #expect(sigstoreError?.code == .unexpectedSCTCount)
    }

    /// Runs the precertificate flow and returns the final certificate with its SCT.
    static func issue(ca: TestCA, signer: SCTSigner, extensions: [UInt8] = []) async throws -> (Certificate, SignedCertificateTimestamp) {
        let precertificate = try ca.issue(extensions: [PrecertificatePoison().makeCertificateExtension()])
        let sct = try await signer.signedCertificateTimestamp(
            for: SignedEntry(precertificate: precertificate, issuer: ca.certificate), at: issuedAt, extensions: extensions)
        let final = try ca.issue(extensions: [SignedCertificateTimestampList([sct]).makeCertificateExtension()])
        return (final, sct)
    }
}
