import Foundation
import RFC3161
import SigstoreCrypto
import SwiftASN1
import Testing
import X509

@Suite struct TSTInfoTests {
    static func tstInfo(_ reply: String) throws -> (TSTInfo, [UInt8]) {
        let response = try TimeStampResponse(bytes: Fixture.bytes(reply))
        let content = try #require(try response.timeStampToken?.signedData().encapsulatedContentInfo.eContent)
        return (try TSTInfo(derEncoded: content), content)
    }

    @Test func readsEveryFieldOfAFullOpenSSLToken() throws {
        let (info, _) = try Self.tstInfo("reply-ec.tsr")
        let request = try Fixture.request("query-sha256-cert.tsq")
        #expect(info.version == 1)
        #expect(info.policy == .TimeStamping.sigstoreDefaultPolicy)
        #expect(info.messageImprint == request.messageImprint)
        #expect(info.nonce == request.nonce)
        #expect(info.accuracy == Accuracy(seconds: 1, millis: 500, micros: 100))
        #expect(info.accuracy?.timeInterval == 1.5001)
        #expect(info.ordering)
        #expect(info.tsa == .directoryName(try Fixture.chain("ec-chain.pem")[0].subject))
        #expect(info.extensions == nil)
        #expect(!info.serialNumber.bytes.isEmpty)
        // clock_precision_digits = 3: at most millisecond digits.
        #expect(info.genTime.rawFractionalSeconds.count <= 3)
    }

    @Test func readsAMinimalOpenSSLToken() throws {
        let (info, _) = try Self.tstInfo("reply-rsa.tsr")
        #expect(info.messageImprint.hash == .sha384)
        #expect(info.accuracy == Accuracy(seconds: 1))
        #expect(!info.ordering)
        #expect(info.tsa == nil)
        #expect(info.genTime.rawFractionalSeconds.isEmpty)
    }

    @Test func readsRequestedPolicy() throws {
        #expect(try Self.tstInfo("reply-ec-policy.tsr").0.policy == [1, 2, 3, 4, 1])
        #expect(try Self.tstInfo("reply-ec-sha512.tsr").0.nonce == nil)
    }

    @Test("re-encodes OpenSSL TSTInfo byte for byte", arguments: TimeStampResponseTests.grantedReplies)
    func roundTrips(_ reply: String) throws {
        let (info, content) = try Self.tstInfo(reply)
        var coder = DER.Serializer()
        try coder.serialize(info)
        #expect(coder.serializedBytes == content)
    }

    @Test("genTime agrees with what openssl prints", arguments: ["reply-ec.tsr", "reply-rsa.tsr"])
    func genTimeMatchesOpenSSL(_ reply: String) throws {
        let (info, _) = try Self.tstInfo(reply)
        let result = try OpenSSL.run(["ts", "-reply", "-in", Fixture.url(reply).path, "-text"], in: FileManager.default.temporaryDirectory)
        let line = try #require(result.output.split(separator: "\n").first { $0.hasPrefix("Time stamp: ") })
        let printed = String(line.dropFirst("Time stamp: ".count))
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = printed.contains(".") ? "MMM d HH:mm:ss.SSS yyyy 'GMT'" : "MMM d HH:mm:ss yyyy 'GMT'"
        let expected = try #require(formatter.date(from: printed.replacingOccurrences(of: "  ", with: " ")))
        #expect(abs(info.generationDate.timeIntervalSince(expected)) < 0.0005)
    }
}
