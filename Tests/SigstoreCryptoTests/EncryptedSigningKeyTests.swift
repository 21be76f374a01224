import Foundation
@testable import SigstoreCrypto
import Testing

/// cosign's password-protected key files: `ENCRYPTED SIGSTORE PRIVATE KEY` (scrypt + NaCl secretbox).
@Suite struct EncryptedSigningKeyTests {
    /// Cheap scrypt parameters for tests about everything but the KDF's cost.
    static let fast = ScryptParameters(cost: 1024, blockSize: 8, parallelism: 1)

    /// Keys made with PyNaCl + pyca/cryptography by `Fixtures/cosign-keys/make-cosign-keys.py`.
    @Test(arguments: ["p256", "p384-legacy", "ed25519-empty-password"])
    func decryptsKeysMadeByAnIndependentImplementation(name: String) throws {
        let pem = try Fixture.string("cosign-keys/\(name).key")
        let password = try Fixture.bytes("cosign-keys/\(name).password")
        let expected = try PublicKey(pemEncoded: Fixture.string("cosign-keys/\(name).pub"))
        #expect(EncryptedSigningKey.isEncrypted(pem: pem))
        let key = try EncryptedSigningKey.decrypt(pem: pem, password: password)
        #expect(key.publicKey == expected)

        let message = Array("signed with a decrypted cosign key".utf8)
        #expect(try expected.isValidSignature(key.signature(for: message), for: message))
    }

    @Test func theFixtureKeysUseTheLabelsAndParametersTheyClaim() throws {
        #expect(try Fixture.string("cosign-keys/p256.key").hasPrefix("-----BEGIN ENCRYPTED SIGSTORE PRIVATE KEY-----\n"))
        #expect(try Fixture.string("cosign-keys/p384-legacy.key").hasPrefix("-----BEGIN ENCRYPTED COSIGN PRIVATE KEY-----\n"))
        #expect(try Fixture.bytes("cosign-keys/ed25519-empty-password.password").isEmpty)
    }

    /// go-securesystemslib's own vectors (Legacy, Standard and OWASP strengths), the library cosign uses.
    @Test func opensGoSecureSystemsLibVectors() throws {
        struct Vectors: Decodable {
            struct Document: Decodable { var json: String; var plaintext: String }
            var password: String
            var documents: [Document]
        }
        let vectors = try Fixture.json(Vectors.self, "cosign-keys/securesystemslib-vectors.json")
        #expect(vectors.documents.count == 4)
        for document in vectors.documents {
            let plaintext = try EncryptedSigningKey.open(json: Array(document.json.utf8), password: Array(vectors.password.utf8))
            #expect(plaintext == Array(document.plaintext.utf8))
        }
    }

    @Test(arguments: [KeyAlgorithm.ecdsaP256, .ecdsaP384, .ed25519])
    func roundTripsAndStillSigns(_ algorithm: KeyAlgorithm) throws {
        let key = try PrivateKey.generate(algorithm)
        let pem = try EncryptedSigningKey.encrypt(key, password: Array("hunter2".utf8), parameters: Self.fast)
        let reopened = try EncryptedSigningKey.decrypt(pem: pem, password: Array("hunter2".utf8))
        #expect(reopened.publicKey == key.publicKey)
        #expect(reopened.pkcs8DER == key.pkcs8DER)
        let message = Array("round trip".utf8)
        #expect(try key.publicKey.isValidSignature(reopened.signature(for: message), for: message))
    }

    @Test func writesCosignsLabelAndDefaultParameters() throws {
        let key = try PrivateKey.generate(.ecdsaP256)
        let pem = try EncryptedSigningKey.encrypt(key, password: [UInt8]())
        let lines = pem.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.first == "-----BEGIN ENCRYPTED SIGSTORE PRIVATE KEY-----")
        #expect(pem.hasSuffix("-----END ENCRYPTED SIGSTORE PRIVATE KEY-----\n"))
        #expect(lines.allSatisfy { $0.count <= 64 || $0.hasPrefix("-----") })
        let json = try Self.json(of: pem)
        #expect(json.contains(#"{"kdf":{"name":"scrypt","params":{"N":65536,"r":8,"p":1},"salt":""#))
        #expect(json.contains(#""cipher":{"name":"nacl/secretbox","nonce":""#))
        #expect(try EncryptedSigningKey.decrypt(pem: pem, password: [UInt8]()).publicKey == key.publicKey)
    }

    @Test func twoEncryptionsUseFreshSaltAndNonce() throws {
        let key = try PrivateKey.generate(.ecdsaP256)
        let first = try EncryptedSigningKey.encrypt(key, password: Array("pw".utf8), parameters: Self.fast)
        let second = try EncryptedSigningKey.encrypt(key, password: Array("pw".utf8), parameters: Self.fast)
        #expect(first != second)
    }

    @Test func aWrongPasswordIsRefusedClearly() throws {
        let pem = try Fixture.string("cosign-keys/p256.key")
        let error = try #require(throws: CryptoError.self) {
            try EncryptedSigningKey.decrypt(pem: pem, password: Array("Correct horse battery staple".utf8))
        }
        #expect(error.code == .decryptionFailed)
        #expect(error.message == "wrong password or corrupted key")
    }

    /// Flipping a bit anywhere in the sealed box (tag, or each ciphertext region) fails like a wrong password.
    @Test func aTamperedCiphertextIsRefusedLikeAWrongPassword() throws {
        let key = try PrivateKey.generate(.ecdsaP256)
        let pem = try EncryptedSigningKey.encrypt(key, password: Array("pw".utf8), parameters: Self.fast)
        var document = try Self.document(of: pem)
        let encoded = try #require(document["ciphertext"] as? String)
        let box = try #require(Data(base64Encoded: encoded))
        for index in [0, 16, box.count / 2, box.count - 1] {
            document["ciphertext"] = Data(Array(box).flippingBit(at: index)).base64EncodedString()
            let error = try #require(throws: CryptoError.self) {
                try EncryptedSigningKey.decrypt(pem: Self.pem(of: document), password: Array("pw".utf8))
            }
            #expect(error.code == .decryptionFailed)
            #expect(error.message == "wrong password or corrupted key")
        }
    }

    @Test func aTamperedSaltOrNonceIsRefused() throws {
        let pem = try EncryptedSigningKey.encrypt(PrivateKey.generate(.ecdsaP256), password: Array("pw".utf8), parameters: Self.fast)
        for path in [["kdf", "salt"], ["cipher", "nonce"]] {
            var document = try Self.document(of: pem)
            var section = try #require(document[path[0]] as? [String: Any])
            let encoded = try #require(section[path[1]] as? String)
            let bytes = try #require(Data(base64Encoded: encoded))
            section[path[1]] = Data(Array(bytes).flippingBit(at: 3)).base64EncodedString()
            document[path[0]] = section
            let error = try #require(throws: CryptoError.self) {
                try EncryptedSigningKey.decrypt(pem: Self.pem(of: document), password: Array("pw".utf8))
            }
            #expect(error.code == .decryptionFailed)
        }
    }

    static let unsupported: [(String, String, String)] = [
        ("kdf", "argon2id", "unsupported key derivation function \"argon2id\"; expected scrypt"),
        ("cipher", "aes-256-gcm", "unsupported cipher \"aes-256-gcm\"; expected nacl/secretbox"),
    ]

    @Test(arguments: unsupported)
    func refusesOtherAlgorithmsByName(section: String, name: String, message: String) throws {
        let pem = try EncryptedSigningKey.encrypt(PrivateKey.generate(.ecdsaP256), password: Array("pw".utf8), parameters: Self.fast)
        var document = try Self.document(of: pem)
        var part = try #require(document[section] as? [String: Any])
        part["name"] = name
        document[section] = part
        let error = try #require(throws: CryptoError.self) {
            try EncryptedSigningKey.decrypt(pem: Self.pem(of: document), password: Array("pw".utf8))
        }
        #expect(error.code == .unsupportedAlgorithm)
        #expect(error.message == message)
    }

    /// A key file cannot make the reader spend gigabytes of memory or unbounded time.
    @Test(arguments: [
        ScryptParameters(cost: 1 << 22, blockSize: 8, parallelism: 1),
        ScryptParameters(cost: 1000, blockSize: 8, parallelism: 1),
        ScryptParameters(cost: 1024, blockSize: 0, parallelism: 1),
        ScryptParameters(cost: 1024, blockSize: 8, parallelism: 64),
        ScryptParameters(cost: 1 << 62, blockSize: 32, parallelism: 1),
    ])
    func refusesScryptParametersOutsideTheLimits(_ parameters: ScryptParameters) throws {
        let key = try PrivateKey.generate(.ecdsaP256)
        var document = try Self.document(of: EncryptedSigningKey.encrypt(key, password: Array("pw".utf8), parameters: Self.fast))
        var kdf = try #require(document["kdf"] as? [String: Any])
        kdf["params"] = ["N": parameters.cost, "r": parameters.blockSize, "p": parameters.parallelism]
        document["kdf"] = kdf
        let error = try #require(throws: CryptoError.self) {
            try EncryptedSigningKey.decrypt(pem: Self.pem(of: document), password: Array("pw".utf8))
        }
        #expect(error.code == .unsupportedAlgorithm)
        #expect(error.message.contains("outside the supported limits"))
        #expect(throws: CryptoError.self) { try EncryptedSigningKey.encrypt(key, password: [UInt8](), parameters: parameters) }
    }

    @Test func theNamedParameterSetsAreWithinTheLimits() {
        #expect(ScryptParameters.cosignDefault.isWithinLimits)
        #expect(ScryptParameters.cosignLegacy.isWithinLimits)
        #expect(ScryptParameters.owasp.isWithinLimits)
    }

    static let malformed: [(String, String)] = [
        ("not PEM", "hello"),
        ("a plain key", "-----BEGIN PRIVATE KEY-----\nMC4CAQAwBQYDK2VwBCIEINTuctv5E1hK1bbY8fdp+K06/nwoy/HU++CXqI9EdVhC\n-----END PRIVATE KEY-----\n"),
        ("not JSON", "-----BEGIN ENCRYPTED SIGSTORE PRIVATE KEY-----\nbm90IGEga2V5\n-----END ENCRYPTED SIGSTORE PRIVATE KEY-----\n"),
    ]

    @Test(arguments: malformed)
    func refusesWhatIsNotAnEncryptedKey(name: String, pem: String) throws {
        let error = try #require(throws: CryptoError.self) { try EncryptedSigningKey.decrypt(pem: pem, password: [UInt8]()) }
        #expect(error.code == .malformedKey)
    }

    @Test func refusesAShortNonce() throws {
        let pem = try EncryptedSigningKey.encrypt(PrivateKey.generate(.ecdsaP256), password: Array("pw".utf8), parameters: Self.fast)
        var document = try Self.document(of: pem)
        document["cipher"] = ["name": "nacl/secretbox", "nonce": Data(count: 12).base64EncodedString()]
        let error = try #require(throws: CryptoError.self) {
            try EncryptedSigningKey.decrypt(pem: Self.pem(of: document), password: Array("pw".utf8))
        }
        #expect(error.code == .malformedKey)
        #expect(error.message.contains("nonce is 12 bytes"))
    }

    /// The unencrypted-PEM parser points at the password path instead of misreading the file.
    @Test(arguments: ["p256", "p384-legacy"])
    func thePlainParserRefusesEncryptedKeysWithAPointer(name: String) throws {
        let pem = try Fixture.string("cosign-keys/\(name).key")
        let error = try #require(throws: CryptoError.self) { try PrivateKey(pemEncoded: pem) }
        #expect(error.code == .unsupportedAlgorithm)
        #expect(error.message.contains("password"))
        #expect(!EncryptedSigningKey.isEncrypted(pem: try Fixture.string("keys/p256.pem")))
    }

    // MARK: - Editing the JSON inside a PEM block

    static func json(of pem: String) throws -> String {
        let body = pem.split(separator: "\n").filter { !$0.hasPrefix("-----") }.joined()
        let json = try #require(Data(base64Encoded: body))
        return String(decoding: json, as: UTF8.self)
    }

    static func document(of pem: String) throws -> [String: Any] {
        let object = try JSONSerialization.jsonObject(with: Data(json(of: pem).utf8))
        return try #require(object as? [String: Any])
    }

    static func pem(of document: [String: Any]) throws -> String {
        let body = try JSONSerialization.data(withJSONObject: document).base64EncodedString(options: .lineLength64Characters)
        return "-----BEGIN ENCRYPTED SIGSTORE PRIVATE KEY-----\n\(body.replacingOccurrences(of: "\r\n", with: "\n"))\n-----END ENCRYPTED SIGSTORE PRIVATE KEY-----\n"
    }
}
