import CertificateTransparency
import SwiftASN1
import Testing
import X509

@Suite struct PrecertificatePoisonTests {
    /// The poison exactly as it appears in certificate-transparency's `TestPreCertPEM`:
    /// `SEQUENCE { OID 1.3.6.1.4.1.11129.2.4.3, BOOLEAN TRUE, OCTET STRING { NULL } }`.
    static let testPrecertPoison = "3013060a2b06010401d6790204030101ff04020500"

    @Test func encodesLikeTheRFC6962TestPrecertificate() throws {
        var serializer = DER.Serializer()
        try serializer.serialize(PrecertificatePoison().makeCertificateExtension())
        #expect(serializer.serializedBytes.hex == Self.testPrecertPoison)
        #expect(try Fixture.der("ct-test-precert.pem").hex.contains(Self.testPrecertPoison))
    }

    @Test func acceptsTheExtensionItBuilds() throws {
        let poison = PrecertificatePoison().makeCertificateExtension()
        #expect(poison.critical)
        #expect(try PrecertificatePoison(poison) == PrecertificatePoison())
        let extensions = try Certificate.Extensions([poison])
        #expect(try extensions.precertificatePoison != nil)
    }

    @Test(arguments: [
        ("not critical", Certificate.Extension(oid: PrecertificatePoison.oid, critical: false, value: [0x05, 0x00]), CTError.Code.missingExtension),
        ("empty value", Certificate.Extension(oid: PrecertificatePoison.oid, critical: true, value: []), .malformedEncoding),
        ("NULL with content", Certificate.Extension(oid: PrecertificatePoison.oid, critical: true, value: [0x05, 0x01, 0x00]), .malformedEncoding),
        ("another OID", Certificate.Extension(oid: SignedCertificateTimestampList.oid, critical: true, value: [0x05, 0x00]), .missingExtension),
    ])
    func rejectsInvalidPoisons(_ name: String, _ extension: Certificate.Extension, _ code: CTError.Code) {
        let error = #expect(throws: CTError.self, "\(name)") { try PrecertificatePoison(`extension`) }
        #expect(error?.code == code, "\(name)")
    }

    @Test func findsNoPoisonInAFinalFulcioCertificate() throws {
        #expect(try Fixture.certificate("fulcio-public-good-2024-03-19.pem").extensions.precertificatePoison == nil)
    }
}
