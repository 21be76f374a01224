import Foundation
import SigstoreCrypto
import Testing

/// A signature made by openssl over `signatures/message.txt` (see Fixtures/README.md).
struct OpenSSLSignature: CustomTestStringConvertible, Sendable {
    var key: String
    var file: String
    var details: PublicKeyDetails?
    /// For prehash signatures: the hash whose `signatures/message.<hash>` digest was signed.
    var prehash: HashAlgorithm?

    var testDescription: String { "\(file) \(details?.rawValue ?? "default")" }

    var publicKey: PublicKey { get throws { try PublicKey(pemEncoded: Fixture.string("keys/\(key).pub.pem")) } }
    var signature: [UInt8] { get throws { try Fixture.bytes("signatures/\(file)") } }

    static let messageSignatures: [OpenSSLSignature] = [
        .init(key: "p256", file: "p256-sha256.sig", details: nil),
        .init(key: "p256", file: "p256-sha256.sig", details: .pkixECDSAP256SHA256),
        .init(key: "p256", file: "p256-sha256.sig", details: .pkixECDSAP256HMACSHA256),
        .init(key: "p384", file: "p384-sha384.sig", details: nil),
        .init(key: "p384", file: "p384-sha256.sig", details: .pkixECDSAP384SHA256),
        .init(key: "p521", file: "p521-sha512.sig", details: .pkixECDSAP521SHA512),
        .init(key: "p521", file: "p521-sha256.sig", details: .pkixECDSAP521SHA256),
        .init(key: "ed25519", file: "ed25519.sig", details: nil),
        .init(key: "rsa2048", file: "rsa2048-sha256-pkcs1.sig", details: nil),
        .init(key: "rsa2048", file: "rsa2048-sha256-pkcs1.sig", details: .pkixRSAPKCS1v5),
        .init(key: "rsa2048", file: "rsa2048-sha256-pkcs1.sig", details: .pkcs1RSAPKCS1v5),
        .init(key: "rsa2048", file: "rsa2048-sha256-pss.sig", details: .pkixRSAPSS_2048_SHA256),
        .init(key: "rsa2048", file: "rsa2048-sha256-pss.sig", details: .pkixRSAPSS),
        .init(key: "rsa3072", file: "rsa3072-sha256-pkcs1.sig", details: .pkixRSAPKCS1v15_3072_SHA256),
        .init(key: "rsa3072", file: "rsa3072-sha256-pss.sig", details: .pkixRSAPSS_3072_SHA256),
        .init(key: "rsa4096", file: "rsa4096-sha256-pkcs1.sig", details: nil),
        .init(key: "rsa4096", file: "rsa4096-sha256-pss.sig", details: .pkixRSAPSS_4096_SHA256),
    ]

    static let digestSignatures: [OpenSSLSignature] = [
        .init(key: "p256", file: "p256-prehash-sha256.sig", details: nil, prehash: .sha256),
        .init(key: "p256", file: "p256-prehash-sha256.sig", details: .pkixECDSAP256SHA256, prehash: .sha256),
        .init(key: "p256", file: "p256-sha256.sig", details: nil, prehash: .sha256),
        .init(key: "p384", file: "p384-prehash-sha384.sig", details: .pkixECDSAP384SHA384, prehash: .sha384),
        .init(key: "p384", file: "p384-sha256.sig", details: nil, prehash: .sha256),
        .init(key: "p521", file: "p521-sha512.sig", details: nil, prehash: .sha512),
        .init(key: "rsa2048", file: "rsa2048-prehash-sha256-pkcs1.sig", details: nil, prehash: .sha256),
        .init(key: "rsa2048", file: "rsa2048-prehash-sha256-pss.sig", details: .pkixRSAPSS_2048_SHA256, prehash: .sha256),
        .init(key: "rsa2048", file: "rsa2048-sha512-pkcs1.sig", details: nil, prehash: .sha512),
        .init(key: "rsa4096", file: "rsa4096-sha256-pss.sig", details: .pkixRSAPSS_4096_SHA256, prehash: .sha256),
    ]
}
