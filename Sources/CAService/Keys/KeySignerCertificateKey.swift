import Foundation
import SigstoreCrypto
import SwiftASN1
import X509

/// A ``KeySigner`` as a swift-certificates signing key, so certificates are built by
/// swift-certificates and signed asynchronously by a key that may live in an HSM or KMS.
///
/// Only asynchronous signing works: swift-certificates calls `signAsynchronously` from its
/// `async` certificate initialiser, and a remote key cannot answer synchronously.
struct KeySignerCertificateKey: CustomPrivateKey {
    let signer: any KeySigner
    let publicKey: Certificate.PublicKey
    let defaultSignatureAlgorithm: Certificate.SignatureAlgorithm

    /// - Throws: ``CAError/Code/invalidConfiguration`` for Ed25519 keys, which CA keys must not
    ///   be (sigstore-python cannot verify SCTs over an Ed25519 issuer).
    init(_ signer: any KeySigner) throws {
        self.signer = signer
        publicKey = signer.publicKey.certificatePublicKey
        switch signer.publicKey.algorithm {
        case .ecdsaP256: defaultSignatureAlgorithm = .ecdsaWithSHA256
        case .ecdsaP384: defaultSignatureAlgorithm = .ecdsaWithSHA384
        case .ecdsaP521: defaultSignatureAlgorithm = .ecdsaWithSHA512
        // KeySigner's default RSA details are PKCS#1 v1.5 with SHA-256.
        case .rsa: defaultSignatureAlgorithm = .sha256WithRSAEncryption
        case .ed25519: throw CAError(.invalidConfiguration, "CA keys must be ECDSA or RSA, not Ed25519")
        }
    }

    var supportedSignatureAlgorithms: [Certificate.SignatureAlgorithm] {
        [defaultSignatureAlgorithm]
    }

    func signSynchronously(bytes: some DataProtocol, signatureAlgorithm: Certificate.SignatureAlgorithm) throws -> Certificate.Signature {
        throw CAError(.issuanceFailed, "CA keys sign asynchronously only")
    }

    func signAsynchronously(
        bytes: some DataProtocol & Sendable,
        signatureAlgorithm: Certificate.SignatureAlgorithm
    ) async throws -> Certificate.Signature {
        guard signatureAlgorithm == defaultSignatureAlgorithm else {
            throw CAError(.issuanceFailed, "the CA key signs with \(defaultSignatureAlgorithm), not \(signatureAlgorithm)")
        }
        let signature = try await signer.signature(for: Array(bytes))
        return try Certificate.Signature(signatureAlgorithm: signatureAlgorithm, signatureBytes: ASN1BitString(bytes: signature[...]))
    }

    // PEMSerializable: a remote key has no private encoding to offer.
    static var defaultPEMDiscriminator: String { "PRIVATE KEY" }

    func serialize(into coder: inout DER.Serializer) throws {
        throw CAError(.invalidConfiguration, "a KeySigner-backed CA key cannot be serialized")
    }

    static func == (lhs: Self, rhs: Self) -> Bool {
        lhs.publicKey == rhs.publicKey
    }

    func hash(into hasher: inout Hasher) {
        hasher.combine(publicKey)
    }
}
