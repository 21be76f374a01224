public import Foundation
public import SigstoreCrypto
import Crypto
import SwiftASN1
import X509

/// A freshly generated CA: a root and an intermediate, with both private keys so they can be
/// saved (the root's ideally offline).
public struct GeneratedCertificateAuthority: Sendable {
    /// The root's key, needed only to issue another intermediate.
    public let rootKey: PrivateKey
    /// The intermediate's key, which signs every leaf.
    public let intermediateKey: PrivateKey
    /// The intermediate key with the chain `[intermediate, root]`.
    public let keys: CertificateAuthorityKeys
}

extension CertificateAuthorityKeys {
    /// Generates a root and an intermediate with the profile of interop contract §2.4, as
    /// `signetd ca init` does.
    ///
    /// The root has BasicConstraints critical CA:TRUE, KeyUsage critical keyCertSign + cRLSign
    /// and a SubjectKeyIdentifier; the intermediate adds pathLen 0, the codeSigning EKU and an
    /// AuthorityKeyIdentifier. Both are valid from `notValidBefore` for `validity`.
    ///
    /// - Parameter algorithm: ECDSA P-256/P-384/P-521 or RSA; P-384 by default. Ed25519 is refused:
    ///   sigstore-python cannot verify SCTs for leaves of an Ed25519 issuer.
    public static func generate(
        algorithm: KeyAlgorithm = .ecdsaP384,
        organization: String = "signet",
        commonName: String = "signet",
        notValidBefore: Date,
        validity: TimeInterval = 10 * 365 * 86_400
    ) throws -> GeneratedCertificateAuthority {
        if algorithm == .ed25519 {
            throw CAError(.invalidConfiguration, "CA keys must be ECDSA or RSA, not Ed25519")
        }
        do {
            let rootKey = try PrivateKey.generate(algorithm)
            let intermediateKey = try PrivateKey.generate(algorithm)
            let rootName = try DistinguishedName {
                OrganizationName(organization)
                CommonName(commonName)
            }
            let intermediateName = try DistinguishedName {
                OrganizationName(organization)
                CommonName("\(commonName)-intermediate")
            }
            let notValidAfter = notValidBefore.addingTimeInterval(validity)
            let root = try Certificate(
                version: .v3,
                serialNumber: Certificate.SerialNumber(bytes: randomSerial()),
                publicKey: rootKey.publicKey.certificatePublicKey,
                notValidBefore: notValidBefore,
                notValidAfter: notValidAfter,
                issuer: rootName,
                subject: rootName,
                extensions: try Certificate.Extensions {
                    Critical(BasicConstraints.isCertificateAuthority(maxPathLength: nil))
                    Critical(KeyUsage(keyCertSign: true, cRLSign: true))
                    SubjectKeyIdentifier(hash: rootKey.publicKey.certificatePublicKey)
                },
                issuerPrivateKey: rootKey.certificatePrivateKey
            )
            let intermediate = try Certificate(
                version: .v3,
                serialNumber: Certificate.SerialNumber(bytes: randomSerial()),
                publicKey: intermediateKey.publicKey.certificatePublicKey,
                notValidBefore: notValidBefore,
                notValidAfter: notValidAfter,
                issuer: rootName,
                subject: intermediateName,
                extensions: try Certificate.Extensions {
                    Critical(BasicConstraints.isCertificateAuthority(maxPathLength: 0))
                    Critical(KeyUsage(keyCertSign: true, cRLSign: true))
                    try ExtendedKeyUsage([.codeSigning])
                    SubjectKeyIdentifier(hash: intermediateKey.publicKey.certificatePublicKey)
                    AuthorityKeyIdentifier(keyIdentifier: try root.extensions.subjectKeyIdentifier?.keyIdentifier)
                },
                issuerPrivateKey: rootKey.certificatePrivateKey
            )
            let keys = try CertificateAuthorityKeys(signer: intermediateKey, chain: [intermediate, root])
            return GeneratedCertificateAuthority(rootKey: rootKey, intermediateKey: intermediateKey, keys: keys)
        } catch let error as CAError {
            throw error
        } catch {
            throw CAError(.invalidConfiguration, "cannot generate the CA: \(error)")
        }
    }

    /// A random positive serial of at most 20 octets (RFC 5280 §4.1.2.2): 159 random bits, with
    /// the top byte kept non-zero so the DER length is always 20.
    static func randomSerial() -> [UInt8] {
        // One draw from BoringSSL's generator, not twenty from the system's (a syscall each).
        var bytes = SymmetricKey(size: SymmetricKeySize(bitCount: 160)).withUnsafeBytes { Array($0) }
        bytes[0] = (bytes[0] & 0x7F) | 0x01
        return bytes
    }
}
