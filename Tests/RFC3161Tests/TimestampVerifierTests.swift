import Foundation
import RFC3161
import SigstoreCrypto
import SwiftASN1
import Testing
import X509

@Suite struct TimestampVerifierTests {
    static let ecVerifier = TimestampVerifier(trustedAuthorities: [try! Fixture.authority("ec-chain.pem")])

    struct Vector: Sendable, CustomTestStringConvertible {
        var file: String
        var chain: String
        var query: String?
        var testDescription: String { file }
    }

    static let openSSLVectors: [Vector] = [
        Vector(file: "reply-ec.tsr", chain: "ec-chain.pem", query: "query-sha256-cert.tsq"),
        Vector(file: "reply-ec-nocert.tsr", chain: "ec-chain.pem", query: "query-sha256-nocert.tsq"),
        Vector(file: "reply-ec-sha512.tsr", chain: "ec-chain.pem", query: "query-sha512-nononce.tsq"),
        Vector(file: "reply-ec-policy.tsr", chain: "ec-chain.pem", query: "query-policy.tsq"),
        Vector(file: "reply-rsa.tsr", chain: "rsa-chain.pem", query: "query-sha384.tsq"),
        Vector(file: "token-ec-ber.der", chain: "ec-chain.pem", query: nil),
    ]

    @Test("verifies OpenSSL tokens", arguments: openSSLVectors)
    func verifiesOpenSSLVector(_ vector: Vector) async throws {
        let verifier = TimestampVerifier(trustedAuthorities: [try Fixture.authority("rsa-chain.pem"), try Fixture.authority(vector.chain)])
        let nonce = try vector.query.flatMap { try Fixture.request($0).nonce }
        let verified = try await verifier.verify(Fixture.bytes(vector.file), for: Fixture.data(), expectedNonce: nonce)
        #expect(verified.authority.name == vector.chain)
        #expect(verified.genTime == verified.tstInfo.generationDate)
        if let query = vector.query {
            #expect(verified.tstInfo.messageImprint == (try Fixture.request(query).messageImprint))
        }
    }

    @Test("verifies real Sigstore staging TSA timestamps", arguments: ["staging-rekor-v2.txt.sigstore.json", "a.dsse.staging-rekor-v2.txt.sigstore.json"])
    func verifiesSigstoreStagingTimestamp(_ bundle: String) async throws {
        let (timestamp, signature) = try Fixture.sigstoreTimestamp(bundle: bundle)
        let authorities = try Fixture.timestampAuthorities(trustedRoot: "staging-trusted-root.json")
        let verified = try await TimestampVerifier(trustedAuthorities: authorities).verify(timestamp, for: signature)
        #expect(verified.tstInfo.policy == .TimeStamping.sigstoreDefaultPolicy)
        #expect(verified.authority.leaf.subject.description.contains("sigstore-tsa"))
        // Both were stamped in June 2025 by the staging TSA, valid from 2025-04-09.
        #expect(verified.genTime > Date(timeIntervalSince1970: 1_748_736_000))  // 2025-06-01
        #expect(verified.genTime < Date(timeIntervalSince1970: 1_751_328_000))  // 2025-07-01
        let other = await #expect(throws: TimestampError.self) {
            try await TimestampVerifier(trustedAuthorities: authorities).verify(timestamp, for: signature + [0])
        }
        #expect(other?.code == .imprintMismatch)
    }

    @Test func sigstoreStagingTimestampIsNotTrustedByOpenSSLFixtureTSA() async throws {
        let (timestamp, signature) = try Fixture.sigstoreTimestamp(bundle: "staging-rekor-v2.txt.sigstore.json")
        let error = await #expect(throws: TimestampError.self) { try await Self.ecVerifier.verify(timestamp, for: signature) }
        #expect(error?.code == .untrustedSigner)
    }

    @Test func berTokenCarriesTheSameTSTInfoAsItsSource() async throws {
        let ber = try await Self.ecVerifier.verify(Fixture.bytes("token-ec-ber.der"), for: Fixture.data())
        let der = try await Self.ecVerifier.verify(Fixture.bytes("reply-ec.tsr"), for: Fixture.data())
        #expect(ber.tstInfo == der.tstInfo)
    }

    @Test func refusesARejection() async throws {
        let error = await #expect(throws: TimestampError.self) {
            try await Self.ecVerifier.verify(Fixture.bytes("reply-rejection.tsr"), for: Fixture.data())
        }
        #expect(error?.code == .notGranted)
    }

    @Test func refusesOtherData() async throws {
        let error = await #expect(throws: TimestampError.self) {
            try await Self.ecVerifier.verify(Fixture.bytes("reply-ec.tsr"), for: Array("other signature".utf8))
        }
        #expect(error?.code == .imprintMismatch)
    }

    @Test func refusesAnotherNonce() async throws {
        let error = await #expect(throws: TimestampError.self) {
            try await Self.ecVerifier.verify(Fixture.bytes("reply-ec.tsr"), for: Fixture.data(), expectedNonce: [0x01, 0x02])
        }
        #expect(error?.code == .nonceMismatch)
        let missing = await #expect(throws: TimestampError.self) {
            try await Self.ecVerifier.verify(Fixture.bytes("reply-ec-sha512.tsr"), for: Fixture.data(), expectedNonce: [0x01])
        }
        #expect(missing?.code == .nonceMismatch)
    }

    @Test func refusesAnUntrustedTSA() async throws {
        let verifier = TimestampVerifier(trustedAuthorities: [try Fixture.authority("rsa-chain.pem")])
        let error = await #expect(throws: TimestampError.self) {
            try await verifier.verify(Fixture.bytes("reply-ec.tsr"), for: Fixture.data())
        }
        #expect(error?.code == .untrustedSigner)
        let none = await #expect(throws: TimestampError.self) {
            try await TimestampVerifier(trustedAuthorities: []).verify(Fixture.bytes("reply-ec.tsr"), for: Fixture.data())
        }
        #expect(none?.code == .untrustedSigner)
    }

    @Test func refusesALeafAnchoredToTheWrongRoot() async throws {
        let leaf = try Fixture.chain("ec-chain.pem")[0]
        let wrongRoot = try Fixture.chain("rsa-chain.pem")[1]
        let authority = try TrustedTimestampAuthority(certificateChain: [leaf, wrongRoot], validFrom: leaf.notValidBefore)
        let error = await #expect(throws: TimestampError.self) {
            try await TimestampVerifier(trustedAuthorities: [authority]).verify(Fixture.bytes("reply-ec.tsr"), for: Fixture.data())
        }
        #expect(error?.code == .invalidCertificateChain)
    }

    @Test func appliesTheValidityWindowInclusively() async throws {
        let genTime = try await Self.ecVerifier.verify(Fixture.bytes("reply-ec.tsr"), for: Fixture.data()).genTime
        let windows: [(Date, Date?, Bool)] = [
            (genTime, genTime, true),
            (genTime.addingTimeInterval(-60), genTime, true),
            (genTime.addingTimeInterval(-60), genTime.addingTimeInterval(-0.001), false),
            (genTime.addingTimeInterval(0.001), nil, false),
        ]
        for (start, end, accepted) in windows {
            let authority = try Fixture.authority("ec-chain.pem", validFrom: start, validUntil: end)
            let verifier = TimestampVerifier(trustedAuthorities: [authority])
            if accepted {
                _ = try await verifier.verify(Fixture.bytes("reply-ec.tsr"), for: Fixture.data())
            } else {
                let error = await #expect(throws: TimestampError.self) {
                    try await verifier.verify(Fixture.bytes("reply-ec.tsr"), for: Fixture.data())
                }
                #expect(error?.code == .outsideValidity)
            }
        }
    }

    @Test("refuses garbage", arguments: [[] as [UInt8], [0x30, 0x00], [0x30, 0x03, 0x06, 0x01, 0x00], Array("garbage".utf8)])
    func refusesGarbage(_ bytes: [UInt8]) async throws {
        let error = await #expect(throws: TimestampError.self) { try await Self.ecVerifier.verify(bytes, for: Fixture.data()) }
        #expect(error?.code == .malformedEncoding)
    }

    @Test func refusesEveryTruncation() async throws {
        let bytes = try Fixture.bytes("reply-ec.tsr")
        for length in stride(from: 0, to: bytes.count, by: 5) {
            let error = await #expect(throws: TimestampError.self) { try await Self.ecVerifier.verify(bytes.prefix(length), for: Fixture.data()) }
            #expect(error?.code == .malformedEncoding)
        }
    }

    @Test func trustedAuthorityNeedsLeafAndRoot() throws {
        let leaf = try Fixture.chain("ec-chain.pem")[0]
        let error = #expect(throws: TimestampError.self) {
            try TrustedTimestampAuthority(certificateChain: [leaf], validFrom: leaf.notValidBefore)
        }
        #expect(error?.code == .invalidCertificateChain)
    }
}
