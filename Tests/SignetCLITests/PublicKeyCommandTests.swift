import Foundation
import SigstoreCrypto
import Testing

/// `signet public-key --key PRIV`.
@Suite struct PublicKeyCommandTests {
    /// RFC 8410 §10.3's Ed25519 private key and its public key from §10.1.
    static let rfc8410PrivateKey = """
        -----BEGIN PRIVATE KEY-----
        MC4CAQAwBQYDK2VwBCIEINTuctv5E1hK1bbY8fdp+K06/nwoy/HU++CXqI9EdVhC
        -----END PRIVATE KEY-----

        """

    @Test func printsThePublicKeyOfAPublishedVector() throws {
        let scratch = try ScratchDirectory()
        let key = try scratch.write("ed25519.pem", Array(Self.rfc8410PrivateKey.utf8))
        let outcome = try SignetProcess.run(["public-key", "--key", key])
        #expect(outcome.status == 0, "\(outcome)")
        #expect(outcome.standardOutput == VerifyBlobCommandTests.rfc8410PublicKey)
    }

    @Test(arguments: [KeyAlgorithm.ecdsaP256, .ecdsaP384])
    func writesTheMatchingPublicKeyToAFile(_ algorithm: KeyAlgorithm) throws {
        let scratch = try ScratchDirectory()
        let privateKey = try PrivateKey.generate(algorithm)
        let key = try scratch.write("key.pem", Array(privateKey.pemRepresentation.utf8))
        let outcome = try SignetProcess.run(["public-key", "--key", key, "--out", scratch.path("key.pub")])
        #expect(outcome.status == 0, "\(outcome)")
        let written = try String(contentsOfFile: scratch.path("key.pub"), encoding: .utf8)
        #expect(written == privateKey.publicKey.pemRepresentation)
    }

    @Test func failsOnAPublicKey() throws {
        let scratch = try ScratchDirectory()
        let key = try scratch.write("key.pub", Array(VerifyBlobCommandTests.rfc8410PublicKey.utf8))
        let outcome = try SignetProcess.run(["public-key", "--key", key])
        #expect(outcome.status == 1)
        #expect(outcome.errorLines.count == 1, "\(outcome)")
        #expect(outcome.standardError.hasPrefix("Error: the private key \(key) is not usable"))
    }
}
