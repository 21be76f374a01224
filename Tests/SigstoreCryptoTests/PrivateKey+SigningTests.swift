import Foundation
import SigstoreCrypto
import Testing

@Suite struct PrivateKeySigningTests {
    /// Keys and details we sign with; each signature must satisfy both us and openssl.
    static let cases: [(String, PublicKeyDetails?)] = [
        ("p256", nil), ("p256", .pkixECDSAP256SHA256),
        ("p384", nil), ("p384", .pkixECDSAP384SHA256),
        ("p521", nil), ("p521", .pkixECDSAP521SHA256),
        ("ed25519", nil),
        ("rsa2048", nil), ("rsa2048", .pkixRSAPSS_2048_SHA256), ("rsa2048", .pkcs1RSAPSS),
        ("rsa3072", .pkixRSAPSS_3072_SHA256), ("rsa3072", .pkixRSAPKCS1v15_3072_SHA256),
        ("rsa4096", nil), ("rsa4096", .pkixRSAPSS_4096_SHA256),
    ]

    @Test(arguments: cases)
    func signsWhatWeVerify(name: String, details: PublicKeyDetails?) throws {
        let key = try PrivateKey(pemEncoded: Fixture.string("keys/\(name).pem"))
        let message = try Fixture.message
        let signature = try key.signature(for: message, details: details)
        #expect(key.publicKey.isValidSignature(signature, for: message, details: details))
        #expect(!key.publicKey.isValidSignature(signature, for: message.flippingBit(at: 0), details: details))
    }

    @Test(.enabled(if: OpenSSL.isAvailable, "openssl CLI not found on PATH: skipping the cross-check with OpenSSL"),
          arguments: cases)
    func openSSLVerifiesOurSignatures(name: String, details: PublicKeyDetails?) throws {
        let key = try PrivateKey(pemEncoded: Fixture.string("keys/\(name).pem"))
        let message = try Fixture.message
        let signature = try key.signature(for: message, details: details)
        #expect(try Self.openSSLVerifies(signature, over: message, key: key.publicKey, details: details ?? key.publicKey.defaultDetails))
        // The check is not vacuous: openssl refuses a tampered signature.
        #expect(try !Self.openSSLVerifies(signature.flippingBit(at: signature.count - 2), over: message, key: key.publicKey, details: details ?? key.publicKey.defaultDetails))
    }

    @Test(.enabled(if: OpenSSL.isAvailable, "openssl CLI not found on PATH: skipping the cross-check with OpenSSL"),
          arguments: [("p256", HashAlgorithm.sha256, PublicKeyDetails?.none), ("p384", .sha384, .pkixECDSAP384SHA384),
                      ("p521", .sha512, nil), ("rsa2048", .sha256, .pkixRSAPSS_2048_SHA256), ("rsa3072", .sha256, nil)])
    func signsDigestsLikeMessages(name: String, hash: HashAlgorithm, details: PublicKeyDetails?) throws {
        let key = try PrivateKey(pemEncoded: Fixture.string("keys/\(name).pem"))
        let message = try Fixture.message
        let signature = try key.signature(forDigest: hash.hash(message), hash: hash, details: details)
        #expect(key.publicKey.isValidSignature(signature, for: message, details: details))
        let openSSLDetails = details ?? key.publicKey.defaultDetails
        #expect(try Self.openSSLVerifies(signature, over: message, key: key.publicKey, details: openSSLDetails, hash: hash))
    }

    @Test func keySignerUsesDefaultDetails() async throws {
        let signer: any KeySigner = try PrivateKey(pemEncoded: Fixture.string("keys/p384.pem"))
        let message = Array("through the seam".utf8)
        let signature = try await signer.signature(for: message)
        #expect(signer.publicKey.isValidSignature(signature, for: message, details: .pkixECDSAP384SHA384))
        #expect(!signer.publicKey.isValidSignature(signature, for: message, details: .pkixECDSAP384SHA256))
    }

    // MARK: Refusals

    static let refusals: [(String, PublicKeyDetails, CryptoError.Code)] = [
        ("p256", .pkixECDSAP384SHA384, .mismatchedDetails),
        ("p256", .pkixECDSAP256HMACSHA256, .unsupportedAlgorithm),
        ("p384", .pkixRSAPKCS1v15_2048_SHA256, .mismatchedDetails),
        ("ed25519", .pkixEd25519ph, .unsupportedAlgorithm),
        ("ed25519", .pkixECDSAP256SHA256, .mismatchedDetails),
        ("rsa2048", .pkixRSAPKCS1v15_4096_SHA256, .mismatchedDetails),
        ("rsa2048", .pkixRSAPSS_3072_SHA256, .mismatchedDetails),
        ("rsa4096", .mlDSA87, .mismatchedDetails),
    ]

    @Test(arguments: refusals)
    func refusesDetailsItCannotHonour(name: String, details: PublicKeyDetails, code: CryptoError.Code) throws {
        let key = try PrivateKey(pemEncoded: Fixture.string("keys/\(name).pem"))
        let error = #expect(throws: CryptoError.self) { try key.signature(for: [1, 2, 3], details: details) }
        #expect(error?.code == code)
    }

    @Test func refusesBadDigests() throws {
        let p256 = try PrivateKey(pemEncoded: Fixture.string("keys/p256.pem"))
        let short = #expect(throws: CryptoError.self) { try p256.signature(forDigest: [UInt8](repeating: 0, count: 31), hash: .sha256) }
        #expect(short?.code == .invalidDigest)
        let mismatched = #expect(throws: CryptoError.self) {
            try p256.signature(forDigest: [UInt8](repeating: 0, count: 48), hash: .sha384, details: .pkixECDSAP256SHA256)
        }
        #expect(mismatched?.code == .mismatchedDetails)
        let ed25519 = try PrivateKey(pemEncoded: Fixture.string("keys/ed25519.pem"))
        let prehash = #expect(throws: CryptoError.self) { try ed25519.signature(forDigest: [UInt8](repeating: 0, count: 64), hash: .sha512) }
        #expect(prehash?.code == .unsupportedAlgorithm)
    }

    // MARK: openssl

    /// Verifies with `openssl dgst -verify` (or `pkeyutl -verify -rawin` for Ed25519).
    static func openSSLVerifies(
        _ signature: [UInt8], over message: [UInt8], key: PublicKey, details: PublicKeyDetails, hash: HashAlgorithm? = nil
    ) throws -> Bool {
        let openssl = try OpenSSL()
        defer { openssl.cleanUp() }
        let keyPath = try openssl.write(key.pemRepresentation, named: "key.pem")
        let signaturePath = try openssl.write(signature, named: "message.sig")
        let messagePath = try openssl.write(message, named: "message.bin")
        let arguments: [String]
        if details == .pkixEd25519 {
            arguments = ["pkeyutl", "-verify", "-pubin", "-inkey", keyPath, "-rawin", "-in", messagePath, "-sigfile", signaturePath]
        } else {
            let digest = hash ?? details.hashAlgorithm ?? .sha256
            var options = ["dgst", "-\(digest.rawValue)", "-verify", keyPath, "-signature", signaturePath]
            if details.keyKind == .rsa, [PublicKeyDetails.pkcs1RSAPSS, .pkixRSAPSS, .pkixRSAPSS_2048_SHA256, .pkixRSAPSS_3072_SHA256, .pkixRSAPSS_4096_SHA256].contains(details) {
                options += ["-sigopt", "rsa_padding_mode:pss", "-sigopt", "rsa_pss_saltlen:digest", "-sigopt", "rsa_mgf1_md:\(digest.rawValue)"]
            }
            arguments = options + [messagePath]
        }
        let result = try openssl.run(arguments)
        return result.status == 0 && result.output.contains("Verified")
    }
}
