public import Foundation
import Crypto
import CryptoExtras
import SwiftASN1

/// A private signing key: ECDSA P-256/P-384/P-521, Ed25519 or RSA (2048…4096 bits, e = 65537).
///
/// Descriptions never include key material.
public struct PrivateKey: Sendable, CustomStringConvertible {
    enum Backing: Sendable {
        case p256(P256.Signing.PrivateKey)
        case p384(P384.Signing.PrivateKey)
        case p521(P521.Signing.PrivateKey)
        case ed25519(Curve25519.Signing.PrivateKey)
        case rsa(_RSA.Signing.PrivateKey)
    }

    let backing: Backing

    /// The matching public key.
    public let publicKey: PublicKey

    init(backing: Backing) throws {
        self.backing = backing
        switch backing {
        case .p256(let key): publicKey = PublicKey(backing: .p256(key.publicKey))
        case .p384(let key): publicKey = PublicKey(backing: .p384(key.publicKey))
        case .p521(let key): publicKey = PublicKey(backing: .p521(key.publicKey))
        case .ed25519(let key): publicKey = PublicKey(backing: .ed25519(key.publicKey))
        // Through the SPKI parser, so private keys get the same weak-key checks as public ones.
        case .rsa(let key): publicKey = try PublicKey(derEncoded: key.publicKey.derRepresentation)
        }
    }

    /// Generates a new key. RSA sizes must lie in ``KeyAlgorithm/rsaBitRange`` and be a multiple of 8.
    public static func generate(_ algorithm: KeyAlgorithm) throws -> PrivateKey {
        switch algorithm {
        case .ecdsaP256: return try PrivateKey(backing: .p256(P256.Signing.PrivateKey()))
        case .ecdsaP384: return try PrivateKey(backing: .p384(P384.Signing.PrivateKey()))
        case .ecdsaP521: return try PrivateKey(backing: .p521(P521.Signing.PrivateKey()))
        case .ed25519: return try PrivateKey(backing: .ed25519(Curve25519.Signing.PrivateKey()))
        case .rsa(let bits):
            guard KeyAlgorithm.rsaBitRange.contains(bits), bits % 8 == 0 else {
                throw CryptoError(.weakKey, "cannot generate RSA-\(bits): sizes must be multiples of 8 in \(KeyAlgorithm.rsaBitRange)")
            }
            do {
                return try PrivateKey(backing: .rsa(_RSA.Signing.PrivateKey(keySize: .init(bitCount: bits))))
            } catch let error as CryptoError {
                throw error
            } catch {
                throw CryptoError(.signingFailed, "RSA key generation failed: \(error)")
            }
        }
    }

    /// Wraps a 32-byte Ed25519 seed (RFC 8032 private key), as carried by signed-note signer keys.
    public init(rawEd25519Seed seed: some DataProtocol) throws {
        let bytes = Array(seed)
        guard bytes.count == 32, let key = try? Curve25519.Signing.PrivateKey(rawRepresentation: bytes) else {
            throw CryptoError(.malformedKey, "an Ed25519 seed is 32 bytes, got \(bytes.count)")
        }
        try self.init(backing: .ed25519(key))
    }

    /// The key's algorithm and size.
    public var algorithm: KeyAlgorithm { publicKey.algorithm }

    /// The key as DER PKCS#8 `PrivateKeyInfo`.
    public var pkcs8DER: [UInt8] {
        switch backing {
        case .p256(let key): Array(key.derRepresentation)
        case .p384(let key): Array(key.derRepresentation)
        case .p521(let key): Array(key.derRepresentation)
        case .ed25519(let key): Array(key.derRepresentation)
        case .rsa(let key): Array(key.pkcs8DERRepresentation)
        }
    }

    /// The key as PKCS#8 `PRIVATE KEY` PEM: 64-character lines, LF endings, trailing newline.
    public var pemRepresentation: String {
        PEMDocument(type: "PRIVATE KEY", derBytes: pkcs8DER).pemString + "\n"
    }

    public var description: String {
        "PrivateKey(\(publicKey))"
    }
}
