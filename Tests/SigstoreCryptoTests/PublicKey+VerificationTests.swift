import Crypto
import Foundation
import SigstoreCrypto
import Testing

@Suite struct PublicKeyVerificationTests {
    // MARK: openssl-made signatures

    @Test(arguments: OpenSSLSignature.messageSignatures)
    func verifiesOpenSSLMessageSignatures(vector: OpenSSLSignature) throws {
        let key = try vector.publicKey
        let signature = try vector.signature
        let message = try Fixture.message
        #expect(key.isValidSignature(signature, for: message, details: vector.details))
        #expect(!key.isValidSignature(signature, for: message + [0x0A], details: vector.details))
        #expect(!key.isValidSignature(signature.flippingBit(at: signature.count / 2), for: message, details: vector.details))
        #expect(!key.isValidSignature(signature.dropLast(), for: message, details: vector.details))
        #expect(!key.isValidSignature([], for: message, details: vector.details))
        #expect(!key.isValidSignature(signature + [0x00], for: message, details: vector.details))
    }

    @Test(arguments: OpenSSLSignature.digestSignatures)
    func verifiesOpenSSLDigestSignatures(vector: OpenSSLSignature) throws {
        let key = try vector.publicKey
        let signature = try vector.signature
        let hash = try #require(vector.prehash)
        let digest = try Fixture.bytes("signatures/message.\(hash.rawValue)")
        #expect(key.isValidSignature(signature, forDigest: digest, hash: hash, details: vector.details))
        #expect(!key.isValidSignature(signature, forDigest: digest.flippingBit(at: 0), hash: hash, details: vector.details))
        #expect(!key.isValidSignature(signature.flippingBit(at: 8), forDigest: digest, hash: hash, details: vector.details))
        #expect(!key.isValidSignature(signature, forDigest: digest.dropLast(), hash: hash, details: vector.details))
    }

    @Test func rsaPaddingMustMatchDetails() throws {
        let key = try PublicKey(pemEncoded: Fixture.string("keys/rsa2048.pub.pem"))
        let message = try Fixture.message
        let pss = try Fixture.bytes("signatures/rsa2048-sha256-pss.sig")
        let pkcs1 = try Fixture.bytes("signatures/rsa2048-sha256-pkcs1.sig")
        #expect(!key.isValidSignature(pss, for: message))
        #expect(!key.isValidSignature(pkcs1, for: message, details: .pkixRSAPSS_2048_SHA256))
    }

    /// Known limitation: swift-crypto verifies PSS only with salt length = hash length, so Go's
    /// maximum-salt signatures (rsa.PSSSaltLengthAuto when signing) are refused.
    @Test func refusesPSSWithMaximumSalt() throws {
        let key = try PublicKey(pemEncoded: Fixture.string("keys/rsa2048.pub.pem"))
        let signature = try Fixture.bytes("signatures/rsa2048-sha256-pss-maxsalt.sig")
        #expect(try !key.isValidSignature(signature, for: Fixture.message, details: .pkixRSAPSS_2048_SHA256))
    }

    // MARK: Mismatches

    static let mismatches: [(String, String, PublicKeyDetails)] = [
        ("p256", "p256-sha256.sig", .pkixECDSAP384SHA384),
        ("p256", "p256-sha256.sig", .pkixEd25519),
        ("p384", "p384-sha256.sig", .pkixECDSAP384SHA384),
        ("p384", "p384-sha384.sig", .pkixECDSAP256SHA256),
        ("p521", "p521-sha256.sig", .pkixECDSAP521SHA512),
        ("ed25519", "ed25519.sig", .pkixEd25519ph),
        ("ed25519", "ed25519.sig", .pkixECDSAP256SHA256),
        ("rsa2048", "rsa2048-sha256-pkcs1.sig", .pkixRSAPKCS1v15_3072_SHA256),
        ("rsa2048", "rsa2048-sha256-pss.sig", .pkixRSAPSS_4096_SHA256),
        ("rsa4096", "rsa4096-sha256-pkcs1.sig", .pkixECDSAP256SHA256),
        ("rsa4096", "rsa4096-sha256-pkcs1.sig", .mlDSA65),
    ]

    @Test(arguments: mismatches)
    func refusesDetailsThatDoNotFit(key: String, file: String, details: PublicKeyDetails) throws {
        let publicKey = try PublicKey(pemEncoded: Fixture.string("keys/\(key).pub.pem"))
        #expect(try !publicKey.isValidSignature(Fixture.bytes("signatures/\(file)"), for: Fixture.message, details: details))
    }

    @Test func refusesDigestsThatDisagreeWithTheirHashOrDetails() throws {
        let key = try PublicKey(pemEncoded: Fixture.string("keys/p256.pub.pem"))
        let signature = try Fixture.bytes("signatures/p256-sha256.sig")
        let digest = try Fixture.bytes("signatures/message.sha256")
        #expect(key.isValidSignature(signature, forDigest: digest, hash: .sha256))
        #expect(!key.isValidSignature(signature, forDigest: digest, hash: .sha384))
        #expect(!key.isValidSignature(signature, forDigest: digest, hash: .sha256, details: .pkixECDSAP384SHA384))
        #expect(!key.isValidSignature(signature, forDigest: digest + digest.prefix(16), hash: .sha384, details: .pkixECDSAP256SHA256))
    }

    @Test func ed25519NeverVerifiesDigests() throws {
        let key = try PublicKey(pemEncoded: Fixture.string("keys/ed25519.pub.pem"))
        let signature = try Fixture.bytes("signatures/ed25519.sig")
        let digest = try Fixture.bytes("signatures/message.sha512")
        #expect(try key.isValidSignature(signature, for: Fixture.message))
        #expect(!key.isValidSignature(signature, forDigest: digest, hash: .sha512))
        #expect(!key.isValidSignature(signature, forDigest: digest, hash: .sha512, details: .pkixEd25519ph))
        #expect(!key.isValidSignature(signature, forDigest: digest, hash: .sha512, details: .pkixEd25519))
    }

    @Test(arguments: [("rsa2048", "rsa3072", "rsa2048-sha256-pkcs1.sig"), ("p384", "p521", "p384-sha384.sig")])
    func refusesSignaturesFromAnotherKey(signer: String, other: String, file: String) throws {
        let key = try PublicKey(pemEncoded: Fixture.string("keys/\(other).pub.pem"))
        #expect(try !key.isValidSignature(Fixture.bytes("signatures/\(file)"), for: Fixture.message))
        let fresh = PublicKey.freshP256
        #expect(try !fresh.isValidSignature(Fixture.bytes("signatures/p256-sha256.sig"), for: Fixture.message))
    }

    @Test func survivesGarbageSignatures() throws {
        let message = try Fixture.message
        for name in ["p256", "p384", "p521", "ed25519", "rsa2048"] {
            let key = try PublicKey(pemEncoded: Fixture.string("keys/\(name).pub.pem"))
            for length in [0, 1, 2, 8, 64, 65, 72, 256, 257, 1024] {
                let garbage = (0..<length).map { UInt8(truncatingIfNeeded: $0 &* 131 &+ 7) }
                #expect(!key.isValidSignature(garbage, for: message))
                #expect(!key.isValidSignature(garbage, forDigest: HashAlgorithm.sha256.hash(message), hash: .sha256))
            }
        }
    }

    // MARK: Published vectors

    /// RFC 6979 appendix A.2.5: P-256, SHA-256, message "sample" (a deterministic signature,
    /// which is what `PKIX_ECDSA_P256_HMAC_SHA_256` names).
    @Test func verifiesRFC6979Vector() throws {
        let spki = [UInt8](hex: "3059301306072a8648ce3d020106082a8648ce3d03010703420004"
            + "60fed4ba255a9d31c961eb74c6356d68c049b8923b61fa6ce669622e60f29fb6"
            + "7903fe1008b8bc99a41ae9e95628bc64f2f1b20c2d7e9f5177a3c294d4462299")
        let signature = [UInt8](hex: "3046022100efd48b2aacb6a8fd1140dd9cd45e81d69d2c877b56aaf991c34d0ea84eaf3716"
            + "022100f7cb1c942d657c41d436c7a1b6e29f65f3e900dbb9aff4064dc4ab2f843acda8")
        let key = try PublicKey(derEncoded: spki)
        #expect(key.isValidSignature(signature, for: Array("sample".utf8), details: .pkixECDSAP256HMACSHA256))
        #expect(key.isValidSignature(signature, for: Array("sample".utf8)))
        #expect(!key.isValidSignature(signature, for: Array("Sample".utf8)))
    }

    @Test func loadsEveryRealVector() {
        #expect(SigstoreSignature.all.count == 3)
        #expect(ArtifactSignature.all.count == 2)
    }

    @Test(arguments: SigstoreSignature.all)
    func verifiesRealSigstoreLogSignatures(vector: SigstoreSignature) throws {
        let key = try PublicKey(derEncoded: vector.publicKeyDER.base64Bytes)
        let details = try #require(PublicKeyDetails(rawValue: vector.keyDetails))
        let message = try vector.message.base64Bytes
        let signature = try vector.signature.base64Bytes
        #expect(key.isValidSignature(signature, for: message, details: details))
        #expect(key.isValidSignature(signature, for: message))
        #expect(!key.isValidSignature(signature, for: message.flippingBit(at: 3), details: details))
        #expect(!key.isValidSignature(signature.flippingBit(at: signature.count - 1), for: message, details: details))
    }

    @Test(arguments: ArtifactSignature.all)
    func verifiesRealBundleMessageSignatures(vector: ArtifactSignature) throws {
        let key = try PublicKey(pemEncoded: Fixture.string("sigstore/\(vector.publicKeyPEM)"))
        let digest = try vector.digest.base64Bytes
        let signature = try vector.signature.base64Bytes
        #expect(key.isValidSignature(signature, forDigest: digest, hash: .sha256, details: .pkixECDSAP256SHA256))
        #expect(!key.isValidSignature(signature, forDigest: digest.flippingBit(at: 31), hash: .sha256))
        if let artifact = vector.artifact {
            let bytes = try Fixture.bytes("sigstore/\(artifact)")
            #expect(HashAlgorithm.sha256.hash(bytes) == digest)
            #expect(key.isValidSignature(signature, for: bytes))
        }
    }
}

extension PublicKey {
    /// The public half of a throwaway P-256 key.
    static var freshP256: PublicKey {
        // swiftlint:disable:next force_try
        try! PublicKey(derEncoded: P256.Signing.PrivateKey().publicKey.derRepresentation)
    }
}
