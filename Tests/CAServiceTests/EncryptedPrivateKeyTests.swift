@testable import CAService
import CryptoExtras
import SigstoreCrypto
import SwiftASN1
import Testing

@Suite struct EncryptedPrivateKeyTests {
    /// OpenSSL-encrypted keys with each PRF and AES key size decrypt to the key OpenSSL derives
    /// the public key from.
    @Test(arguments: ["ca-p384-aes256", "ca-p256-aes192-sha512", "ca-rsa2048-aes128-sha1"])
    func decryptsOpenSSLKeys(_ name: String) throws {
        let key = try CertificateAuthorityKeys.privateKey(pem: Fixture.string("keys/\(name).key.pem"), password: Fixture.password)
        let expected = try PublicKey(pemEncoded: Fixture.string("keys/\(name).pub.pem"))
        #expect(key.publicKey == expected)
    }

    @Test func readsOpenSSLsDefaultParameters() throws {
        let document = try PEMDocument(pemString: Fixture.string("keys/ca-p384-aes256.key.pem"))
        let encrypted = try EncryptedPrivateKey(derEncoded: document.derBytes)
        #expect(encrypted.iterations == 2048)
        #expect(encrypted.keyLength == 32)
        #expect(encrypted.hashFunction == .sha256)
        #expect(encrypted.salt.count == 8)
        #expect(encrypted.iv.count == 16)
    }

    @Test(arguments: [Array("wrong-password".utf8), [], Array("signet-test-passwore".utf8)])
    func refusesAWrongPassword(_ password: [UInt8]) throws {
        let error = try #require(throws: CAError.self) {
            try CertificateAuthorityKeys.privateKey(pem: Fixture.string("keys/ca-p384-aes256.key.pem"), password: password)
        }
        #expect(error.code == .invalidConfiguration)
        #expect(error.message.contains("wrong password"))
    }

    @Test func asksForAPassword() throws {
        let error = try #require(throws: CAError.self) {
            try CertificateAuthorityKeys.privateKey(pem: Fixture.string("keys/ca-p384-aes256.key.pem"), password: nil)
        }
        #expect(error.message.contains("password is required"))
    }

    @Test func refusesPBES1() throws {
        let error = try #require(throws: CAError.self) {
            try CertificateAuthorityKeys.privateKey(pem: Fixture.string("keys/ca-p256-pbes1-3des.key.pem"), password: Fixture.password)
        }
        #expect(error.code == .invalidConfiguration)
        #expect(error.message.contains("only PBES2"))
    }

    @Test func refusesGarbage() {
        #expect(throws: CAError.self) { try EncryptedPrivateKey(derEncoded: [0x30, 0x03, 0x02, 0x01, 0x00]) }
        #expect(throws: CAError.self) { try EncryptedPrivateKey(derEncoded: []) }
    }

    @Test func readsUnencryptedKeysToo() throws {
        let key = try PrivateKey.generate(.ecdsaP384)
        #expect(try CertificateAuthorityKeys.privateKey(pem: key.pemRepresentation, password: nil).publicKey == key.publicKey)
    }
}
