import Foundation
import RFC3161
import SigstoreCrypto
import SwiftASN1
import Testing
import X509

@Suite struct TimestampIssuerTests {
    static let notBefore = Date(timeIntervalSince1970: 1_704_067_200)  // 2024-01-01T00:00:00Z
    static let notAfter = Date(timeIntervalSince1970: 2_019_686_400)  // 2034-01-01T00:00:00Z
    static let genTime = Date(timeIntervalSince1970: 1_741_064_767.089)  // 2025-03-04T05:06:07.089Z

    /// A TSA with a fresh key of `algorithm`, a P-256 root and optionally a P-384 intermediate.
    static func makeTSA(_ algorithm: KeyAlgorithm = .ecdsaP256, intermediate: Bool = false, configuration: TimestampIssuer.Configuration = .init()) throws -> (TimestampIssuer, TSACertificateChain) {
        let leafKey = try PrivateKey.generate(algorithm)
        let chain = try TSACertificateChain.generate(
            leafKey: leafKey.publicKey,
            leafSubject: try DistinguishedName { OrganizationName("Signet Test"); CommonName("Signet Test TSA") },
            rootKey: try PrivateKey.generate(.ecdsaP256),
            rootSubject: try DistinguishedName { OrganizationName("Signet Test"); CommonName("Signet Test Root") },
            intermediate: intermediate
                ? (try PrivateKey.generate(.ecdsaP384), try DistinguishedName { CommonName("Signet Test Intermediate") }) : nil,
            notValidBefore: notBefore,
            notValidAfter: notAfter
        )
        return (try TimestampIssuer(signer: leafKey, certificateChain: chain.certificates, configuration: configuration), chain)
    }

    static func authority(_ chain: TSACertificateChain) throws -> TrustedTimestampAuthority {
        try TrustedTimestampAuthority(certificateChain: chain.certificates, validFrom: notBefore)
    }

    static let keyAlgorithms: [KeyAlgorithm] = [.ecdsaP256, .ecdsaP384, .ecdsaP521, .rsa(bits: 2048), .ed25519]

    @Test("tokens verify with our verifier", arguments: keyAlgorithms)
    func verifiesOwnTokens(_ algorithm: KeyAlgorithm) async throws {
        let (issuer, chain) = try Self.makeTSA(algorithm)
        let request = try Fixture.request("query-sha256-cert.tsq")
        let response = try await issuer.respond(to: request, at: Self.genTime, serialNumber: 42)
        let verifier = TimestampVerifier(trustedAuthorities: [try Self.authority(chain)])
        let verified = try await verifier.verify(response.derEncoded(), for: Fixture.data(), expectedNonce: request.nonce)
        #expect(verified.genTime == Self.genTime)
        #expect(verified.tstInfo.serialNumber == 42)
        #expect(verified.tstInfo.policy == .TimeStamping.sigstoreDefaultPolicy)
        #expect(verified.tstInfo.nonce == request.nonce)
        #expect(verified.tstInfo.accuracy == Accuracy(seconds: 1))
    }

    // OpenSSL's `ts` verifies through PKCS7, which has no Ed25519 support, so Ed25519 is checked by us only.
    @Test("tokens verify with openssl ts -verify", arguments: [(KeyAlgorithm.ecdsaP256, false), (.ecdsaP384, true), (.ecdsaP521, false), (.rsa(bits: 2048), true)])
    func openSSLVerifiesOwnTokens(_ algorithm: KeyAlgorithm, intermediate: Bool) async throws {
        let (issuer, chain) = try Self.makeTSA(algorithm, intermediate: intermediate)
        for query in ["query-sha256-cert.tsq", "query-sha256-nocert.tsq", "query-sha384.tsq", "query-sha512-nononce.tsq"] {
            let response = try await issuer.respond(to: Fixture.request(query), at: Self.genTime, serialNumber: 7)
            let directory = try OpenSSL.temporaryDirectory()
            defer { try? FileManager.default.removeItem(at: directory) }
            try Data(response.derEncoded()).write(to: directory.appendingPathComponent("reply.tsr"))
            try Data(Fixture.bytes(query)).write(to: directory.appendingPathComponent("query.tsq"))
            try chain.certificates.last!.serializeAsPEM().pemString.write(to: directory.appendingPathComponent("root.pem"), atomically: true, encoding: .utf8)
            // Without certReq nothing is embedded, so OpenSSL needs the leaf and intermediates from outside.
            try TSACertificateChain(certificates: chain.certificates.dropLast()).pemEncoded()
                .write(to: directory.appendingPathComponent("untrusted.pem"), atomically: true, encoding: .utf8)
            let result = try OpenSSL.run(
                ["ts", "-verify", "-queryfile", "query.tsq", "-in", "reply.tsr", "-CAfile", "root.pem",
                 "-untrusted", "untrusted.pem", "-attime", "\(Int(Self.genTime.timeIntervalSince1970))"],
                in: directory
            )
            #expect(result.status == 0, "\(query): \(result.output) \(result.errorOutput)")
            #expect(result.output.contains("Verification: OK"))
        }
    }

    @Test func openSSLPrintsWhatWeIssued() async throws {
        let (issuer, _) = try Self.makeTSA()
        let request = try Fixture.request("query-sha256-cert.tsq")
        let response = try await issuer.respond(to: request, at: Self.genTime, serialNumber: 0x1234)
        let directory = try OpenSSL.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try Data(response.derEncoded()).write(to: directory.appendingPathComponent("reply.tsr"))
        let text = try OpenSSL.run(["ts", "-reply", "-in", "reply.tsr", "-text"], in: directory).output
        let nonceHex = try #require(request.nonce).map { String(format: "%02X", $0) }.joined()
        #expect(text.contains("Status: Granted."))
        #expect(text.contains("Policy OID: 1.3.6.1.4.1.57264.2"))
        #expect(text.contains("Hash Algorithm: sha256"))
        #expect(text.contains("Serial number: 0x1234"))
        #expect(text.contains("Time stamp: Mar  4 05:06:07.089 2025 GMT"))
        #expect(text.contains("Accuracy: 0x01 seconds, unspecified millis, unspecified micros"))
        #expect(text.contains("Ordering: no"))
        #expect(text.contains("Nonce: 0x\(nonceHex)"))
    }

    @Test func embedsTheChainWithoutRootOnlyWhenAsked() async throws {
        let (issuer, chain) = try Self.makeTSA(intermediate: true)
        let asked = try await issuer.token(for: Fixture.request("query-sha256-cert.tsq"), at: Self.genTime, serialNumber: 1)
        let notAsked = try await issuer.token(for: Fixture.request("query-sha256-nocert.tsq"), at: Self.genTime, serialNumber: 1)
        #expect(try asked.signedData().certificates == Array(chain.certificates.dropLast()))
        #expect(try notAsked.signedData().certificates == nil)
        let (leafOnly, leafChain) = try Self.makeTSA(configuration: .init(embeddedCertificates: .leaf))
        let token = try await leafOnly.token(for: Fixture.request("query-sha256-cert.tsq"), at: Self.genTime, serialNumber: 1)
        #expect(try token.signedData().certificates == [leafChain.leaf])
    }

    @Test func signsTheAttributesSigstoreExpects() async throws {
        let (issuer, chain) = try Self.makeTSA(configuration: .init(includesSigningTime: true))
        let token = try await issuer.token(for: Fixture.request("query-sha256-cert.tsq"), at: Self.genTime, serialNumber: 1)
        let signer = try #require(try token.signedData().signerInfos.first)
        let types = try #require(signer.signedAttributes).map(\.attributeType)
        #expect(Set(types) == [[1, 2, 840, 113549, 1, 9, 3], [1, 2, 840, 113549, 1, 9, 4], [1, 2, 840, 113549, 1, 9, 5], [1, 2, 840, 113549, 1, 9, 16, 2, 47]])
        #expect(signer.version == 1)
        #expect(signer.signerIdentifier == .issuerAndSerialNumber(IssuerAndSerialNumber(chain.leaf)))
        let ess = try #require(signer.signedAttributes?.first { $0.attributeType == [1, 2, 840, 113549, 1, 9, 16, 2, 47] })
        let certID = try SigningCertificateV2(derEncoded: ess.values[0].derBytes()).certificates[0]
        #expect(certID.hashAlgorithm == nil)  // DEFAULT SHA-256, omitted in DER
        #expect(try certID.matches(chain.leaf))
        #expect(certID.issuerSerial == IssuerSerial(chain.leaf))
    }

    @Test("encodes genTime to milliseconds without trailing zeros", arguments: [
        (1_741_064_767.089, "20250304050607.089Z"),
        (1_741_064_767.12, "20250304050607.12Z"),
        (1_741_064_767.0, "20250304050607Z"),
        (951_868_800.5, "20000301000000.5Z"),  // the day after a leap day
        (4_102_444_799.999, "20991231235959.999Z"),
    ])
    func encodesGenTime(_ seconds: Double, _ expected: String) async throws {
        let (issuer, _) = try Self.makeTSA()
        let token = try await issuer.token(for: Fixture.request("query-sha256-cert.tsq"), at: Date(timeIntervalSince1970: seconds), serialNumber: 1)
        let content = try #require(try token.signedData().encapsulatedContentInfo.eContent)
        let info = try TSTInfo(derEncoded: content)
        var coder = DER.Serializer()
        try coder.serialize(info.genTime)
        #expect(Array(coder.serializedBytes.dropFirst(2)) == Array(expected.utf8))
        #expect(abs(info.generationDate.timeIntervalSince1970 - seconds) < 0.0005)
    }

    @Test func tstInfoIsDeterministic() async throws {
        let (issuer, _) = try Self.makeTSA()
        let request = try Fixture.request("query-sha384.tsq")
        let first = try await issuer.token(for: request, at: Self.genTime, serialNumber: 9).signedData()
        let second = try await issuer.token(for: request, at: Self.genTime, serialNumber: 9).signedData()
        #expect(first.encapsulatedContentInfo == second.encapsulatedContentInfo)
    }
}

extension ASN1Any {
    func derBytes() throws -> [UInt8] {
        var coder = DER.Serializer()
        try coder.serialize(self)
        return coder.serializedBytes
    }
}
