import SigstoreCrypto
import SigstoreModels
import SwiftASN1
import X509

/// Who signed a bundle, as its verification material and the caller's policy say.
enum Signer: Sendable {
    /// A Fulcio certificate (keyless signing), with its DER bytes and subject key.
    case certificate(Certificate, der: [UInt8], key: PublicKey)
    /// A managed key the caller supplied for a `publicKey`-hint bundle.
    case managedKey(PublicKey)

    /// The key that made the signature.
    var key: PublicKey {
        switch self {
        case .certificate(_, _, let key): key
        case .managedKey(let key): key
        }
    }

    /// Reads the signer from `material`, never trusting anything but the leaf (interop contract
    /// §11.2), and checks that the policy expects that kind of signer.
    init(_ material: SigstoreBundle.VerificationMaterial, policy: VerificationPolicy) throws(VerificationError) {
        switch (material.content, policy) {
        case (.publicKey, .publicKey(let key)):
            self = .managedKey(key)
        case (.publicKey, _):
            throw VerificationError(.identityMismatch, "the bundle is signed with a managed key; verify it with that public key")
        case (_, .publicKey):
            throw VerificationError(.identityMismatch, "the bundle is signed with a certificate, not with the given public key")
        default:
            guard let leaf = material.leafCertificate else {
                throw VerificationError(.invalidBundle, "the bundle names no signing certificate")
            }
            let certificate: Certificate
            do {
                certificate = try Certificate(derEncoded: leaf.rawBytes)
            } catch {
                throw VerificationError(.invalidBundle, "the signing certificate is not a DER X.509 certificate: \(error)")
            }
            let key: PublicKey
            do {
                key = try PublicKey(certificate.publicKey)
            } catch {
                throw VerificationError(.untrustedCertificate, "the signing certificate's key is unusable: \(error)")
            }
            self = .certificate(certificate, der: leaf.rawBytes, key: key)
        }
    }
}
