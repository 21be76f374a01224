import CertificateTransparency
import Foundation
import Testing
import X509

@Suite struct SignedCertificateTimestampTests {
    /// certificate-transparency-go `TestCertProof`: the test log's SCT for `TestCertPEM`.
    @Test func decodesTheRFC6962TestVector() throws {
        let encoded = try Fixture.vector("testCertProof")
        let sct = try SignedCertificateTimestamp(tlsEncoded: encoded)
        #expect(sct.logID == (try Fixture.vector("testLogKeyID")))
        #expect(sct.timestamp == 1_365_181_456_089)  // Fri Apr  5 17:04:16.089 2013 UTC
        #expect(sct.extensions.isEmpty)
        #expect(sct.signature.hashAlgorithm == .sha256)
        #expect(sct.signature.signatureAlgorithm == .ecdsa)
        #expect(sct.signature.signature.hex.hasPrefix("30450220606e10ae"))
        #expect(sct.tlsEncoded == encoded)
    }

    @Test func decodesTheSCTsEmbeddedInRealFulcioCertificates() throws {
        let certificate = try Fixture.certificate("fulcio-public-good-2025-02-04.pem")
        let sct = try #require(try certificate.extensions.signedCertificateTimestampList?.timestamps.first)
        #expect(sct.logID.hex == "dd3d306ac6c7113263191e1c99673702a24a5eb8de3cadff878a72802f29ee8e")
        #expect(sct.timestamp == 1_738_701_347_184)  // openssl: Feb  4 20:35:47.184 2025 GMT
        #expect(sct.date == Date(timeIntervalSince1970: 1_738_701_347.184))
        #expect(sct.signature.signature.count == 70)
    }

    @Test func roundTripsEveryField() throws {
        let sct = try SignedCertificateTimestamp(
            logID: Array(repeating: 0xAB, count: 32),
            timestamp: .max,
            extensions: [0x00, 0x00, 0x05, 0x00, 0x00, 0x00, 0x00, 0x2A],
            signature: DigitallySigned(hashAlgorithm: .sha256, signatureAlgorithm: .rsa, signature: [1, 2, 3])
        )
        let encoded = sct.tlsEncoded
        #expect(encoded.count == 1 + 32 + 8 + 2 + 8 + 4 + 3)
        #expect(Array(encoded[41..<43]) == [0x00, 0x08])
        #expect(try SignedCertificateTimestamp(tlsEncoded: encoded) == sct)
    }

    /// Table of malformed TLS encodings, each derived from the valid test vector.
    static let malformed: [(name: String, mutate: @Sendable ([UInt8]) -> [UInt8], code: CTError.Code)] = [
        ("empty", { _ in [] }, .malformedEncoding),
        ("version only", { Array($0.prefix(1)) }, .malformedEncoding),
        ("truncated log ID", { Array($0.prefix(20)) }, .malformedEncoding),
        ("truncated timestamp", { Array($0.prefix(37)) }, .malformedEncoding),
        ("missing extensions length", { Array($0.prefix(41)) }, .malformedEncoding),
        ("missing DigitallySigned", { Array($0.prefix(43)) }, .malformedEncoding),
        ("missing signature length", { Array($0.prefix(45)) }, .malformedEncoding),
        ("truncated signature", { $0.dropLast() }, .malformedEncoding),
        ("trailing byte", { $0 + [0] }, .malformedEncoding),
        ("extensions length past the end", { var b = $0; b[41] = 0xFF; return b }, .malformedEncoding),
        ("signature length one short", { var b = $0; b[46] -= 1; return b }, .malformedEncoding),
        ("signature length one long", { var b = $0; b[46] += 1; return b }, .malformedEncoding),
        ("version 1 (RFC 6962-bis)", { var b = $0; b[0] = 1; return b }, .unsupportedAlgorithm),
    ]

    @Test(arguments: malformed)
    func rejectsMalformedTLS(_ testCase: (name: String, mutate: @Sendable ([UInt8]) -> [UInt8], code: CTError.Code)) throws {
        let bytes = testCase.mutate(try Fixture.vector("testCertProof"))
        let error = #expect(throws: CTError.self, "\(testCase.name)") { try SignedCertificateTimestamp(tlsEncoded: bytes) }
        #expect(error?.code == testCase.code, "\(testCase.name)")
    }

    @Test func rejectsALogIDThatIsNot32Bytes() throws {
        let signature = try DigitallySigned(hashAlgorithm: .sha256, signatureAlgorithm: .ecdsa, signature: [])
        let error = #expect(throws: CTError.self) {
            try SignedCertificateTimestamp(logID: [1, 2, 3], timestamp: 0, signature: signature)
        }
        #expect(error?.code == .malformedEncoding)
    }

    @Test func rejectsExtensionsBeyondTheTLSLength() throws {
        let signature = try DigitallySigned(hashAlgorithm: .sha256, signatureAlgorithm: .ecdsa, signature: [])
        let error = #expect(throws: CTError.self) {
            try SignedCertificateTimestamp(logID: Array(repeating: 0, count: 32), timestamp: 0, extensions: Array(repeating: 0, count: 65_536), signature: signature)
        }
        #expect(error?.code == .malformedEncoding)
    }

    @Test(arguments: [
        (Date(timeIntervalSince1970: 1_365_181_456.089), UInt64(1_365_181_456_089)),
        (Date(timeIntervalSince1970: 1_738_701_347.1849), UInt64(1_738_701_347_184)),
        (Date(timeIntervalSince1970: 0), UInt64(0)),
    ])
    func convertsDatesToMilliseconds(_ date: Date, _ milliseconds: UInt64) throws {
        #expect(try SignedCertificateTimestamp.timestamp(for: date) == milliseconds)
    }

    @Test func rejectsDatesBefore1970() {
        let error = #expect(throws: CTError.self) { try SignedCertificateTimestamp.timestamp(for: Date(timeIntervalSince1970: -1)) }
        #expect(error?.code == .malformedEncoding)
    }
}
