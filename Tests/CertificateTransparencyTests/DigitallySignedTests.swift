import CertificateTransparency
import Testing

@Suite struct DigitallySignedTests {
    /// chromium `kTestDigitallySigned`: the DigitallySigned inside the RFC 6962 test SCT.
    @Test func decodesTheChromiumVector() throws {
        let encoded = [UInt8](hex: "0403004730450220606e10ae5c2d5a1b0aed49dc4937f48de71a4e9784e9c208dfbfe9ef536cf7f2022100beb29c72d7d06d61d06bdb38a069469aa86fe12e18bb7cc45689a2c0187ef5a5")
        let signed = try DigitallySigned(tlsEncoded: encoded)
        #expect(signed.hashAlgorithm == .sha256)
        #expect(signed.signatureAlgorithm == .ecdsa)
        #expect(signed.signature.count == 0x47)
        #expect(signed.tlsEncoded == encoded)
        #expect(try SignedCertificateTimestamp(tlsEncoded: Fixture.vector("testCertProof")).signature == signed)
    }

    @Test func keepsUnknownAlgorithmCodesForTheVerifierToReject() throws {
        let signed = try DigitallySigned(tlsEncoded: [0x02, 0x07, 0x00, 0x01, 0xAA])
        #expect(signed.hashAlgorithm == DigitallySigned.HashAlgorithm(rawValue: 2))
        #expect(signed.signatureAlgorithm.description == "signature(7)")
        #expect(signed.signature == [0xAA])
    }

    @Test(arguments: [
        [UInt8](),
        [0x04],
        [0x04, 0x03],
        [0x04, 0x03, 0x00],
        [0x04, 0x03, 0x00, 0x02, 0xAA],
        [0x04, 0x03, 0x00, 0x00, 0xAA],
    ])
    func rejectsMalformedEncodings(_ bytes: [UInt8]) {
        let error = #expect(throws: CTError.self) { try DigitallySigned(tlsEncoded: bytes) }
        #expect(error?.code == .malformedEncoding)
    }

    @Test func rejectsSignaturesBeyondTheTLSLength() {
        let error = #expect(throws: CTError.self) {
            try DigitallySigned(hashAlgorithm: .sha256, signatureAlgorithm: .rsa, signature: Array(repeating: 0, count: 65_536))
        }
        #expect(error?.code == .malformedEncoding)
    }
}
