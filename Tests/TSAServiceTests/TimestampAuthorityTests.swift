import Foundation
import RFC3161
import SigstoreCrypto
import SwiftASN1
import Testing
import TSAService
import X509

@Suite struct TimestampAuthorityTests {
    static let now = Date(timeIntervalSince1970: 1_790_000_000)

    let key: PrivateKey
    let chain: TSACertificateChain
    let authority: TimestampAuthority

    init() throws {
        key = try PrivateKey.generate(.ecdsaP256)
        let rootKey = try PrivateKey.generate(.ecdsaP384)
        chain = try TSACertificateChain.generate(
            leafKey: key.publicKey,
            leafSubject: try DistinguishedName { CommonName("test-tsa") },
            rootKey: rootKey,
            rootSubject: try DistinguishedName { CommonName("test-tsa-root") },
            notValidBefore: Self.now.addingTimeInterval(-3600),
            notValidAfter: Self.now.addingTimeInterval(3600)
        )
        authority = try TimestampAuthority(signer: key, certificateChain: chain, clock: { Self.now })
    }

    var verifier: TimestampVerifier {
        get throws {
            TimestampVerifier(trustedAuthorities: [try TrustedTimestampAuthority(certificateChain: chain.certificates, validFrom: Self.now.addingTimeInterval(-60))])
        }
    }

    @Test func grantsADERRequestThatVerifiesAtTheClockTime() async throws {
        let signature = Array("signature bytes".utf8)
        let request = TimeStampRequest(hash: .sha256, digest: HashAlgorithm.sha256.hash(signature), nonce: 0x1234_5678_9ABC)
        let reply = try await authority.timestamp(query: try request.derEncoded())
        let verified = try await verifier.verify(reply, for: signature, expectedNonce: request.nonce)
        #expect(verified.genTime == Self.now)
        #expect(verified.tstInfo.policy == .TimeStamping.sigstoreDefaultPolicy)
    }

    @Test(arguments: [HashAlgorithm.sha256, .sha384, .sha512])
    func echoesTheImprintOfEverySupportedHash(_ hash: HashAlgorithm) async throws {
        let signature = Array("payload".utf8)
        let request = TimeStampRequest(hash: hash, digest: hash.hash(signature), nonce: 7)
        let reply = try await authority.timestamp(query: try request.derEncoded())
        let verified = try await verifier.verify(reply, for: signature, expectedNonce: request.nonce)
        #expect(verified.tstInfo.messageImprint == request.messageImprint)
    }

    @Test func everyTokenHasItsOwnSerialNumber() async throws {
        let request = TimeStampRequest(hash: .sha256, digest: HashAlgorithm.sha256.hash([1, 2, 3]), nonce: 1)
        var serials: Set<[UInt8]> = []
        for _ in 0..<20 {
            let reply = try await authority.timestamp(query: try request.derEncoded())
            let verified = try await verifier.verify(reply, for: [1, 2, 3] as [UInt8])
            serials.insert(Array(verified.tstInfo.serialNumber.bytes))
        }
        #expect(serials.count == 20)
    }

    @Test func grantsTheJSONRequestForm() async throws {
        let signature = Array("json form".utf8)
        let digest = Data(HashAlgorithm.sha384.hash(signature)).base64EncodedString()
        let body = #"{"artifactHash":"\#(digest)","hashAlgorithm":"sha384","nonce":42,"certificates":true}"#
        let reply = try await authority.timestamp(jsonRequest: Array(body.utf8))
        let verified = try await verifier.verify(reply, for: signature, expectedNonce: [42])
        #expect(verified.genTime == Self.now)
    }

    @Test func aTamperedTokenDoesNotVerify() async throws {
        let signature = Array("signature".utf8)
        let request = TimeStampRequest(hash: .sha256, digest: HashAlgorithm.sha256.hash(signature), nonce: 9)
        let reply = try await authority.timestamp(query: try request.derEncoded())
        await #expect(throws: TimestampError.self) {
            _ = try await verifier.verify(reply, for: Array("other signature".utf8))
        }
    }

    static let badQueries: [(String, [UInt8])] = [
        ("empty body", []),
        ("garbage", Array("not DER at all".utf8)),
        ("truncated sequence", [0x30, 0x82, 0x01]),
    ]

    @Test(arguments: badQueries)
    func rejectsMalformedDER(_ name: String, _ body: [UInt8]) async throws {
        await #expect(throws: TimestampServiceError.self) { _ = try await authority.timestamp(query: body) }
    }

    @Test func rejectsADigestWhoseLengthDoesNotMatchItsHash() async throws {
        let request = TimeStampRequest(hash: .sha256, digest: Array(repeating: 7, count: 20), nonce: 1)
        let error = await #expect(throws: TimestampServiceError.self) { _ = try await authority.timestamp(query: try request.derEncoded()) }
        #expect(error?.code == .invalidRequest)
    }

    @Test func rejectsAnUnacceptedPolicy() async throws {
        var request = TimeStampRequest(hash: .sha256, digest: HashAlgorithm.sha256.hash([1]), nonce: 1)
        request.requestedPolicy = [1, 2, 3, 4]
        let error = await #expect(throws: TimestampServiceError.self) { _ = try await authority.timestamp(query: try request.derEncoded()) }
        #expect(error?.code == .invalidRequest)
    }

    static let digest = Data(repeating: 1, count: 32).base64EncodedString()
    static let badJSON: [(String, String)] = [
        ("SHA-1", #"{"artifactHash":"AAAA","hashAlgorithm":"sha1"}"#),
        ("unknown hash", #"{"artifactHash":"AAAA","hashAlgorithm":"md5"}"#),
        ("bad base64", #"{"artifactHash":"%%%","hashAlgorithm":"sha256"}"#),
        ("missing artifactHash", #"{"hashAlgorithm":"sha256"}"#),
        ("negative nonce", #"{"artifactHash":"\#(digest)","hashAlgorithm":"sha256","nonce":-5}"#),
        ("bad policy", #"{"artifactHash":"\#(digest)","hashAlgorithm":"sha256","tsaPolicyOID":"not.an.oid"}"#),
        ("nonce as string", #"{"artifactHash":"\#(digest)","hashAlgorithm":"sha256","nonce":"12"}"#),
        ("array", "[1,2,3]"),
        ("truncated", "{"),
        ("oversized", #"{"artifactHash":"\#(String(repeating: "A", count: 2000))","hashAlgorithm":"sha256"}"#),
    ]

    @Test(arguments: badJSON)
    func rejectsBadJSONRequests(_ name: String, _ body: String) async throws {
        let error = await #expect(throws: TimestampServiceError.self) { _ = try await authority.timestamp(jsonRequest: Array(body.utf8)) }
        #expect(error?.code == .invalidRequest)
    }

    @Test func servesTheChainAsPEMLeafFirst() throws {
        let pem = try authority.certificateChainPEM()
        let parsed = try TSACertificateChain(pemEncoded: pem)
        #expect(parsed.certificates == chain.certificates)
    }

    @Test func refusesASignerThatDoesNotMatchTheLeaf() throws {
        let stranger = try PrivateKey.generate(.ecdsaP256)
        #expect(throws: (any Error).self) { _ = try TimestampAuthority(signer: stranger, certificateChain: chain) }
    }
}
