public import Foundation
import Crypto
import CryptoExtras

extension PrivateKey {
    /// Signs `message`.
    ///
    /// `details` chooses hash and RSA padding exactly as in
    /// ``PublicKey/isValidSignature(_:for:details:)``; `nil` means the key's default (P-256 →
    /// SHA-256, P-384 → SHA-384, P-521 → SHA-512, RSA → PKCS#1 v1.5 SHA-256, Ed25519 → pure).
    /// ECDSA signatures are DER.
    ///
    /// - Throws: ``CryptoError`` `.mismatchedDetails` when `details` do not fit the key,
    ///   `.unsupportedAlgorithm` for Ed25519ph and deterministic ECDSA (`PKIX_ECDSA_P256_HMAC_SHA_256`).
    public func signature(for message: some DataProtocol, details: PublicKeyDetails? = nil) throws -> [UInt8] {
        try Self.refuseUnsignable(details)
        let scheme = try SignatureScheme(details: details, for: algorithm)
        if scheme.primitive == .ed25519 {
            guard case .ed25519(let key) = backing else { throw CryptoError(.mismatchedDetails, "not an Ed25519 key") }
            return try Self.wrappingFailures { Array(try key.signature(for: Array(message))) }
        }
        guard let hash = scheme.hash else { throw CryptoError(.unsupportedAlgorithm, "no hash for \(scheme.primitive)") }
        return try signature(digest: MessageDigest(hashing: message, with: hash), scheme: scheme)
    }

    /// Signs a precomputed `digest` made with `hash`.
    ///
    /// With `details`, its hash must equal `hash`; without, ECDSA keys sign with any hash and RSA
    /// keys use PKCS#1 v1.5. Ed25519 keys throw `.unsupportedAlgorithm` (no Ed25519ph).
    ///
    /// - Throws: ``CryptoError`` `.invalidDigest` when `digest` is not `hash.digestLength` bytes.
    public func signature(forDigest digest: some DataProtocol, hash: HashAlgorithm, details: PublicKeyDetails? = nil) throws -> [UInt8] {
        try Self.refuseUnsignable(details)
        let scheme = try SignatureScheme(details: details, hash: hash, for: algorithm)
        guard let typedDigest = MessageDigest(bytes: digest, algorithm: hash) else {
            throw CryptoError(.invalidDigest, "a \(hash.rawValue) digest is \(hash.digestLength) bytes, got \(digest.count)")
        }
        return try signature(digest: typedDigest, scheme: scheme)
    }

    private static func refuseUnsignable(_ details: PublicKeyDetails?) throws {
        if details == .pkixECDSAP256HMACSHA256 {
            throw CryptoError(.unsupportedAlgorithm, "PKIX_ECDSA_P256_HMAC_SHA_256 needs deterministic ECDSA (RFC 6979), which swift-crypto lacks; sign with PKIX_ECDSA_P256_SHA_256, which verifies the same way")
        }
    }

    private func signature(digest: MessageDigest, scheme: SignatureScheme) throws -> [UInt8] {
        switch digest {
        case .sha256(let digest): try signature(digest: digest, scheme: scheme)
        case .sha384(let digest): try signature(digest: digest, scheme: scheme)
        case .sha512(let digest): try signature(digest: digest, scheme: scheme)
        }
    }

    private func signature<D: Digest>(digest: D, scheme: SignatureScheme) throws -> [UInt8] {
        try Self.wrappingFailures {
            switch (backing, scheme.primitive) {
            case (.p256(let key), .ecdsa): Array(try key.signature(for: digest).derRepresentation)
            case (.p384(let key), .ecdsa): Array(try key.signature(for: digest).derRepresentation)
            case (.p521(let key), .ecdsa): Array(try key.signature(for: digest).derRepresentation)
            case (.rsa(let key), .rsaPKCS1v15): Array(try key.signature(for: digest, padding: .insecurePKCS1v1_5).rawRepresentation)
            case (.rsa(let key), .rsaPSS): Array(try key.signature(for: digest, padding: .PSS).rawRepresentation)
            default: throw CryptoError(.mismatchedDetails, "\(scheme.primitive) cannot sign with a \(algorithm) key")
            }
        }
    }

    private static func wrappingFailures(_ body: () throws -> [UInt8]) throws -> [UInt8] {
        do {
            return try body()
        } catch let error as CryptoError {
            throw error
        } catch {
            throw CryptoError(.signingFailed, "signing failed: \(error)")
        }
    }
}
