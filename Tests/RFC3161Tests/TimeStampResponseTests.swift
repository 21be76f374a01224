import Foundation
import RFC3161
import SwiftASN1
import Testing

@Suite struct TimeStampResponseTests {
    static let grantedReplies = ["reply-ec.tsr", "reply-ec-nocert.tsr", "reply-ec-sha512.tsr", "reply-ec-policy.tsr", "reply-rsa.tsr"]

    @Test("parses granted openssl replies", arguments: grantedReplies)
    func parsesGranted(_ file: String) throws {
        let response = try TimeStampResponse(bytes: Fixture.bytes(file))
        #expect(response.status.status == .granted)
        #expect(response.status.isGranted)
        let token = try #require(response.timeStampToken)
        #expect(token.contentType == .TimeStamping.signedData)
        let signedData = try token.signedData()
        #expect(signedData.version == 3)
        #expect(signedData.encapsulatedContentInfo.eContentType == .TimeStamping.tstInfo)
        #expect(signedData.signerInfos.count == 1)
    }

    @Test("re-encodes openssl replies byte for byte", arguments: grantedReplies + ["reply-rejection.tsr"])
    func roundTrips(_ file: String) throws {
        let bytes = try Fixture.bytes(file)
        #expect(try TimeStampResponse(bytes: bytes).derEncoded() == bytes)
    }

    @Test func embedsCertificatesOnlyWhenAsked() throws {
        let withCertificates = try TimeStampResponse(bytes: Fixture.bytes("reply-ec.tsr")).timeStampToken?.signedData()
        let without = try TimeStampResponse(bytes: Fixture.bytes("reply-ec-nocert.tsr")).timeStampToken?.signedData()
        #expect(withCertificates?.certificates == (try Fixture.chain("ec-chain.pem")))
        #expect(without?.certificates == nil)
    }

    @Test func parsesOpenSSLRejection() throws {
        let response = try TimeStampResponse(bytes: Fixture.bytes("reply-rejection.tsr"))
        #expect(response.status.status == .rejection)
        #expect(response.status.failInfo == .badAlgorithm)
        #expect(response.status.statusString == ["Message digest algorithm is not supported."])
        #expect(response.timeStampToken == nil)
    }

    @Test func rejectionForErrorCarriesFailInfo() throws {
        let response = TimeStampResponse.rejection(for: TimestampError(.unacceptedPolicy, "policy 1.2.3 is not accepted"))
        let parsed = try TimeStampResponse(bytes: response.derEncoded())
        #expect(parsed.status.status == .rejection)
        #expect(parsed.status.failInfo == .unacceptedPolicy)
        #expect(parsed.status.statusString == ["policy 1.2.3 is not accepted"])
    }

    @Test func openSSLReadsOurRejection() throws {
        let directory = try OpenSSL.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let response = TimeStampResponse.rejection([.badAlgorithm, .unacceptedExtension], reason: "no SHA-1")
        try Data(response.derEncoded()).write(to: directory.appendingPathComponent("rejection.tsr"))
        let result = try OpenSSL.run(["ts", "-reply", "-in", "rejection.tsr", "-text"], in: directory)
        #expect(result.status == 0)
        #expect(result.output.contains("Status: Rejected."))
        #expect(result.output.contains("Status description: no SHA-1"))
        #expect(result.output.contains("unrecognized or unsupported algorithm identifier"))
        #expect(result.output.contains("the requested extension is not supported by the TSA"))
    }

    @Test("rejects garbage and every truncation with malformedEncoding")
    func rejectsTruncation() throws {
        let bytes = try Fixture.bytes("reply-ec.tsr")
        for length in stride(from: 0, to: bytes.count, by: 7) {
            let error = #expect(throws: TimestampError.self) { try TimeStampResponse(bytes: bytes.prefix(length)) }
            #expect(error?.code == .malformedEncoding)
        }
        let error = #expect(throws: TimestampError.self) { try TimeStampResponse(bytes: [0x30, 0x00]) }
        #expect(error?.code == .malformedEncoding)
    }
}
