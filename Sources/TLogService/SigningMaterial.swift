import Foundation
import LogEngine
import SwiftASN1
public import SigstoreCrypto
import X509

/// The key or certificate an entry names as its verifier, parsed once: its public key, the
/// canonical PEM the log stores, and the identities it can be searched by.
public struct SigningMaterial: Sendable {
    /// The key that must have made the entry's signatures.
    public let publicKey: PublicKey
    /// The certificate's DER, when the verifier is a certificate.
    public let certificateDER: [UInt8]?
    /// Canonical PEM (64-character lines, LF, trailing newline) of the certificate or key.
    public let canonicalPEM: String
    /// Email addresses and URIs from the certificate's subject alternative names.
    public let identities: [String]

    /// Reads a PEM certificate or public key (Rekor v1 verifiers), or DER of either.
    ///
    /// - Throws: ``RekorError/Code/invalidEntry`` when the bytes are neither.
    public init(pemOrDER bytes: [UInt8]) throws(RekorError) {
        let text = String(decoding: bytes, as: UTF8.self)
        if text.contains("-----BEGIN CERTIFICATE-----") {
            guard let der = Self.pemBody(text, type: "CERTIFICATE") else {
                throw RekorError(.invalidEntry, "the verifier's CERTIFICATE PEM block is malformed")
            }
            try self.init(certificateDER: der)
        } else if text.contains("-----BEGIN") {
            let key: PublicKey
            do {
                key = try PublicKey(pemEncoded: text)
            } catch {
                throw RekorError(.invalidEntry, "the verifier is not a usable PEM public key or certificate: \(error)")
            }
            self.init(publicKey: key)
        } else if let key = try? PublicKey(derEncoded: bytes) {
            self.init(publicKey: key)
        } else {
            try self.init(certificateDER: bytes)
        }
    }

    /// Reads a DER X.509 certificate.
    ///
    /// - Throws: ``RekorError/Code/invalidEntry``.
    public init(certificateDER der: [UInt8]) throws(RekorError) {
        let certificate: Certificate
        let key: PublicKey
        do {
            certificate = try Certificate(derEncoded: der)
            key = try PublicKey(certificate.publicKey)
        } catch {
            throw RekorError(.invalidEntry, "the verifier certificate cannot be used: \(error)")
        }
        var identities: [String] = []
        if let names = try? certificate.extensions.subjectAlternativeNames {
            for name in names {
                switch name {
                case .rfc822Name(let email): identities.append(email.lowercased())
                case .uniformResourceIdentifier(let uri): identities.append(uri)
                default: break
                }
            }
        }
        publicKey = key
        certificateDER = der
        canonicalPEM = Self.pem(type: "CERTIFICATE", der: der)
        self.identities = identities
    }

    /// Wraps a public key (no identities).
    public init(publicKey: PublicKey) {
        self.publicKey = publicKey
        certificateDER = nil
        canonicalPEM = publicKey.pemRepresentation
        identities = []
    }

    /// The search keys of this verifier: its key fingerprint and identities.
    /// Values too long to index are left out rather than refusing the entry.
    var searchKeys: [SearchKey] {
        ([(SearchKey.Kind.publicKeyFingerprint, Hex.encode(publicKey.keyID))] + identities.map { (.identity, $0) })
            .compactMap { try? SearchKey($0.0, $0.1) }
    }

    static func pem(type: String, der: [UInt8]) -> String {
        let body = Data(der).base64EncodedString(options: [.lineLength64Characters, .endLineWithLineFeed])
        return "-----BEGIN \(type)-----\n\(body)\n-----END \(type)-----\n"
    }

    /// The DER inside the first `type` block of `text`; nil when the block is missing or not base64.
    private static func pemBody(_ text: String, type: String) -> [UInt8]? {
        guard let begin = text.range(of: "-----BEGIN \(type)-----"),
            let end = text.range(of: "-----END \(type)-----", range: begin.upperBound..<text.endIndex)
        else { return nil }
        let base64 = text[begin.upperBound..<end.lowerBound].filter { !$0.isWhitespace }
        guard let data = Data(base64Encoded: String(base64)), !data.isEmpty else { return nil }
        return Array(data)
    }
}
