import Foundation
import RFC3161
import SigstoreCrypto
import SwiftASN1
import Testing

@Suite struct TimeStampRequestTests {
    struct QueryCase: Sendable, CustomTestStringConvertible {
        var file: String
        var hash: HashAlgorithm
        var certificateRequested: Bool
        var hasNonce: Bool
        var testDescription: String { file }
    }

    static let queries: [QueryCase] = [
        QueryCase(file: "query-sha256-cert.tsq", hash: .sha256, certificateRequested: true, hasNonce: true),
        QueryCase(file: "query-sha256-nocert.tsq", hash: .sha256, certificateRequested: false, hasNonce: true),
        QueryCase(file: "query-sha384.tsq", hash: .sha384, certificateRequested: true, hasNonce: true),
        QueryCase(file: "query-sha512-nononce.tsq", hash: .sha512, certificateRequested: false, hasNonce: false),
    ]

    @Test("parses openssl ts -query output", arguments: queries)
    func parsesOpenSSLQuery(_ query: QueryCase) throws {
        let request = try Fixture.request(query.file)
        #expect(request.version == 1)
        #expect(request.messageImprint.hash == query.hash)
        #expect(request.messageImprint.hashedMessage == query.hash.hash(try Fixture.data()))
        #expect(request.certificateRequested == query.certificateRequested)
        #expect((request.nonce != nil) == query.hasNonce)
        #expect(request.requestedPolicy == nil)
        #expect(request.extensions == nil)
        // OpenSSL writes hash identifiers with explicit NULL parameters.
        #expect(request.messageImprint.hashAlgorithm.parameters == (try ASN1Any(erasing: ASN1Null())))
    }

    @Test("re-encodes openssl queries byte for byte", arguments: queries.map(\.file) + ["query-policy.tsq", "query-sha1.tsq"])
    func roundTrips(_ file: String) throws {
        let bytes = try Fixture.bytes(file)
        #expect(try TimeStampRequest(bytes: bytes).derEncoded() == bytes)
    }

    @Test func readsRequestedPolicy() throws {
        let request = try Fixture.request("query-policy.tsq")
        #expect(request.requestedPolicy == [1, 2, 3, 4, 1])
    }

    @Test func sha1QueryParsesButIsNotAcceptedHash() throws {
        let request = try Fixture.request("query-sha1.tsq")
        #expect(request.messageImprint.hash == nil)
        let error = #expect(throws: TimestampError.self) { try request.messageImprint.validated() }
        #expect(error?.code == .unsupportedHashAlgorithm)
    }

    @Test func sigstoreClientRequestEncodesLikeOpenSSL() throws {
        // Same imprint, nonce and certReq as the OpenSSL query: the encodings must be identical.
        let openssl = try Fixture.request("query-sha256-cert.tsq")
        let nonce = try #require(openssl.nonce)
        let value = nonce.reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
        let ours = TimeStampRequest(hash: .sha256, digest: openssl.messageImprint.hashedMessage, nonce: value)
        #expect(try ours.derEncoded() == Fixture.bytes("query-sha256-cert.tsq"))
    }

    @Test("nonces of any size and sign survive a round trip", arguments: [
        [0x00, 0x80] as [UInt8], [0x7F], [0xFF, 0x01], Array(repeating: 0x5A, count: 40),
    ])
    func keepsNonceBytes(_ nonce: [UInt8]) throws {
        let request = TimeStampRequest(messageImprint: MessageImprint(hash: .sha256, digest: Array(repeating: 1, count: 32)), nonce: nonce)
        #expect(try TimeStampRequest(bytes: request.derEncoded()).nonce == nonce)
    }

    @Test("rejects garbage and truncated input with malformedEncoding", arguments: [
        [] as [UInt8],
        [0x30],
        [0x30, 0x03, 0x02, 0x01],
        [0x04, 0x02, 0xDE, 0xAD],
        Array("not DER at all".utf8),
        [0x30, 0x80, 0x02, 0x01, 0x01],  // indefinite length with no end-of-contents
        [0x30, 0x84, 0xFF, 0xFF, 0xFF, 0xFF],  // absurd length
    ])
    func rejectsGarbage(_ bytes: [UInt8]) {
        let error = #expect(throws: TimestampError.self) { try TimeStampRequest(bytes: bytes) }
        #expect(error?.code == .malformedEncoding)
    }

    @Test func rejectsEveryTruncationOfARealQuery() throws {
        let bytes = try Fixture.bytes("query-sha256-cert.tsq")
        for length in 0..<bytes.count {
            let error = #expect(throws: TimestampError.self) { try TimeStampRequest(bytes: bytes.prefix(length)) }
            #expect(error?.code == .malformedEncoding)
        }
    }
}
