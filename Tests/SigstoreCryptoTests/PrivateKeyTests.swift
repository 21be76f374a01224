import Foundation
import SigstoreCrypto
import Testing
import X509

@Suite struct PrivateKeyTests {
    /// Every private key encoding openssl wrote, with the public key it must yield.
    static let encodings: [(String, String)] = [
        ("p256.pem", "p256"), ("p256.sec1.pem", "p256"),
        ("p384.pem", "p384"), ("p384.sec1.pem", "p384"),
        ("p521.pem", "p521"), ("p521.sec1.pem", "p521"),
        ("ed25519.pem", "ed25519"),
        ("rsa2048.pem", "rsa2048"), ("rsa2048.pkcs1.pem", "rsa2048"),
        ("rsa3072.pem", "rsa3072"), ("rsa3072.pkcs1.pem", "rsa3072"),
        ("rsa4096.pem", "rsa4096"), ("rsa4096.pkcs1.pem", "rsa4096"),
    ]

    @Test(arguments: encodings)
    func parsesOpenSSLPrivateKeys(file: String, publicName: String) throws {
        let key = try PrivateKey(pemEncoded: Fixture.string("keys/\(file)"))
        #expect(try key.publicKey.derRepresentation == Fixture.bytes("keys/\(publicName).pub.der"))
        #expect(key.algorithm == key.publicKey.algorithm)
        #expect(!key.description.contains(key.pkcs8DER.suffix(8).map { String(format: "%02x", $0) }.joined()))
    }

    @Test(arguments: ["p256", "p384", "p521", "ed25519", "rsa2048"])
    func pkcs8RoundTrips(name: String) throws {
        let key = try PrivateKey(pemEncoded: Fixture.string("keys/\(name).pem"))
        let reparsed = try PrivateKey(pkcs8DER: key.pkcs8DER)
        #expect(reparsed.publicKey == key.publicKey)
        #expect(try PrivateKey(pemEncoded: key.pemRepresentation).publicKey == key.publicKey)
        #expect(key.pemRepresentation.hasPrefix("-----BEGIN PRIVATE KEY-----\n"))
        #expect(key.pemRepresentation.hasSuffix("-----END PRIVATE KEY-----\n"))
    }

    @Test(.enabled(if: OpenSSL.isAvailable, "openssl CLI not found on PATH: skipping the cross-check with OpenSSL"),
          arguments: ["p256", "p384", "p521", "ed25519", "rsa2048"])
    func openSSLReadsOurPKCS8(name: String) throws {
        let key = try PrivateKey(pemEncoded: Fixture.string("keys/\(name).pem"))
        let openssl = try OpenSSL()
        defer { openssl.cleanUp() }
        let path = try openssl.write(key.pemRepresentation, named: "key.pem")
        let result = try openssl.run(["pkey", "-in", path, "-pubout", "-outform", "DER", "-out", openssl.directory.appendingPathComponent("pub.der").path])
        #expect(result.status == 0, "\(result.output)")
        #expect(try openssl.read("pub.der") == key.publicKey.derRepresentation)
    }

    @Test(arguments: [KeyAlgorithm.ecdsaP256, .ecdsaP384, .ecdsaP521, .ed25519, .rsa(bits: 2048)])
    func generatesWorkingKeys(algorithm: KeyAlgorithm) throws {
        let key = try PrivateKey.generate(algorithm)
        #expect(key.algorithm == algorithm)
        let message = Array("generated".utf8)
        #expect(try key.publicKey.isValidSignature(key.signature(for: message), for: message))
        #expect(try PrivateKey(pkcs8DER: key.pkcs8DER).publicKey == key.publicKey)
        #expect(try PrivateKey.generate(algorithm).publicKey != key.publicKey)
    }

    @Test(arguments: [1024, 2047, 3001, 4104, 8192])
    func refusesToGenerateWeakOrOddRSA(bits: Int) {
        let error = #expect(throws: CryptoError.self) { try PrivateKey.generate(.rsa(bits: bits)) }
        #expect(error?.code == .weakKey)
    }

    /// RFC 8032 section 7.1, TEST 1 and TEST 2: Ed25519 is deterministic, so signatures must match.
    @Test(arguments: [
        ("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60",
         "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a", "",
         "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b"),
        ("4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb",
         "3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c", "72",
         "92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00"),
    ])
    func signsRFC8032Vectors(seed: String, publicKey: String, message: String, signature: String) throws {
        let key = try PrivateKey(rawEd25519Seed: [UInt8](hex: seed))
        #expect(key.publicKey.rawEd25519 == [UInt8](hex: publicKey))
        #expect(try key.signature(for: [UInt8](hex: message)) == [UInt8](hex: signature))
        #expect(key.publicKey.isValidSignature([UInt8](hex: signature), for: [UInt8](hex: message)))
    }

    @Test func bridgesToSwiftCertificates() throws {
        let key = try PrivateKey(pemEncoded: Fixture.string("keys/p384.pem"))
        #expect(key.certificatePrivateKey.publicKey == key.publicKey.certificatePublicKey)
    }

    // MARK: Rejections

    static let refused: [(String, CryptoError.Code)] = [
        ("p256.encrypted.pem", .unsupportedAlgorithm),
        ("rsa1024.pem", .weakKey),
        ("rsa1024.pkcs1.pem", .weakKey),
        ("rsa2048-e3.pem", .weakKey),
        ("rsa4608.pem", .weakKey),
        ("rsa-pss.pem", .unsupportedAlgorithm),
        ("secp256k1.pem", .unsupportedAlgorithm),
        ("x25519.pem", .unsupportedAlgorithm),
        ("p256.pub.pem", .malformedKey),
    ]

    @Test(arguments: refused)
    func refusesUnusableKeys(file: String, code: CryptoError.Code) throws {
        let pem = try Fixture.string("keys/\(file)")
        let error = #expect(throws: CryptoError.self) { try PrivateKey(pemEncoded: pem) }
        #expect(error?.code == code)
    }

    @Test(arguments: ["p256", "ed25519", "rsa2048"])
    func refusesTruncatedPKCS8(name: String) throws {
        let der = try PrivateKey(pemEncoded: Fixture.string("keys/\(name).pem")).pkcs8DER
        for length in stride(from: 0, to: der.count, by: max(1, der.count / 97)) {
            let error = #expect(throws: CryptoError.self) { try PrivateKey(pkcs8DER: der.prefix(length)) }
            #expect(error?.code == .malformedKey)
        }
    }

    @Test(arguments: ["", "garbage", "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n",
                      "-----BEGIN EC PRIVATE KEY-----\nMAA=\n-----END EC PRIVATE KEY-----\n",
                      "-----BEGIN OPENSSH PRIVATE KEY-----\nAAAA\n-----END OPENSSH PRIVATE KEY-----\n"])
    func refusesGarbagePEM(pem: String) {
        let error = #expect(throws: CryptoError.self) { try PrivateKey(pemEncoded: pem) }
        #expect(error?.code == .malformedKey)
    }

    /// A SEC 1 key whose stored public point belongs to another key is a spliced or corrupted file.
    @Test func refusesSEC1KeyWithForeignPublicPoint() throws {
        let pem = try Fixture.string("keys/p256.sec1.pem")
        let body = pem.split(separator: "\n").filter { !$0.hasPrefix("-----") }.joined()
        let der = try #require(Data(base64Encoded: body)).map { $0 }
        #expect(try PrivateKey(sec1DER: der).publicKey.derRepresentation == Fixture.bytes("keys/p256.pub.der"))
        // The DER ends with the BIT STRING holding 0x04 ‖ X ‖ Y; swap in another key's X ‖ Y.
        let foreign = PublicKey.freshP256.derRepresentation.suffix(64)
        let spliced = der.dropLast(64) + foreign
        let error = #expect(throws: CryptoError.self) { try PrivateKey(sec1DER: spliced) }
        #expect(error?.code == .malformedKey)
    }

    @Test func refusesBadEd25519Seeds() {
        for length in [0, 31, 33, 64] {
            #expect(throws: CryptoError.self) { try PrivateKey(rawEd25519Seed: [UInt8](repeating: 1, count: length)) }
        }
    }
}
