import Foundation
import SigstoreCrypto
import Testing

@Suite struct PublicKeyTests {
    static let keys: [(String, KeyAlgorithm, PublicKeyDetails)] = [
        ("p256", .ecdsaP256, .pkixECDSAP256SHA256),
        ("p384", .ecdsaP384, .pkixECDSAP384SHA384),
        ("p521", .ecdsaP521, .pkixECDSAP521SHA512),
        ("ed25519", .ed25519, .pkixEd25519),
        ("rsa2048", .rsa(bits: 2048), .pkixRSAPKCS1v15_2048_SHA256),
        ("rsa3072", .rsa(bits: 3072), .pkixRSAPKCS1v15_3072_SHA256),
        ("rsa4096", .rsa(bits: 4096), .pkixRSAPKCS1v15_4096_SHA256),
    ]

    @Test(arguments: keys)
    func parsesOpenSSLKeys(name: String, algorithm: KeyAlgorithm, details: PublicKeyDetails) throws {
        let der = try Fixture.bytes("keys/\(name).pub.der")
        let pem = try Fixture.string("keys/\(name).pub.pem")
        let fromDER = try PublicKey(derEncoded: der)
        let fromPEM = try PublicKey(pemEncoded: pem)
        #expect(fromDER == fromPEM)
        #expect(fromDER.algorithm == algorithm)
        #expect(fromDER.defaultDetails == details)
        #expect(fromDER.derRepresentation == der)
        // openssl writes canonical PEM too: 64-column lines, LF, trailing newline.
        #expect(fromDER.pemRepresentation == pem)
    }

    @Test(arguments: keys.map(\.0))
    func keyIDIsSHA256OfSPKI(name: String) throws {
        let key = try PublicKey(pemEncoded: Fixture.string("keys/\(name).pub.pem"))
        let expected = try Fixture.string("keys/\(name).keyid").trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(key.keyID.hex == expected)
    }

    @Test(arguments: ["rsa2048", "rsa3072", "rsa4096"])
    func parsesPKCS1RSAPublicKeyPEM(name: String) throws {
        let pkcs1 = try PublicKey(pemEncoded: Fixture.string("keys/\(name).pkcs1.pub.pem"))
        let spki = try PublicKey(derEncoded: Fixture.bytes("keys/\(name).pub.der"))
        #expect(pkcs1 == spki)
        #expect(pkcs1.pemRepresentation.hasPrefix("-----BEGIN PUBLIC KEY-----\n"))
    }

    @Test(arguments: ["p256", "rsa2048", "ed25519"])
    func acceptsPEMOrDER(name: String) throws {
        let der = try Fixture.bytes("keys/\(name).pub.der")
        let pem = try Fixture.string("keys/\(name).pub.pem")
        #expect(try PublicKey(pemOrDER: der).derRepresentation == der)
        #expect(try PublicKey(pemOrDER: Array(("\n  " + pem).utf8)).derRepresentation == der)
        #expect(throws: CryptoError.self) { try PublicKey(pemOrDER: Array("-----BEGIN PUBLIC KEY-----".utf8)) }
    }

    @Test func exposesRawEd25519Bytes() throws {
        let der = try Fixture.bytes("keys/ed25519.pub.der")
        let key = try PublicKey(derEncoded: der)
        let raw = try #require(key.rawEd25519)
        #expect(raw == Array(der.suffix(32)))
        #expect(try PublicKey(rawEd25519: raw) == key)
        #expect(try PublicKey(derEncoded: Fixture.bytes("keys/p256.pub.der")).rawEd25519 == nil)
        #expect(throws: CryptoError.self) { try PublicKey(rawEd25519: raw.dropLast()) }
    }

    @Test func pemLinesAreCanonical() throws {
        let key = try PublicKey(derEncoded: Fixture.bytes("keys/rsa4096.pub.der"))
        let pem = key.pemRepresentation
        #expect(pem.hasSuffix("-----END PUBLIC KEY-----\n"))
        #expect(!pem.contains("\r"))
        let body = pem.split(separator: "\n").dropFirst().dropLast()
        #expect(body.dropLast().allSatisfy { $0.count == 64 })
        #expect(body.last.map { $0.count <= 64 } == true)
    }

    @Test func equalityFollowsKeyBytes() throws {
        let a = try PublicKey(derEncoded: Fixture.bytes("keys/p256.pub.der"))
        let b = try PublicKey(pemEncoded: Fixture.string("keys/p256.pub.pem"))
        let c = try PublicKey(derEncoded: Fixture.bytes("keys/p384.pub.der"))
        #expect(a == b && a.hashValue == b.hashValue)
        #expect(a != c)
        #expect(Set([a, b, c]).count == 2)
        #expect(a.description.hasPrefix("PublicKey(ECDSA P-256, keyID: \(Array(a.keyID.prefix(8)).hex)"))
    }

    @Test(arguments: keys.map(\.0))
    func convertsToAndFromSwiftCertificates(name: String) throws {
        let key = try PublicKey(derEncoded: Fixture.bytes("keys/\(name).pub.der"))
        #expect(try PublicKey(key.certificatePublicKey) == key)
    }

    // MARK: Real Sigstore keys

    @Test(arguments: LogKeyFixture.all)
    func trustedRootLogKeysMatchTheirLogIDs(log: LogKeyFixture) throws {
        let raw = try #require(Data(base64Encoded: log.rawBytes)).map { $0 }
        let logID = try #require(Data(base64Encoded: log.keyId)).map { $0 }
        let details = try #require(PublicKeyDetails(rawValue: log.keyDetails))
        let key = details == .pkcs1RSAPKCS1v5 ? try PublicKey(pkcs1RSADER: raw) : try PublicKey(derEncoded: raw)
        #expect(details.isCompatible(with: key.algorithm))
        if key.algorithm == .ed25519 {
            // Rekor v2 log IDs are the C2SP signed-note key ID over the origin (interop §6.2).
            let origin = try #require(URL(string: log.baseUrl)?.host)
            let noteKeyID = HashAlgorithm.sha256.hash(Array(origin.utf8) + [0x0A, 0x01] + (key.rawEd25519 ?? []))
            #expect(noteKeyID == logID)
        } else {
            // Rekor v1 and CT: RFC 6962 key ID, SHA-256 of the DER SPKI (for PKCS#1 keys, of the wrapped key).
            #expect(key.keyID == logID)
        }
        if details != .pkcs1RSAPKCS1v5 {
            #expect(key.derRepresentation == raw)
        }
    }

    @Test func readsTheWholeTrustedRootSet() {
        #expect(try LogKeyFixture.all.count == 12)
    }

    // MARK: Rejections

    static let refusedKeys: [(String, CryptoError.Code)] = [
        ("rsa1024.pub.der", .weakKey),
        ("rsa2048-e3.pub.der", .weakKey),
        ("rsa4608.pub.der", .weakKey),
        ("rsa-pss.pub.der", .unsupportedAlgorithm),
        ("secp256k1.pub.der", .unsupportedAlgorithm),
        ("x25519.pub.der", .unsupportedAlgorithm),
        ("p256-explicit.pub.der", .unsupportedAlgorithm),
        ("p256-compressed.pub.der", .malformedKey),
    ]

    @Test(arguments: refusedKeys)
    func refusesWeakAndUnsupportedKeys(file: String, code: CryptoError.Code) throws {
        let error = #expect(throws: CryptoError.self) { try PublicKey(derEncoded: Fixture.bytes("keys/\(file)")) }
        #expect(error?.code == code)
    }

    @Test(arguments: keys.map(\.0))
    func refusesEveryTruncationAndTrailingBytes(name: String) throws {
        let der = try Fixture.bytes("keys/\(name).pub.der")
        for length in 0..<der.count {
            let error = #expect(throws: CryptoError.self) { try PublicKey(derEncoded: der.prefix(length)) }
            #expect(error?.code == .malformedKey)
        }
        #expect(throws: CryptoError.self) { try PublicKey(derEncoded: der + [0x00]) }
    }

    /// Single-bit corruption anywhere must either be refused or yield a key that re-encodes to
    /// exactly the corrupted bytes (so key IDs can never silently disagree with the input).
    @Test(arguments: ["p256", "ed25519", "rsa2048"])
    func bitFlipsAreRefusedOrKeptVerbatim(name: String) throws {
        let der = try Fixture.bytes("keys/\(name).pub.der")
        for index in der.indices {
            let corrupted = der.flippingBit(at: index)
            if let key = try? PublicKey(derEncoded: corrupted) {
                #expect(key.derRepresentation == corrupted)
            }
        }
    }

    static let garbagePEM: [String] = [
        "",
        "not a key",
        "-----BEGIN PUBLIC KEY-----\n!!!!\n-----END PUBLIC KEY-----\n",
        "-----BEGIN PUBLIC KEY-----\nMCowBQYDK2VwAyEA\n-----END PUBLIC KEY-----\n",
        "-----BEGIN PUBLIC KEY-----\nMCowBQYDK2VwAyEAt8rlp1knGwjfbcXAYPYAkn0XiLz1x8O4t0YkEhie244=\n",
        "-----BEGIN CERTIFICATE-----\nMCowBQYDK2VwAyEAt8rlp1knGwjfbcXAYPYAkn0XiLz1x8O4t0YkEhie244=\n-----END CERTIFICATE-----\n",
        "-----BEGIN RSA PUBLIC KEY-----\nMCowBQYDK2VwAyEAt8rlp1knGwjfbcXAYPYAkn0XiLz1x8O4t0YkEhie244=\n-----END RSA PUBLIC KEY-----\n",
    ]

    @Test(arguments: garbagePEM)
    func refusesGarbagePEM(pem: String) {
        let error = #expect(throws: CryptoError.self) { try PublicKey(pemEncoded: pem) }
        #expect(error?.code == .malformedKey)
    }

    @Test func refusesPrivateKeyAndDoubledPEM() throws {
        #expect(throws: CryptoError.self) { try PublicKey(pemEncoded: Fixture.string("keys/p256.pem")) }
        let pem = try Fixture.string("keys/p256.pub.pem")
        #expect(throws: CryptoError.self) { try PublicKey(pemEncoded: pem + pem) }
    }
}
