import CertificateTransparency
import SwiftASN1
import Testing
import X509

@Suite struct SignedCertificateTimestampListTests {
    static let fulcioLeaves = [
        "fulcio-public-good-2022-10-24.pem",
        "fulcio-public-good-2024-03-19.pem",
        "fulcio-public-good-2025-02-04.pem",
        "fulcio-public-good-2026-05-13.pem",
        "fulcio-staging-2022-10-13-rsa-sct.pem",
        "fulcio-staging-2024-04-02.pem",
        "fulcio-staging-2025-06-09.pem",
    ]

    /// Parsing and re-encoding a real Fulcio extension gives back its exact bytes, in the
    /// last position Fulcio puts it.
    @Test(arguments: fulcioLeaves)
    func reencodesRealFulcioExtensionsByteForByte(_ name: String) throws {
        let certificate = try Fixture.certificate(name)
        let original = try #require(certificate.extensions[oid: SignedCertificateTimestampList.oid])
        let list = try SignedCertificateTimestampList(original)
        #expect(list.timestamps.count == 1)
        #expect(certificate.extensions.last?.oid == SignedCertificateTimestampList.oid)
        let rebuilt = try list.makeCertificateExtension()
        #expect(rebuilt.critical == false)
        #expect(rebuilt.value == original.value)
        #expect(try certificate.extensions.signedCertificateTimestampList == list)
    }

    /// `TestEmbeddedCertPEM`'s list carries exactly `TestPreCertProof`.
    @Test func holdsTheRFC6962TestProof() throws {
        let value: [UInt8] = [0x04, 0x7A, 0x00, 0x78, 0x00, 0x76] + (try Fixture.vector("testPreCertProof"))
        let list = try SignedCertificateTimestampList(Certificate.Extension(oid: SignedCertificateTimestampList.oid, critical: false, value: value[...]))
        #expect(list.timestamps == [try SignedCertificateTimestamp(tlsEncoded: Fixture.vector("testPreCertProof"))])
        #expect(try Fixture.der("ct-test-embedded-cert.pem").hex.contains(value.hex))
    }

    @Test func encodesSeveralSCTsInOrder() throws {
        let first = try SignedCertificateTimestamp(tlsEncoded: Fixture.vector("testCertProof"))
        let second = try SignedCertificateTimestamp(tlsEncoded: Fixture.vector("testPreCertProof"))
        let list = try SignedCertificateTimestampList([first, second])
        let encoded = list.tlsEncoded
        #expect(encoded.count == 2 + 2 + first.tlsEncoded.count + 2 + second.tlsEncoded.count)
        #expect(Array(encoded[0..<4]) == [0x00, 0xF0, 0x00, 0x76])
        #expect(try SignedCertificateTimestampList(tlsEncoded: encoded).timestamps == [first, second])
    }

    @Test func rejectsAnEmptyList() {
        let error = #expect(throws: CTError.self) { try SignedCertificateTimestampList([]) }
        #expect(error?.code == .malformedEncoding)
    }

    static let malformed: [(name: String, bytes: @Sendable ([UInt8]) -> [UInt8])] = [
        ("empty input", { _ in [] }),
        ("empty list", { _ in [0x00, 0x00] }),
        ("zero-length SCT", { _ in [0x00, 0x02, 0x00, 0x00] }),
        ("list length one short", { sct in [0x00, UInt8(sct.count + 1), 0x00, UInt8(sct.count)] + sct }),
        ("list length one long", { sct in [0x00, UInt8(sct.count + 3), 0x00, UInt8(sct.count)] + sct }),
        ("SCT length one short", { sct in [0x00, UInt8(sct.count + 2), 0x00, UInt8(sct.count - 1)] + sct }),
        ("trailing byte after the list", { sct in [0x00, UInt8(sct.count + 2), 0x00, UInt8(sct.count)] + sct + [0x00] }),
        ("truncated SCT", { sct in [0x00, UInt8(sct.count + 1), 0x00, UInt8(sct.count - 1)] + sct.dropLast() }),
    ]

    @Test(arguments: malformed)
    func rejectsMalformedLists(_ testCase: (name: String, bytes: @Sendable ([UInt8]) -> [UInt8])) throws {
        let sct = try Fixture.vector("testCertProof")
        let error = #expect(throws: CTError.self, "\(testCase.name)") { try SignedCertificateTimestampList(tlsEncoded: testCase.bytes(sct)) }
        #expect(error?.code == .malformedEncoding, "\(testCase.name)")
    }

    @Test(arguments: [
        ("raw TLS without the OCTET STRING", { @Sendable (list: [UInt8]) in list }),
        ("OCTET STRING with a trailing byte", { @Sendable (list: [UInt8]) in [0x04, UInt8(list.count)] + list + [0x00] }),
        ("BIT STRING instead of OCTET STRING", { @Sendable (list: [UInt8]) in [0x03, UInt8(list.count + 1), 0x00] + list }),
    ] as [(String, @Sendable ([UInt8]) -> [UInt8])])
    func rejectsExtensionValuesThatAreNotOneOctetString(_ name: String, _ wrap: @Sendable ([UInt8]) -> [UInt8]) throws {
        let list = try SignedCertificateTimestampList([SignedCertificateTimestamp(tlsEncoded: Fixture.vector("testCertProof"))]).tlsEncoded
        let value = wrap(list)
        let error = #expect(throws: CTError.self, "\(name)") {
            try SignedCertificateTimestampList(Certificate.Extension(oid: SignedCertificateTimestampList.oid, critical: false, value: value[...]))
        }
        #expect(error?.code == .malformedEncoding, "\(name)")
    }

    @Test func rejectsAnotherExtension() {
        let error = #expect(throws: CTError.self) { try SignedCertificateTimestampList(PrecertificatePoison().makeCertificateExtension()) }
        #expect(error?.code == .missingExtension)
    }
}
