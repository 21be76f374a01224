@testable import CAService
import Foundation
import SigstoreCrypto
import Testing

/// `KeyMaterial.verifiedPublicKey(challenge:)` against OpenSSL-made CSRs and signatures.
@Suite struct SigningCertificateRequestProofOfPossessionTests {
    static func csr(_ name: String) throws -> SigningCertificateRequest.KeyMaterial {
        .certificateSigningRequest(try Fixture.bytes("csr/\(name).pem"))
    }

    @Test(arguments: ["p256", "p384", "p521", "rsa2048", "ed25519"])
    func acceptsCSRsOfEverySupportedKeyType(_ name: String) throws {
        let key = try Self.csr(name).verifiedPublicKey(challenge: "ignored for CSRs")
        #expect(key == (try PublicKey(pemEncoded: Fixture.string("keys/\(name).pub.pem"))))
    }

    @Test func acceptsDERCSRs() throws {
        let document = try PEMDocumentReader.der(Fixture.string("csr/p256.pem"))
        let key = try SigningCertificateRequest.KeyMaterial.certificateSigningRequest(document).verifiedPublicKey(challenge: "")
        #expect(key == (try PublicKey(pemEncoded: Fixture.string("keys/p256.pub.pem"))))
    }

    @Test func refusesACSRWhoseSignatureDoesNotVerify() throws {
        let error = try #require(throws: CAError.self) { try Self.csr("p256-bad-signature").verifiedPublicKey(challenge: "") }
        #expect(error.code == .invalidProofOfPossession)
    }

    /// P-192, secp256k1 and RSA-1024 keys are refused as keys, with a message naming what is accepted.
    @Test(arguments: ["p192", "secp256k1", "rsa1024"])
    func refusesUnsupportedKeys(_ name: String) throws {
        let fromCSR = try #require(throws: CAError.self) { try Self.csr(name).verifiedPublicKey(challenge: "") }
        #expect(fromCSR.code == .unsupportedKey)
        #expect(fromCSR.message.contains("P-256"))
        let bare = SigningCertificateRequest.KeyMaterial.publicKey(content: try Fixture.bytes("keys/\(name).pub.pem"), proofOfPossession: [1])
        #expect((#expect(throws: CAError.self) { try bare.verifiedPublicKey(challenge: "alice@signet.test") })?.code == .unsupportedKey)
    }

    @Test(arguments: ["p256", "p384", "p521", "rsa2048", "rsa2048-pss", "ed25519"])
    func acceptsSignedChallenges(_ name: String) throws {
        let keyName = name.replacingOccurrences(of: "-pss", with: "")
        let material = SigningCertificateRequest.KeyMaterial.publicKey(
            content: try Fixture.bytes("keys/\(keyName).pub.pem"), proofOfPossession: try Fixture.bytes("pop/\(name).sig")
        )
        #expect(try material.verifiedPublicKey(challenge: "alice@signet.test") == (try PublicKey(pemEncoded: Fixture.string("keys/\(keyName).pub.pem"))))
        let error = try #require(throws: CAError.self) { try material.verifiedPublicKey(challenge: "mallory@signet.test") }
        #expect(error.code == .invalidProofOfPossession)
    }

    @Test func refusesGarbage() {
        let notAKey = SigningCertificateRequest.KeyMaterial.publicKey(content: Array("hello".utf8), proofOfPossession: [1])
        #expect((#expect(throws: CAError.self) { try notAKey.verifiedPublicKey(challenge: "") })?.code == .invalidRequest)
        let notACSR = SigningCertificateRequest.KeyMaterial.certificateSigningRequest([0x30, 0x00])
        #expect((#expect(throws: CAError.self) { try notACSR.verifiedPublicKey(challenge: "") })?.code == .invalidRequest)
        let wrongPEM = SigningCertificateRequest.KeyMaterial.certificateSigningRequest(Array("-----BEGIN CERTIFICATE-----\nMA==\n-----END CERTIFICATE-----\n".utf8))
        #expect((#expect(throws: CAError.self) { try wrongPEM.verifiedPublicKey(challenge: "") })?.code == .invalidRequest)
    }
}
