import Foundation
public import SigstoreCrypto
import SwiftASN1
public import X509

/// The CA's issuing key and its certificate chain, `[issuing CA, intermediates…, root]`.
///
/// The key signs through ``KeySigner``, so it may live in an HSM or KMS; swift-certificates builds
/// each certificate and the key signs it asynchronously.
public struct CertificateAuthorityKeys: Sendable {
    /// The issuing key.
    public let signer: any KeySigner
    /// The issuing CA certificate first, the root last (the trust bundle's chain).
    public let chain: [Certificate]
    /// The issuing key as swift-certificates signs with it.
    let certificateKey: Certificate.PrivateKey
    /// The algorithm the issuing key signs with.
    let signatureAlgorithm: Certificate.SignatureAlgorithm
    /// The issuing certificate's SubjectKeyIdentifier: every leaf's AuthorityKeyIdentifier.
    let issuerKeyIdentifier: ArraySlice<UInt8>
    /// ``chain`` as PEM blocks with trailing newlines, encoded once: every response carries them.
    let chainPEMBlocks: [String]

    /// Checks and wraps an issuing key and its chain.
    ///
    /// - Throws: ``CAError/Code/invalidConfiguration`` when the key does not match the first
    ///   certificate, the key is Ed25519, a certificate is not a CA or does not sign the one
    ///   below it, the chain does not end at a self-signed root, the issuing certificate has no
    ///   SubjectKeyIdentifier, or an intermediate lacks the codeSigning EKU.
    public init(signer: any KeySigner, chain: [Certificate]) throws {
        guard let issuing = chain.first, let root = chain.last else {
            throw CAError(.invalidConfiguration, "the CA chain is empty")
        }
        let wrapped = try KeySignerCertificateKey(signer)
        certificateKey = Certificate.PrivateKey(wrapped)
        signatureAlgorithm = wrapped.defaultSignatureAlgorithm
        guard issuing.publicKey == signer.publicKey.certificatePublicKey else {
            throw CAError(.invalidConfiguration, "the CA key does not match the first certificate of the chain")
        }
        for (index, certificate) in chain.enumerated() {
            let role = index == 0 ? "issuing certificate" : "chain certificate \(index)"
            guard case .isCertificateAuthority = try? certificate.extensions.basicConstraints else {
                throw CAError(.invalidConfiguration, "the \(role) (\(certificate.subject)) is not a CA (BasicConstraints CA:TRUE)")
            }
            guard (try? certificate.extensions.keyUsage)??.keyCertSign ?? false else {
                throw CAError(.invalidConfiguration, "the \(role) (\(certificate.subject)) may not sign certificates (KeyUsage keyCertSign)")
            }
            let parent = index + 1 < chain.count ? chain[index + 1] : certificate
            guard certificate.issuer == parent.subject, parent.publicKey.isValidSignature(certificate.signature, for: certificate) else {
                throw CAError(.invalidConfiguration, "the \(role) (\(certificate.subject)) is not signed by \(parent.subject)")
            }
        }
        guard root.issuer == root.subject else {
            throw CAError(.invalidConfiguration, "the chain must end at a self-signed root")
        }
        // Go's chain building enforces EKU nesting, and Fulcio refuses an intermediate without it.
        for certificate in chain.dropLast() {
            guard let usage = try? certificate.extensions.extendedKeyUsage, usage.contains(.codeSigning) else {
                throw CAError(.invalidConfiguration, "intermediate \(certificate.subject) lacks the codeSigning extended key usage")
            }
        }
        guard let keyIdentifier = try? issuing.extensions.subjectKeyIdentifier?.keyIdentifier else {
            throw CAError(.invalidConfiguration, "the issuing certificate has no SubjectKeyIdentifier, so leaves could not name it")
        }
        self.signer = signer
        self.chain = chain
        self.issuerKeyIdentifier = keyIdentifier
        do {
            chainPEMBlocks = try chain.map(Self.pemBlock)
        } catch {
            throw CAError(.invalidConfiguration, "the CA chain cannot be encoded: \(error)")
        }
    }

    /// A certificate as a PEM block with a trailing newline (64-character base64 lines, as
    /// swift-certificates' `PEMDocument` writes them, but without its per-line string slicing).
    static func pemBlock(_ certificate: Certificate) throws -> String {
        var serializer = DER.Serializer()
        try serializer.serialize(certificate)
        let base64 = Data(serializer.serializedBytes).base64EncodedString(options: [.lineLength64Characters, .endLineWithLineFeed])
        return "-----BEGIN CERTIFICATE-----\n" + base64 + "\n-----END CERTIFICATE-----\n"
    }

    /// Loads an issuing key and chain from PEM text, as `signetd` reads them from files.
    ///
    /// - Parameters:
    ///   - privateKeyPEM: `PRIVATE KEY`, `EC PRIVATE KEY`, `RSA PRIVATE KEY`, or `ENCRYPTED PRIVATE KEY`
    ///     (PKCS#8 with PBES2, as `openssl genpkey … -aes256` writes).
    ///   - password: The password of an encrypted key.
    ///   - chainPEM: Concatenated `CERTIFICATE` blocks, issuing certificate first, root last.
    public init(privateKeyPEM: String, password: [UInt8]? = nil, chainPEM: String) throws {
        let key = try Self.privateKey(pem: privateKeyPEM, password: password)
        let chain: [Certificate]
        do {
            chain = try PEMDocument.parseMultiple(pemString: chainPEM).map { try Certificate(pemDocument: $0) }
        } catch {
            throw CAError(.invalidConfiguration, "the CA chain is not PEM certificates: \(error)")
        }
        try self.init(signer: key, chain: chain)
    }

    /// The issuing certificate.
    public var issuingCertificate: Certificate { chain[0] }

    /// The root certificate.
    public var root: Certificate { chain[chain.count - 1] }

    /// Each chain certificate as PEM with a trailing newline, issuing certificate first.
    public func chainPEM() throws -> [String] {
        chainPEMBlocks
    }

    /// Parses a PEM private key, decrypting an `ENCRYPTED PRIVATE KEY` with `password`.
    ///
    /// - Throws: ``CAError/Code/invalidConfiguration``: a wrong or missing password, an
    ///   unsupported encryption scheme, or a malformed key.
    public static func privateKey(pem: String, password: [UInt8]?) throws -> PrivateKey {
        let document: PEMDocument
        do {
            document = try PEMDocument(pemString: pem)
        } catch {
            throw CAError(.invalidConfiguration, "the CA key is not a single PEM block (legacy 'Proc-Type: ENCRYPTED' keys are not supported; use PKCS#8): \(error)")
        }
        do {
            guard document.discriminator == "ENCRYPTED PRIVATE KEY" else {
                return try PrivateKey(pemEncoded: pem)
            }
            guard let password else {
                throw CAError(.invalidConfiguration, "the CA key is encrypted; a password is required")
            }
            return try PrivateKey(pkcs8DER: EncryptedPrivateKey(derEncoded: document.derBytes).decrypt(password: password))
        } catch let error as CAError {
            throw error
        } catch {
            throw CAError(.invalidConfiguration, "cannot load the CA key: \(error)")
        }
    }
}
