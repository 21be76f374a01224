@testable import CertificateTransparency
import Crypto
import Foundation
import SigstoreCrypto
import SwiftASN1
import Testing
import X509

@Suite struct TBSCertificateTests {
    /// Removing the poison from certificate-transparency's `TestPreCertPEM` yields chromium's
    /// `kDefaultDerTbsCert` byte for byte: the TBS its test log signed.
    @Test func removesThePoisonLikeTheReferenceImplementation() throws {
        let tbs = try TBSCertificate(certificateDER: Fixture.der("ct-test-precert.pem")[...])
        #expect(tbs.extensions.map(\.oid) == [
            [2, 5, 29, 14], [2, 5, 29, 35], [2, 5, 29, 19], PrecertificatePoison.oid,
        ])
        #expect(tbs.extension(PrecertificatePoison.oid)?.critical == true)
        #expect(try tbs.removingExtension(PrecertificatePoison.oid) == Fixture.vector("precertTBSWithoutPoison"))
    }

    /// The final certificate's TBS without the SCT list is the same byte string.
    @Test func removesTheSCTListToTheSameBytes() throws {
        let tbs = try TBSCertificate(certificateDER: Fixture.der("ct-test-embedded-cert.pem")[...])
        #expect(try tbs.removingExtension(SignedCertificateTimestampList.oid) == Fixture.vector("precertTBSWithoutPoison"))
    }

    /// For real Fulcio certificates, the result re-parses and differs from the TBS only by the
    /// removed extension.
    @Test(arguments: SignedCertificateTimestampListTests.fulcioLeaves)
    func keepsEveryOtherFieldOfAFulcioCertificate(_ name: String) throws {
        let certificate = try Fixture.certificate(name)
        let original = certificate.tbsCertificateBytes
        let tbs = try TBSCertificate(derEncoded: original)
        let stripped = try tbs.removingExtension(SignedCertificateTimestampList.oid)
        let reparsed = try TBSCertificate(derEncoded: stripped[...])
        #expect(reparsed.leadingFields == tbs.leadingFields)
        #expect(reparsed.extensions.map(\.encoded) == tbs.extensions.dropLast().map(\.encoded))
        #expect(tbs.extensions.last?.oid == SignedCertificateTimestampList.oid)
        #expect(stripped == Self.assemble(leadingFields: tbs.leadingFields, extensions: tbs.extensions.dropLast().map { Array($0.encoded) }))
        // Everything before the extensions is one untouched run of bytes in both.
        let leading = tbs.leadingFields.map { Array($0).hex }.joined()
        #expect(Array(original).hex.contains(leading))
        #expect(stripped.hex.contains(leading))
    }

    @Test func omitsTheExtensionsFieldWhenTheLastExtensionGoes() throws {
        let poisonOnly = try Self.tbs(extensions: [PrecertificatePoison().makeCertificateExtension()])
        let stripped = try TBSCertificate(derEncoded: poisonOnly[...]).removingExtension(PrecertificatePoison.oid)
        let reparsed = try TBSCertificate(derEncoded: stripped[...])
        #expect(reparsed.extensions.isEmpty)
        guard case .constructed(let fields) = try DER.parse(stripped).content else { Issue.record("not constructed"); return }
        #expect(!fields.contains { $0.identifier == TBSCertificate.extensionsTag })
        #expect(Array(fields).count == reparsed.leadingFields.count)
    }

    @Test func reportsAMissingExtension() throws {
        let tbs = try TBSCertificate(certificateDER: Fixture.der("ct-test-cert.pem")[...])
        let error = #expect(throws: CTError.self) { try tbs.removingExtension(PrecertificatePoison.oid) }
        #expect(error?.code == .missingExtension)
    }

    @Test func findsTheSubjectPublicKeyInfo() throws {
        let issuer = try TBSCertificate(certificateDER: Fixture.der("ct-ca-cert.pem")[...])
        #expect(HashAlgorithm.sha256.hash(issuer.subjectPublicKeyInfo) == (try Fixture.vector("issuerKeyHash")))
    }

    @Test(arguments: [
        ("empty", [UInt8]()),
        ("not a SEQUENCE", [0x04, 0x00]),
        ("empty SEQUENCE", [0x30, 0x00]),
        ("trailing byte", [0x30, 0x00, 0x00]),
        ("BER indefinite length", [0x30, 0x80, 0x00, 0x00]),
    ])
    func rejectsMalformedDER(_ name: String, _ bytes: [UInt8]) {
        let error = #expect(throws: CTError.self, "\(name)") { try TBSCertificate(derEncoded: bytes[...]) }
        #expect(error?.code == .malformedEncoding, "\(name)")
    }

    @Test func rejectsRepeatedExtensions() throws {
        let tbs = try TBSCertificate(derEncoded: Self.tbs(extensions: [])[...])
        let poison = [UInt8](hex: PrecertificatePoisonTests.testPrecertPoison)
        let bytes = Self.assemble(leadingFields: tbs.leadingFields, extensions: [poison, poison])
        let error = #expect(throws: CTError.self) { try TBSCertificate(derEncoded: bytes[...]) }
        #expect(error?.code == .malformedEncoding)
        // The same fields with the extension once parse, so only the repetition is rejected.
        #expect(try TBSCertificate(derEncoded: Self.assemble(leadingFields: tbs.leadingFields, extensions: [poison])[...]).extensions.count == 1)
    }

    /// A TBSCertificate from raw field encodings; swift-certificates refuses to build repeated extensions.
    static func assemble(leadingFields: [ArraySlice<UInt8>], extensions: [[UInt8]]) -> [UInt8] {
        var serializer = DER.Serializer()
        serializer.appendConstructedNode(identifier: .sequence) { fields in
            for field in leadingFields { fields.serializeRawBytes(field) }
            fields.appendConstructedNode(identifier: ASN1Identifier(tagWithNumber: 3, tagClass: .contextSpecific)) { wrapper in
                wrapper.appendConstructedNode(identifier: .sequence) { list in
                    for ext in extensions { list.serializeRawBytes(ext) }
                }
            }
        }
        return serializer.serializedBytes
    }

    /// A small TBSCertificate with the given extensions, built through swift-certificates.
    static func tbs(extensions: [Certificate.Extension]) throws -> [UInt8] {
        let key = Certificate.PrivateKey(P256.Signing.PrivateKey())
        let name = try DistinguishedName { CommonName("tbs test") }
        let certificate = try Certificate(
            version: .v3,
            serialNumber: Certificate.SerialNumber(bytes: [1]),
            publicKey: key.publicKey,
            notValidBefore: Date(timeIntervalSince1970: 1_700_000_000),
            notValidAfter: Date(timeIntervalSince1970: 1_700_000_600),
            issuer: name,
            subject: name,
            signatureAlgorithm: .ecdsaWithSHA256,
            extensions: Certificate.Extensions(extensions),
            issuerPrivateKey: key
        )
        return Array(certificate.tbsCertificateBytes)
    }
}
