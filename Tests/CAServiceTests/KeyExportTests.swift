import Foundation
@testable import CAService
import CryptoExtras
import SigstoreCrypto
import SwiftASN1
import SigstoreTestSupport
import Testing
import X509

/// The CA key files `signetd ca init` writes, and the PEM the CA answers with.
@Suite struct KeyExportTests {
    @Test(arguments: [KeyAlgorithm.ecdsaP256, .ecdsaP384])
    func encryptedKeysReadBackHereAndInOpenSSL(_ algorithm: KeyAlgorithm) throws {
        let key = try PrivateKey.generate(algorithm)
        let password = Array("correct horse battery staple".utf8)
        let pem = try CertificateAuthorityKeys.privateKeyPEM(key, password: password)
        #expect(pem.hasPrefix("-----BEGIN ENCRYPTED PRIVATE KEY-----\n"))
        #expect(!pem.contains(String(key.pemRepresentation.split(separator: "\n")[1])))

        let decrypted = try CertificateAuthorityKeys.privateKey(pem: pem, password: password)
        #expect(decrypted.pkcs8DER == key.pkcs8DER)
        let encrypted = try EncryptedPrivateKey(derEncoded: try PEMDocument(pemString: pem).derBytes)
        #expect(encrypted.iterations == EncryptedPrivateKey.defaultIterations)
        #expect(encrypted.hashFunction == .sha256)
        #expect(encrypted.keyLength == 32)

        let directory = try OpenSSL.workDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("key.pem")
        try Data(pem.utf8).write(to: file)
        let publicPEM = try OpenSSL.run(["pkey", "-in", file.path, "-passin", "pass:correct horse battery staple", "-pubout"])
        #expect(try PublicKey(pemEncoded: publicPEM) == key.publicKey)
        #expect(throws: OpenSSL.Failure.self) {
            try OpenSSL.run(["pkey", "-in", file.path, "-passin", "pass:wrong", "-pubout"])
        }
    }

    @Test func wrongOrMissingPasswordsAreRefused() throws {
        let pem = try CertificateAuthorityKeys.privateKeyPEM(try PrivateKey.generate(.ecdsaP256), password: Array("secret".utf8))
        #expect(throws: CAError.self) { try CertificateAuthorityKeys.privateKey(pem: pem, password: Array("Secret".utf8)) }
        #expect(throws: CAError.self) { try CertificateAuthorityKeys.privateKey(pem: pem, password: nil) }
    }

    @Test func anEmptyPasswordIsRefused() throws {
        let error = try #require(throws: CAError.self) {
            try CertificateAuthorityKeys.privateKeyPEM(try PrivateKey.generate(.ecdsaP256), password: [])
        }
        #expect(error.code == .invalidConfiguration)
    }

    @Test func withoutAPasswordTheKeyIsPlainPKCS8() throws {
        let key = try PrivateKey.generate(.ecdsaP256)
        let pem = try CertificateAuthorityKeys.privateKeyPEM(key, password: nil)
        #expect(pem.hasPrefix("-----BEGIN PRIVATE KEY-----\n"))
        #expect(try PrivateKey(pemEncoded: pem).pkcs8DER == key.pkcs8DER)
    }

    /// The hand-written PEM and JSON of the issuance response say what swift-certificates and
    /// JSONSerialization say.
    @Test func issuanceResponseEncodingMatchesTheLibraries() throws {
        let generated = try CertificateAuthorityKeys.generate(algorithm: .ecdsaP256, notValidBefore: Date().addingTimeInterval(-60))
        for certificate in generated.keys.chain {
            #expect(try CertificateAuthorityKeys.pemBlock(certificate) == certificate.serializeAsPEM().pemString + "\n")
        }
        let leaf = generated.keys.chain[0]
        let body = try CertificateAuthorityResponses.signingCertificate(leaf: leaf, chainPEM: generated.keys.chainPEMBlocks)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(body)) as? [String: Any])
        let embedded = try #require(object["signedCertificateEmbeddedSct"] as? [String: Any])
        let pems = try #require((embedded["chain"] as? [String: Any])?["certificates"] as? [String])
        #expect(try pems.map { try Certificate(pemEncoded: $0) } == [leaf] + generated.keys.chain)
        #expect(object.count == 1 && embedded.count == 1)
    }
}
