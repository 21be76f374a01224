import Foundation
public import SigstoreCrypto
import SwiftASN1
import X509

extension SigningCertificateRequest.KeyMaterial {
    /// The client's public key, after checking that the client holds its private key.
    ///
    /// A CSR's self-signature is the proof (its subject and extensions are ignored). A bare key
    /// must come with a signature over the UTF-8 `challenge`, made with the key's default hash
    /// (P-256 SHA-256, P-384 SHA-384, P-521 SHA-512, RSA PKCS#1 v1.5 or PSS with SHA-256, pure Ed25519).
    ///
    /// - Throws: ``CAError/Code/invalidRequest`` for unparseable input,
    ///   ``CAError/Code/unsupportedKey`` for keys other than ECDSA P-256/384/521, RSA 2048–4096
    ///   with e = 65537 and Ed25519, ``CAError/Code/invalidProofOfPossession`` for a bad signature.
    public func verifiedPublicKey(challenge: String) throws -> PublicKey {
        switch self {
        case .certificateSigningRequest(let bytes):
            return try Self.verifiedKey(csr: bytes)
        case .publicKey(let content, let proof):
            let key = try Self.publicKey { try PublicKey(pemOrDER: content) }
            var accepted = key.isValidSignature(proof, for: Array(challenge.utf8))
            if !accepted, case .rsa = key.algorithm {
                accepted = key.isValidSignature(proof, for: Array(challenge.utf8), details: .pkixRSAPSS)
            }
            guard accepted else {
                throw CAError(.invalidProofOfPossession, "the proof of possession is not a signature by this key over the token's challenge claim")
            }
            return key
        }
    }

    private static func verifiedKey(csr bytes: [UInt8]) throws -> PublicKey {
        let der = try csrDER(bytes)
        let csr: CertificateSigningRequest
        do {
            csr = try CertificateSigningRequest(derEncoded: der)
        } catch {
            // swift-certificates refuses keys it cannot use; say which key, when the CSR names one.
            if let spki = subjectPublicKeyInfo(csrDER: der) {
                _ = try publicKey { try PublicKey(derEncoded: spki) }
            }
            throw CAError(.invalidRequest, "the certificate signing request cannot be parsed: \(error)")
        }
        let key = try publicKey { try PublicKey(csr.publicKey) }
        guard csr.publicKey.isValidSignature(csr.signature, for: csr) else {
            throw CAError(.invalidProofOfPossession, "the certificate signing request's signature does not verify with its key")
        }
        return key
    }

    /// The CSR's DER: from a `CERTIFICATE REQUEST` PEM block, or the bytes themselves.
    private static func csrDER(_ bytes: [UInt8]) throws -> [UInt8] {
        let trimmed = bytes.drop(while: { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D })
        guard trimmed.starts(with: Array("-----BEGIN".utf8)) else { return bytes }
        guard let text = String(validating: bytes, as: UTF8.self), let document = try? PEMDocument(pemString: text) else {
            throw CAError(.invalidRequest, "the certificate signing request is not a single PEM block")
        }
        guard ["CERTIFICATE REQUEST", "NEW CERTIFICATE REQUEST"].contains(document.discriminator) else {
            throw CAError(.invalidRequest, "expected a CERTIFICATE REQUEST PEM block, found \(document.discriminator)")
        }
        return document.derBytes
    }

    /// `CertificationRequest.certificationRequestInfo.subjectPKInfo`, read without interpreting the key.
    private static func subjectPublicKeyInfo(csrDER der: [UInt8]) -> ArraySlice<UInt8>? {
        guard let root = try? DER.parse(der), case .constructed(let outer) = root.content,
            let info = outer.first(where: { _ in true }), case .constructed(let fields) = info.content
        else { return nil }
        let parts = Array(fields)
        guard parts.count >= 3, parts[2].identifier == .sequence else { return nil }
        return parts[2].encodedBytes
    }

    private static func publicKey(_ parse: () throws -> PublicKey) throws -> PublicKey {
        do {
            return try parse()
        } catch let error as CryptoError where error.code == .malformedKey {
            throw CAError(.invalidRequest, "the public key cannot be parsed: \(error.message)")
        } catch let error as CryptoError {
            throw CAError(.unsupportedKey, "unsupported public key: \(error.message); use ECDSA P-256/P-384/P-521, RSA 2048–4096 (e = 65537) or Ed25519")
        }
    }
}
