@testable import CertificateTransparency
import Foundation
import SigstoreCrypto
import SwiftASN1
import Testing
import X509

@Suite struct SCTVerifierTests {
    /// Every real Fulcio leaf verifies against its trust root's CT logs, with the right log.
    @Test(arguments: [
        ("fulcio-public-good-2022-10-24.pem", "https://ctfe.sigstore.dev/test"),
        ("fulcio-public-good-2024-03-19.pem", "https://ctfe.sigstore.dev/2022"),
        ("fulcio-public-good-2025-02-04.pem", "https://ctfe.sigstore.dev/2022"),
        ("fulcio-public-good-2026-05-13.pem", "https://ctfe.sigstore.dev/2022"),
        ("fulcio-staging-2024-04-02.pem", "https://ctfe.sigstage.dev/2022-2"),
        ("fulcio-staging-2025-06-09.pem", "https://ctfe.sigstage.dev/2022-2"),
    ])
    func verifiesRealFulcioCertificates(_ name: String, _ expectedLog: String) throws {
        let root = try Self.root(for: name)
        let leaf = try Fixture.certificate(name)
        let verified = try SCTVerifier(trustedLogs: root.logs).verifyEmbeddedSCTs(in: leaf, issuer: root.issuer(of: leaf))
        #expect(verified.count == 1)
        #expect(verified.first?.log.name == expectedLog)
        #expect(verified.first?.timestamp == (try leaf.extensions.signedCertificateTimestampList?.timestamps.first))
    }

    /// A real RSA-4096 SCT (signature algorithm rsa(1)) from staging's first CT log verifies with
    /// that key; the staging root retired the key before the SCT was issued, so with the root's
    /// validity window the log is not trusted at that time.
    @Test func verifiesARealRSASignedSCTAndEnforcesTheKeyWindow() throws {
        let root = try TrustRootFixture.staging.get()
        let leaf = try Fixture.certificate("fulcio-staging-2022-10-13-rsa-sct.pem")
        let issuer = try root.issuer(of: leaf)
        let retired = try #require(root.log("https://ctfe.sigstage.dev/test"))
        #expect(retired.publicKey.algorithm == .rsa(bits: 4096))

        let error = #expect(throws: CTError.self) { try SCTVerifier(trustedLogs: root.logs).verifyEmbeddedSCTs(in: leaf, issuer: issuer) }
        #expect(error?.code == .unknownLog)

        let unbounded = try TrustedCTLog(publicKey: retired.publicKey, logID: retired.logID)
        let verified = try SCTVerifier(trustedLogs: [unbounded]).verifyEmbeddedSCTs(in: leaf, issuer: issuer)
        #expect(verified.first?.timestamp.signature.signatureAlgorithm == .rsa)
    }

    /// The window is inclusive at both ends, to the millisecond.
    @Test(arguments: [
        (0.0, 0.0, true),
        (0.001, 1.0, false),
        (-1.0, -0.001, false),
        (-1.0, 1.0, true),
    ])
    func checksTheSCTTimeAgainstTheLogWindow(_ startOffset: Double, _ endOffset: Double, _ accepted: Bool) throws {
        let root = try TrustRootFixture.publicGood.get()
        let leaf = try Fixture.certificate("fulcio-public-good-2022-10-24.pem")
        let sctDate = Date(timeIntervalSince1970: 1_666_641_047.954)  // openssl: Oct 24 19:50:47.954 2022 GMT
        let log = try #require(root.log("https://ctfe.sigstore.dev/test"))
        let windowed = try TrustedCTLog(
            publicKey: log.publicKey, validFrom: sctDate.addingTimeInterval(startOffset), validUntil: sctDate.addingTimeInterval(endOffset))
        let verifier = SCTVerifier(trustedLogs: [windowed])
        if accepted {
            #expect(try verifier.verifyEmbeddedSCTs(in: leaf, issuer: root.issuer(of: leaf)).count == 1)
        } else {
            let error = #expect(throws: CTError.self) { try verifier.verifyEmbeddedSCTs(in: leaf, issuer: root.issuer(of: leaf)) }
            #expect(error?.code == .unknownLog)
        }
    }

    @Test func rejectsAnSCTFromAnotherTrustRootsLog() throws {
        let leaf = try Fixture.certificate("fulcio-public-good-2024-03-19.pem")
        let issuer = try TrustRootFixture.publicGood.get().issuer(of: leaf)
        let error = #expect(throws: CTError.self) { try SCTVerifier(trustedLogs: TrustRootFixture.staging.get().logs).verifyEmbeddedSCTs(in: leaf, issuer: issuer) }
        #expect(error?.code == .unknownLog)
    }

    /// The right log ID with another log's key: the 2021 public-good key under the 2022 log's ID.
    @Test func rejectsTheWrongLogKey() throws {
        let root = try TrustRootFixture.publicGood.get()
        let leaf = try Fixture.certificate("fulcio-public-good-2024-03-19.pem")
        let right = try #require(root.log("https://ctfe.sigstore.dev/2022"))
        let wrongKey = try #require(root.log("https://ctfe.sigstore.dev/test")).publicKey
        let impostor = try TrustedCTLog(publicKey: wrongKey, logID: right.logID)
        let error = #expect(throws: CTError.self) { try SCTVerifier(trustedLogs: [impostor]).verifyEmbeddedSCTs(in: leaf, issuer: root.issuer(of: leaf)) }
        #expect(error?.code == .invalidSignature)
    }

    @Test func rejectsTheWrongIssuer() throws {
        let leaf = try Fixture.certificate("fulcio-public-good-2024-03-19.pem")
        let publicGood = try TrustRootFixture.publicGood.get()
        let intermediate = try publicGood.issuer(of: leaf)
        let wrongIssuers = try publicGood.certificates.filter { $0 != intermediate } + [TrustRootFixture.staging.get().issuer(of: Fixture.certificate("fulcio-staging-2025-06-09.pem"))]
        #expect(wrongIssuers.count >= 3)
        for wrong in wrongIssuers {
            let error = #expect(throws: CTError.self) { try SCTVerifier(trustedLogs: publicGood.logs).verifyEmbeddedSCTs(in: leaf, issuer: wrong) }
            #expect(error?.code == .invalidSignature)
        }
    }

    /// Ways to tamper with a real leaf (`fulcio-public-good-2022-10-24.pem`) and the code each must give.
    enum Tamper: String, CaseIterable, Sendable {
        case sanEmail, notAfter, sctSignatureBit, sctTimestamp, sctHashSHA384, sctSignatureEd25519, sctClaimsRSA, sctLogID, sctVersion, sctLengthOneLong

        var expectedCode: CTError.Code {
            switch self {
            case .sanEmail, .notAfter, .sctSignatureBit, .sctTimestamp, .sctClaimsRSA: .invalidSignature
            case .sctHashSHA384, .sctSignatureEd25519, .sctVersion: .unsupportedAlgorithm
            case .sctLogID: .unknownLog
            case .sctLengthOneLong: .malformedEncoding
            }
        }

        func apply(to der: [UInt8], sct: [UInt8]) -> [UInt8] {
            var changed = sct
            switch self {
            case .sanEmail: return replacing(Array("brian@dehamer.com".utf8), with: Array("brian@dehamer.org".utf8), in: der)
            case .notAfter: return replacing(Array("221024200047Z".utf8), with: Array("221024200048Z".utf8), in: der)
            case .sctSignatureBit: changed = sct.flippingBit(at: sct.count - 1)
            case .sctTimestamp: changed = sct.flippingBit(at: 40)
            case .sctHashSHA384: changed[43] = 5
            case .sctSignatureEd25519: changed[44] = 7
            case .sctClaimsRSA: changed[44] = 1
            case .sctLogID: changed = sct.flippingBit(at: 1)
            case .sctVersion: changed[0] = 1
            case .sctLengthOneLong: changed[46] += 1
            }
            return replacing(sct, with: changed, in: der)
        }
    }

    /// Tampering with any signed byte of the leaf, or with the SCT, fails with the right code.
    @Test(arguments: Tamper.allCases)
    func rejectsTamperedCertificates(_ tamper: Tamper) throws {
        let root = try TrustRootFixture.publicGood.get()
        let original = try Fixture.certificate("fulcio-public-good-2022-10-24.pem")
        let sct = try #require(try original.extensions.signedCertificateTimestampList?.timestamps.first).tlsEncoded
        let der = try Fixture.der("fulcio-public-good-2022-10-24.pem")
        let tampered = tamper.apply(to: der, sct: sct)
        #expect(tampered != der)
        let leaf = try Certificate(derEncoded: tampered)
        let error = #expect(throws: CTError.self) { try SCTVerifier(trustedLogs: root.logs).verifyEmbeddedSCTs(in: leaf, issuer: root.issuer(of: original)) }
        #expect(error?.code == tamper.expectedCode)
    }

    @Test func rejectsACertificateWithoutSCTs() throws {
        let ca = try TestCA()
        let error = #expect(throws: CTError.self) { try SCTVerifier(trustedLogs: []).verifyEmbeddedSCTs(in: ca.issue(extensions: []), issuer: ca.certificate) }
        #expect(error?.code == .missingExtension)
    }

    @Test func rejectsAnEmptySCTList() throws {
        let ca = try TestCA()
        let empty = Certificate.Extension(oid: SignedCertificateTimestampList.oid, critical: false, value: [0x04, 0x02, 0x00, 0x00])
        let error = #expect(throws: CTError.self) { try SCTVerifier(trustedLogs: []).verifyEmbeddedSCTs(in: ca.issue(extensions: [empty]), issuer: ca.certificate) }
        #expect(error?.code == .malformedEncoding)
    }

    /// Sigstore allows exactly one SCT: two copies of a valid one are refused before any signature check.
    @Test func enforcesTheSigstoreCountOfOne() throws {
        let root = try TrustRootFixture.publicGood.get()
        let real = try Fixture.certificate("fulcio-public-good-2024-03-19.pem")
        let sct = try #require(try real.extensions.signedCertificateTimestampList?.timestamps.first)
        let ca = try TestCA()
        let twice = try ca.issue(extensions: [SignedCertificateTimestampList([sct, sct]).makeCertificateExtension()])
        let error = #expect(throws: CTError.self) { try SCTVerifier(trustedLogs: root.logs).verifyEmbeddedSCTs(in: twice, issuer: ca.certificate) }
        #expect(error?.code == .unexpectedSCTCount)
        // With a threshold policy the count is fine, and the signatures (over another TBS) are what fail.
        let thresholdError = #expect(throws: CTError.self) {
            try SCTVerifier(trustedLogs: root.logs).verifyEmbeddedSCTs(in: twice, issuer: ca.certificate, policy: .atLeast(1))
        }
        #expect(thresholdError?.code == .invalidSignature)
    }

    /// certificate-transparency's `TestEmbeddedCertPEM` verifies with the test log; its
    /// `TestInvalidEmbeddedCertPEM` (another precert's SCT) does not.
    @Test(arguments: [("ct-test-embedded-cert.pem", true), ("ct-test-invalid-embedded-cert.pem", false)])
    func verifiesTheRFC6962EmbeddedTestCertificates(_ name: String, _ valid: Bool) throws {
        let verifier = SCTVerifier(trustedLogs: [try Fixture.testLog()])
        let verify = { try verifier.verifyEmbeddedSCTs(tbsCertificate: Fixture.tbs(name), issuerTBSCertificate: Fixture.tbs("ct-ca-cert.pem"), policy: .sigstore) }
        if valid {
            #expect(try verify().first?.timestamp.timestamp == 1_365_181_456_275)
        } else {
            let error = #expect(throws: CTError.self) { try verify() }
            #expect(error?.code == .invalidSignature)
        }
    }

    /// The detached RFC 6962 test SCTs: `TestCertProof` over the certificate and
    /// `TestPreCertProof` over the precert entry; each fails for the other's entry.
    @Test func verifiesDetachedTestSCTs() throws {
        let verifier = SCTVerifier(trustedLogs: [try Fixture.testLog()])
        let certificateEntry = SignedEntry.x509(certificate: try Fixture.der("ct-test-cert.pem"))
        let precertEntry = SignedEntry.precertificate(issuerKeyHash: try Fixture.vector("issuerKeyHash"), tbsCertificate: try Fixture.vector("precertTBSWithoutPoison"))
        let certificateSCT = try SignedCertificateTimestamp(tlsEncoded: Fixture.vector("testCertProof"))
        let precertSCT = try SignedCertificateTimestamp(tlsEncoded: Fixture.vector("testPreCertProof"))
        #expect(try verifier.verify(certificateSCT, for: certificateEntry).log.logID == (try Fixture.vector("testLogKeyID")))
        #expect(try verifier.verify(precertSCT, for: precertEntry).timestamp == precertSCT)
        for (sct, entry) in [(certificateSCT, precertEntry), (precertSCT, certificateEntry)] {
            let error = #expect(throws: CTError.self) { try verifier.verify(sct, for: entry) }
            #expect(error?.code == .invalidSignature)
        }
        let invalid = try SignedCertificateTimestamp(tlsEncoded: Fixture.vector("testInvalidProof"))
        #expect(throws: CTError.self) { try verifier.verify(invalid, for: precertEntry) }
    }

    static func root(for name: String) throws -> TrustRootFixture {
        try (name.contains("staging") ? TrustRootFixture.staging : TrustRootFixture.publicGood).get()
    }
}

/// `der` with the single occurrence of `old` replaced by `new` (same length).
func replacing(_ old: [UInt8], with new: [UInt8], in der: [UInt8]) -> [UInt8] {
    precondition(old.count == new.count)
    guard let range = der.firstRange(of: old) else { return der }
    var copy = der
    copy.replaceSubrange(range, with: new)
    return copy
}
