import SigstoreCrypto
import SwiftASN1
import X509

/// How a CMS signer signs: the digest for the content and attributes, and the signature algorithm.
///
/// Issuing follows ``KeySigner``'s defaults (P-256 → ecdsa-with-SHA256, P-384 → SHA-384, P-521 → SHA-512,
/// RSA → sha256WithRSAEncryption PKCS#1 v1.5, Ed25519 → id-Ed25519 with SHA-512 digests per RFC 8419).
struct CMSSignatureAlgorithm: Hashable, Sendable {
    /// The SignerInfo digestAlgorithm, also used for the messageDigest attribute.
    var digest: HashAlgorithm
    /// The SignerInfo signatureAlgorithm as emitted.
    var identifier: AlgorithmIdentifier
    /// The same algorithm as swift-certificates names it, for verification.
    var certificateAlgorithm: Certificate.SignatureAlgorithm

    /// The algorithm a ``KeySigner`` with this key produces.
    init(signingWith key: KeyAlgorithm) {
        switch key {
        case .ecdsaP256: self.init(digest: .sha256, unparameterized: .AlgorithmID.ecdsaWithSHA256, .ecdsaWithSHA256)
        case .ecdsaP384: self.init(digest: .sha384, unparameterized: .AlgorithmID.ecdsaWithSHA384, .ecdsaWithSHA384)
        case .ecdsaP521: self.init(digest: .sha512, unparameterized: .AlgorithmID.ecdsaWithSHA512, .ecdsaWithSHA512)
        case .ed25519: self.init(digest: .sha512, unparameterized: .AlgorithmID.ed25519, .ed25519)
        case .rsa:
            // PKCS#1 v1.5 signature identifiers carry NULL parameters (RFC 4055 §5).
            self.init(
                digest: .sha256,
                identifier: AlgorithmIdentifier(
                    algorithm: .AlgorithmID.sha256WithRSAEncryption,
                    parameters: AlgorithmIdentifier.nullParameters
                ),
                certificateAlgorithm: .sha256WithRSAEncryption
            )
        }
    }

    // ECDSA and EdDSA identifiers omit parameters (RFC 5758 §3.2, RFC 8410 §3).
    private init(
        digest: HashAlgorithm,
        unparameterized oid: ASN1ObjectIdentifier,
        _ algorithm: Certificate.SignatureAlgorithm
    ) {
        self.init(digest: digest, identifier: AlgorithmIdentifier(algorithm: oid, parameters: nil), certificateAlgorithm: algorithm)
    }

    private init(
        digest: HashAlgorithm,
        identifier: AlgorithmIdentifier,
        certificateAlgorithm: Certificate.SignatureAlgorithm
    ) {
        self.digest = digest
        self.identifier = identifier
        self.certificateAlgorithm = certificateAlgorithm
    }

    /// The algorithm a received SignerInfo declares.
    ///
    /// Accepts plain `rsaEncryption` (what OpenSSL writes for RSA signers), taking the hash from the digest algorithm.
    ///
    /// - Throws: ``TimestampError/Code/unsupportedHashAlgorithm`` for a digest other than SHA-256/384/512,
    ///   ``TimestampError/Code/invalidSignature`` for a signature algorithm this module cannot verify (RSA-PSS included).
    init(of signerInfo: SignerInfo) throws {
        guard let digest = HashAlgorithm(signerInfo.digestAlgorithm) else {
            throw TimestampError(
                .unsupportedHashAlgorithm,
                "SignerInfo digest algorithm \(signerInfo.digestAlgorithm.algorithm) is not accepted"
            )
        }
        let identifier = signerInfo.signatureAlgorithm
        let algorithm: Certificate.SignatureAlgorithm
        switch identifier.algorithm {
        case .AlgorithmID.ecdsaWithSHA256: algorithm = .ecdsaWithSHA256
        case .AlgorithmID.ecdsaWithSHA384: algorithm = .ecdsaWithSHA384
        case .AlgorithmID.ecdsaWithSHA512: algorithm = .ecdsaWithSHA512
        case .AlgorithmID.sha256WithRSAEncryption: algorithm = .sha256WithRSAEncryption
        case .AlgorithmID.sha384WithRSAEncryption: algorithm = .sha384WithRSAEncryption
        case .AlgorithmID.sha512WithRSAEncryption: algorithm = .sha512WithRSAEncryption
        case .AlgorithmID.rsaEncryption:
            switch digest {
            case .sha256: algorithm = .sha256WithRSAEncryption
            case .sha384: algorithm = .sha384WithRSAEncryption
            case .sha512: algorithm = .sha512WithRSAEncryption
            }
        case .AlgorithmID.ed25519: algorithm = .ed25519
        default:
            throw TimestampError(.invalidSignature, "signature algorithm \(identifier.algorithm) is not supported")
        }
        self.init(digest: digest, identifier: identifier, certificateAlgorithm: algorithm)
    }
}
