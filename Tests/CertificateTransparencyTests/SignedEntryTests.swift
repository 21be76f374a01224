@testable import CertificateTransparency
import Crypto
import Foundation
import SigstoreCrypto
import SwiftASN1
import Testing
import X509

@Suite struct SignedEntryTests {
    /// The precert entry of `TestPreCertPEM` under `CACertPEM` is chromium's
    /// `kDefaultIssuerKeyHash` with `kDefaultDerTbsCert`.
    @Test func buildsTheRFC6962TestPrecertEntry() throws {
        let entry = try SignedEntry(
            precertificateTBS: Fixture.tbs("ct-test-precert.pem"),
            issuerTBS: Fixture.tbs("ct-ca-cert.pem"),
            removing: PrecertificatePoison.oid
        )
        #expect(entry == .precertificate(issuerKeyHash: try Fixture.vector("issuerKeyHash"), tbsCertificate: try Fixture.vector("precertTBSWithoutPoison")))
        #expect(entry.entryType == 1)
    }

    /// The entry rebuilt from the final certificate is the one the log signed for the precertificate.
    @Test func rebuildsThePrecertEntryFromTheFinalCertificate() throws {
        let issuer = try Fixture.tbs("ct-ca-cert.pem")
        let fromPrecert = try SignedEntry(precertificateTBS: Fixture.tbs("ct-test-precert.pem"), issuerTBS: issuer, removing: PrecertificatePoison.oid)
        let fromFinal = try SignedEntry(
            precertificateTBS: Fixture.tbs("ct-test-embedded-cert.pem"), issuerTBS: issuer, removing: SignedCertificateTimestampList.oid)
        #expect(fromPrecert == fromFinal)
    }

    /// certificate-transparency-go `TestCertB64LeafHash` and `TestPreCertB64LeafHash`:
    /// SHA-256(0x00 ‖ MerkleTreeLeaf) for each test SCT.
    @Test func hashesMerkleLeavesLikeTheReferenceLog() throws {
        let certificateEntry = SignedEntry.x509(certificate: try Fixture.der("ct-test-cert.pem"))
        let certificateSCT = try SignedCertificateTimestamp(tlsEncoded: Fixture.vector("testCertProof"))
        #expect(Self.leafHash(try certificateSCT.merkleTreeLeaf(for: certificateEntry)) == (try Fixture.base64Vector("testCertLeafHash")))

        let precertEntry = SignedEntry.precertificate(issuerKeyHash: try Fixture.vector("issuerKeyHash"), tbsCertificate: try Fixture.vector("precertTBSWithoutPoison"))
        let precertSCT = try SignedCertificateTimestamp(tlsEncoded: Fixture.vector("testPreCertProof"))
        #expect(Self.leafHash(try precertSCT.merkleTreeLeaf(for: precertEntry)) == (try Fixture.base64Vector("testPreCertLeafHash")))
    }

    @Test func laysOutTheSignedDataAsRFC6962Section3_2() throws {
        let certificate = try Fixture.der("ct-test-cert.pem")
        let sct = try SignedCertificateTimestamp(tlsEncoded: Fixture.vector("testCertProof"))
        let data = try sct.signedData(for: .x509(certificate: certificate))
        let header: [UInt8] = [0x00, 0x00] + [0x00, 0x00, 0x01, 0x3D, 0xDB, 0x27, 0xDE, 0xD9] + [0x00, 0x00] + [0x00, 0x02, 0xCE]
        #expect(Array(data.prefix(header.count)) == header)
        #expect(Array(data[header.count..<(header.count + certificate.count)]) == certificate)
        #expect(Array(data.suffix(2)) == [0x00, 0x00])
        #expect(data.count == header.count + certificate.count + 2)
    }

    @Test func encodesACertificateEntryAsTheCertificateDER() throws {
        let der = try Fixture.der("fulcio-public-good-2024-03-19.pem")
        let entry = try SignedEntry(certificate: Certificate(derEncoded: der))
        #expect(entry == .x509(certificate: der))
        #expect(entry.entryType == 0)
    }

    /// The entry's TBS is byte-identical to the TBS swift-certificates builds for the same
    /// leaf without the poison, and the hash is of the issuer's SPKI.
    @Test(arguments: [KeyAlgorithm.ecdsaP384, .ecdsaP256, .rsa(bits: 2048)])
    func bindsAPrecertificateToItsIssuersKey(_ algorithm: KeyAlgorithm) throws {
        let ca = try TestCA(algorithm)
        let precertificate = try ca.issue(extensions: [PrecertificatePoison().makeCertificateExtension()])
        let entry = try SignedEntry(precertificate: precertificate, issuer: ca.certificate)
        let withoutPoison = try ca.issue(extensions: [])
        #expect(entry == .precertificate(issuerKeyHash: ca.key.publicKey.keyID, tbsCertificate: Array(withoutPoison.tbsCertificateBytes)))
    }

    /// Issuers' key hashes are remembered by their whole TBS: many entries under one issuer all
    /// get its key, and another issuer of the same name with another key gets that one.
    @Test func eachEntryIsBoundToItsOwnIssuersKeyAcrossManyEntries() throws {
        let first = try TestCA(.ecdsaP256)
        let second = try TestCA(.ecdsaP256)
        #expect(first.certificate.subject == second.certificate.subject)
        for _ in 0..<3 {
            for ca in [first, second, first] {
                let precertificate = try ca.issue(extensions: [PrecertificatePoison().makeCertificateExtension()])
                let entry = try SignedEntry(precertificate: precertificate, issuer: ca.certificate)
                guard case .precertificate(let issuerKeyHash, _) = entry else {
                    Issue.record("not a precert_entry")
                    continue
                }
                #expect(issuerKeyHash == ca.key.publicKey.keyID)
            }
        }
    }

    @Test(arguments: [
        ("no poison", [Certificate.Extension](), CTError.Code.missingExtension),
        ("non-critical poison", [Certificate.Extension(oid: PrecertificatePoison.oid, critical: false, value: [0x05, 0x00])], .missingExtension),
        ("poison with a wrong value", [Certificate.Extension(oid: PrecertificatePoison.oid, critical: true, value: [0x04, 0x00])], .malformedEncoding),
    ])
    func refusesPrecertificatesWithoutAValidPoison(_ name: String, _ extensions: [Certificate.Extension], _ code: CTError.Code) throws {
        let ca = try TestCA()
        let certificate = try ca.issue(extensions: extensions)
        let error = #expect(throws: CTError.self, "\(name)") { try SignedEntry(precertificate: certificate, issuer: ca.certificate) }
        #expect(error?.code == code, "\(name)")
    }

    @Test func refusesAFinalCertificateWithoutAnSCTList() throws {
        let error = #expect(throws: CTError.self) {
            let ca = try TestCA()
            return try SignedEntry(finalCertificate: ca.issue(extensions: []), issuer: ca.certificate)
        }
        #expect(error?.code == .missingExtension)
    }

    @Test(arguments: [
        SignedEntry.x509(certificate: []),
        .precertificate(issuerKeyHash: Array(repeating: 0, count: 31), tbsCertificate: [0x30, 0x00]),
        .precertificate(issuerKeyHash: Array(repeating: 0, count: 32), tbsCertificate: []),
    ])
    func refusesEntriesWithLengthsRFC6962DoesNotAllow(_ entry: SignedEntry) throws {
        let sct = try SignedCertificateTimestamp(tlsEncoded: Fixture.vector("testCertProof"))
        let error = #expect(throws: CTError.self) { try sct.signedData(for: entry) }
        #expect(error?.code == .malformedEncoding)
        #expect(throws: CTError.self) { try sct.merkleTreeLeaf(for: entry) }
    }

    /// `ASN.1Cert` is `<1..2^24-1>`: one byte more does not fit the u24 length.
    @Test func refusesACertificateBeyondTheU24Length() throws {
        let sct = try SignedCertificateTimestamp(tlsEncoded: Fixture.vector("testCertProof"))
        let error = #expect(throws: CTError.self) { try sct.signedData(for: .x509(certificate: Array(repeating: 0, count: 1 << 24))) }
        #expect(error?.code == .malformedEncoding)
        #expect(try sct.signedData(for: .x509(certificate: Array(repeating: 0, count: (1 << 24) - 1))).count == 2 + 8 + 2 + 3 + (1 << 24) - 1 + 2)
    }

    static func leafHash(_ leaf: [UInt8]) -> [UInt8] {
        HashAlgorithm.sha256.hash([0x00] + leaf)
    }
}
