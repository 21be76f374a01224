public import Foundation
import Crypto
import CryptoExtras

extension PublicKey {
    /// Checks `signature` over `message`.
    ///
    /// `details` chooses the hash and, for RSA, the padding (PKCS#1 v1.5, or PSS with salt length
    /// equal to the hash length); `nil` means ``defaultDetails``. ECDSA signatures are DER.
    ///
    /// - Returns: `false` for any bad, malformed or mismatched input, including `details` that do
    ///   not fit this key and unsupported details such as `PKIX_ED25519_PH`. Never traps.
    public func isValidSignature(
        _ signature: some DataProtocol,
        for message: some DataProtocol,
        details: PublicKeyDetails? = nil
    ) -> Bool {
        guard let scheme = try? SignatureScheme(details: details, for: algorithm) else { return false }
        if scheme.primitive == .ed25519 {
            guard case .ed25519(let key) = backing else { return false }
            return key.isValidSignature(Array(signature), for: Array(message))
        }
        guard let hash = scheme.hash else { return false }
        return isValidSignature(Array(signature), digest: MessageDigest(hashing: message, with: hash), scheme: scheme)
    }

    /// Checks `signature` over a precomputed `digest` made with `hash`.
    ///
    /// With `details`, its hash must equal `hash`; without, ECDSA keys accept any hash and RSA
    /// keys use PKCS#1 v1.5 with `hash`. Ed25519 keys always return `false`: pure Ed25519 cannot
    /// sign digests and swift-crypto has no Ed25519ph.
    ///
    /// - Returns: `false` for any bad, malformed or mismatched input, including a digest whose
    ///   length is not `hash.digestLength`.
    public func isValidSignature(
        _ signature: some DataProtocol,
        forDigest digest: some DataProtocol,
        hash: HashAlgorithm,
        details: PublicKeyDetails? = nil
    ) -> Bool {
        guard let scheme = try? SignatureScheme(details: details, hash: hash, for: algorithm),
            let typedDigest = MessageDigest(bytes: digest, algorithm: hash)
        else { return false }
        return isValidSignature(Array(signature), digest: typedDigest, scheme: scheme)
    }

    private func isValidSignature(_ signature: [UInt8], digest: MessageDigest, scheme: SignatureScheme) -> Bool {
        switch digest {
        case .sha256(let digest): isValidSignature(signature, digest: digest, scheme: scheme)
        case .sha384(let digest): isValidSignature(signature, digest: digest, scheme: scheme)
        case .sha512(let digest): isValidSignature(signature, digest: digest, scheme: scheme)
        }
    }

    private func isValidSignature<D: Digest>(_ signature: [UInt8], digest: D, scheme: SignatureScheme) -> Bool {
        switch (backing, scheme.primitive) {
        case (.p256(let key), .ecdsa):
            guard let parsed = try? P256.Signing.ECDSASignature(derRepresentation: signature) else { return false }
            return key.isValidSignature(parsed, for: digest)
        case (.p384(let key), .ecdsa):
            guard let parsed = try? P384.Signing.ECDSASignature(derRepresentation: signature) else { return false }
            return key.isValidSignature(parsed, for: digest)
        case (.p521(let key), .ecdsa):
            guard let parsed = try? P521.Signing.ECDSASignature(derRepresentation: signature) else { return false }
            return key.isValidSignature(parsed, for: digest)
        case (.rsa(let key), .rsaPKCS1v15):
            return key.isValidSignature(_RSA.Signing.RSASignature(rawRepresentation: signature), for: digest, padding: .insecurePKCS1v1_5)
        case (.rsa(let key), .rsaPSS):
            return key.isValidSignature(_RSA.Signing.RSASignature(rawRepresentation: signature), for: digest, padding: .PSS)
        default:
            return false
        }
    }
}
