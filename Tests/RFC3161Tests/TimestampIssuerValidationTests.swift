import Foundation
import RFC3161
import SigstoreCrypto
import SwiftASN1
import Testing
import X509

/// Requests an issuer must refuse, and the policies it grants.
@Suite struct TimestampIssuerValidationTests {
    static let digest = Array(repeating: UInt8(0xAB), count: 32)

    static func request(_ change: (inout TimeStampRequest) throws -> Void) rethrows -> TimeStampRequest {
        var request = TimeStampRequest(hash: .sha256, digest: digest, nonce: 1)
        try change(&request)
        return request
    }

    static let refused: [(String, TimeStampRequest, TimestampError.Code, PKIFailureInfo)] = [
        ("version 2", request { $0.version = 2 }, .unsupportedVersion, .badDataFormat),
        ("SHA-1", request { $0.messageImprint = MessageImprint(hashAlgorithm: AlgorithmIdentifier(algorithm: [1, 3, 14, 3, 2, 26], parameters: nil), hashedMessage: Array(digest.prefix(20))) }, .unsupportedHashAlgorithm, .badAlgorithm),
        ("MD5", request { $0.messageImprint = MessageImprint(hashAlgorithm: AlgorithmIdentifier(algorithm: [1, 2, 840, 113549, 2, 5], parameters: nil), hashedMessage: Array(digest.prefix(16))) }, .unsupportedHashAlgorithm, .badAlgorithm),
        ("SHA-256 with OID parameters", request { $0.messageImprint.hashAlgorithm.parameters = try! ASN1Any(erasing: ASN1ObjectIdentifier.TimeStamping.tstInfo) }, .unsupportedHashAlgorithm, .badAlgorithm),
        ("short SHA-256 digest", request { $0.messageImprint.hashedMessage.removeLast() }, .imprintLengthMismatch, .badDataFormat),
        ("SHA-384 with a SHA-256 digest", request { $0.messageImprint = MessageImprint(hash: .sha384, digest: digest) }, .imprintLengthMismatch, .badDataFormat),
        ("unaccepted policy", request { $0.requestedPolicy = [1, 2, 3, 4, 5] }, .unacceptedPolicy, .unacceptedPolicy),
        ("an extension", request { $0.extensions = [Certificate.Extension(oid: [1, 2, 3], critical: false, value: [0x05, 0x00])] }, .unacceptedExtension, .unacceptedExtension),
    ]

    @Test("refuses", arguments: refused)
    func refuses(_ name: String, _ request: TimeStampRequest, _ code: TimestampError.Code, _ failInfo: PKIFailureInfo) async throws {
        let (issuer, _) = try TimestampIssuerTests.makeTSA()
        let error = await #expect(throws: TimestampError.self) {
            try await issuer.respond(to: request, at: TimestampIssuerTests.genTime, serialNumber: 1)
        }
        #expect(error?.code == code)
        #expect(error?.failureInfo == failInfo)
        #expect(error?.isRequestError == true)
    }

    @Test func refusesOpenSSLSHA1Query() throws {
        let (issuer, _) = try TimestampIssuerTests.makeTSA()
        let error = #expect(throws: TimestampError.self) { try issuer.validate(Fixture.request("query-sha1.tsq")) }
        #expect(error?.code == .unsupportedHashAlgorithm)
    }

    @Test func grantsDefaultAndAcceptedPolicies() throws {
        let other: ASN1ObjectIdentifier = [1, 2, 3, 4, 1]
        let (issuer, _) = try TimestampIssuerTests.makeTSA(configuration: .init(acceptedPolicies: [other]))
        #expect(try issuer.validate(Self.request { _ in }) == .TimeStamping.sigstoreDefaultPolicy)
        #expect(try issuer.validate(Self.request { $0.requestedPolicy = .TimeStamping.sigstoreDefaultPolicy }) == .TimeStamping.sigstoreDefaultPolicy)
        #expect(try issuer.validate(Fixture.request("query-policy.tsq")) == other)
    }

    @Test func acceptsExtensionsWhenConfigured() throws {
        let (issuer, _) = try TimestampIssuerTests.makeTSA(configuration: .init(acceptsExtensions: true))
        let request = Self.request { $0.extensions = [Certificate.Extension(oid: [1, 2, 3], critical: false, value: [0x05, 0x00])] }
        #expect(try issuer.validate(request) == .TimeStamping.sigstoreDefaultPolicy)
    }

    @Test func acceptsHashParametersAbsentOrNull() throws {
        let (issuer, _) = try TimestampIssuerTests.makeTSA()
        let absent = Self.request { $0.messageImprint.hashAlgorithm.parameters = nil }
        #expect(throws: Never.self) { try issuer.validate(absent) }
    }

    @Test func echoesNonceBytesVerbatim() async throws {
        let (issuer, _) = try TimestampIssuerTests.makeTSA()
        for nonce: [UInt8] in [[0x00, 0x80], [0xFF], Array(repeating: 0x11, count: 33)] {
            let token = try await issuer.token(for: Self.request { $0.nonce = nonce }, at: TimestampIssuerTests.genTime, serialNumber: 1)
            let content = try #require(try token.signedData().encapsulatedContentInfo.eContent)
            #expect(try TSTInfo(derEncoded: content).nonce == nonce)
        }
    }

    @Test func reportsUnencodableTimesAsIssuanceFailures() async throws {
        let (issuer, _) = try TimestampIssuerTests.makeTSA()
        for time in [Date(timeIntervalSince1970: 1e18), Date(timeIntervalSince1970: -1e12)] {
            let error = await #expect(throws: TimestampError.self) {
                try await issuer.respond(to: Self.request { _ in }, at: time, serialNumber: 1)
            }
            #expect(error?.code == .issuanceFailed)
        }
        let zeroSerial = await #expect(throws: TimestampError.self) {
            try await issuer.respond(to: Self.request { _ in }, at: TimestampIssuerTests.genTime, serialNumber: 0)
        }
        #expect(zeroSerial?.code == .issuanceFailed)
    }

    /// A signer whose HSM is down.
    struct FailingSigner: KeySigner {
        let publicKey: PublicKey
        func signature(for message: [UInt8]) async throws -> [UInt8] {
            throw CryptoError(.signingFailed, "HSM unavailable")
        }
    }

    @Test func reportsSignerFailuresAsIssuanceFailures() async throws {
        let (working, chain) = try TimestampIssuerTests.makeTSA()
        let issuer = try TimestampIssuer(signer: FailingSigner(publicKey: working.signer.publicKey), certificateChain: chain.certificates)
        let error = await #expect(throws: TimestampError.self) {
            try await issuer.respond(to: Self.request { _ in }, at: TimestampIssuerTests.genTime, serialNumber: 1)
        }
        #expect(error?.code == .issuanceFailed)
        #expect(error?.isRequestError == false)
    }

    @Test func refusesALeafThatIsNotTheSignersKey() throws {
        let (_, chain) = try TimestampIssuerTests.makeTSA()
        let error = #expect(throws: TimestampError.self) {
            try TimestampIssuer(signer: try PrivateKey.generate(.ecdsaP256), certificateChain: chain.certificates)
        }
        #expect(error?.code == .issuanceFailed)
        let empty = #expect(throws: TimestampError.self) {
            try TimestampIssuer(signer: try PrivateKey.generate(.ecdsaP256), certificateChain: [])
        }
        #expect(empty?.code == .issuanceFailed)
    }
}
