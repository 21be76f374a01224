public import Foundation
import Crypto
import CryptoExtras
import SwiftASN1

/// A public key of any algorithm Sigstore uses: ECDSA P-256/P-384/P-521, Ed25519 and RSA
/// (2048…4096 bits, e = 65537).
///
/// Keys are parsed strictly (DER, named curves, uncompressed points, RSA `NULL` parameters)
/// and kept in canonical form, so ``derRepresentation`` round-trips the input and ``keyID``
/// matches the RFC 6962 key ID other implementations compute.
public struct PublicKey: Sendable, Hashable, CustomStringConvertible {
    enum Backing: Sendable {
        case p256(P256.Signing.PublicKey)
        case p384(P384.Signing.PublicKey)
        case p521(P521.Signing.PublicKey)
        case ed25519(Curve25519.Signing.PublicKey)
        case rsa(_RSA.Signing.PublicKey)
    }

    let backing: Backing

    /// The key as DER SubjectPublicKeyInfo.
    public let derRepresentation: [UInt8]

    /// The key's algorithm and size.
    public let algorithm: KeyAlgorithm

    /// Parses a DER SubjectPublicKeyInfo.
    ///
    /// - Throws: ``CryptoError`` with `.malformedKey`, `.unsupportedAlgorithm` (other curves,
    ///   RSA-PSS-restricted keys, …) or `.weakKey` (RSA outside 2048…4096 bits or e ≠ 65537).
    public init(derEncoded spki: some DataProtocol) throws {
        let info: SubjectPublicKeyInfo
        do {
            info = try SubjectPublicKeyInfo(derEncoded: Array(spki))
        } catch {
            throw CryptoError(.malformedKey, "not a DER SubjectPublicKeyInfo: \(error)")
        }
        guard info.key.paddingBits == 0 else {
            throw CryptoError(.malformedKey, "public key BIT STRING has unused bits")
        }
        switch info.algorithm.algorithm {
        case .ecPublicKey: try self.init(ecdsa: info)
        case .ed25519: try self.init(ed25519: info)
        case .rsaEncryption: try self.init(rsa: info)
        case .rsassaPSS:
            throw CryptoError(.unsupportedAlgorithm, "RSASSA-PSS-restricted RSA keys (OID 1.2.840.113549.1.1.10) are not supported; use an rsaEncryption key")
        case let other:
            throw CryptoError(.unsupportedAlgorithm, "unsupported public key algorithm \(other)")
        }
    }

    /// Parses a PEM public key: `PUBLIC KEY` (SubjectPublicKeyInfo) or `RSA PUBLIC KEY` (PKCS#1).
    public init(pemEncoded pem: String) throws {
        let document: PEMDocument
        do {
            document = try PEMDocument(pemString: pem)
        } catch {
            throw CryptoError(.malformedKey, "not a single PEM document: \(error)")
        }
        switch document.discriminator {
        case "PUBLIC KEY": try self.init(derEncoded: document.derBytes)
        case "RSA PUBLIC KEY": try self.init(pkcs1RSADER: document.derBytes)
        case let other:
            throw CryptoError(.malformedKey, "expected a PUBLIC KEY or RSA PUBLIC KEY PEM block, found \(other)")
        }
    }

    /// Parses a key that may arrive either way, as Sigstore APIs allow (Fulcio's
    /// `publicKey.content`, Rekor's `publicKey`): PEM when the bytes start with `-----BEGIN`
    /// (after optional whitespace), DER SubjectPublicKeyInfo otherwise.
    public init(pemOrDER bytes: some DataProtocol) throws {
        let bytes = Array(bytes)
        let start = bytes.drop(while: { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D })
        if start.starts(with: Array("-----BEGIN".utf8)) {
            guard let text = String(validating: bytes, as: UTF8.self) else {
                throw CryptoError(.malformedKey, "PEM text is not valid UTF-8")
            }
            try self.init(pemEncoded: text)
        } else {
            try self.init(derEncoded: bytes)
        }
    }

    /// Parses a PKCS#1 `RSAPublicKey` (the raw key form the `PKCS1_RSA_*` details refer to).
    public init(pkcs1RSADER der: some DataProtocol) throws {
        let bytes = Array(der)
        do {
            _ = try PKCS1RSAPublicKey(derEncoded: bytes)
        } catch {
            throw CryptoError(.malformedKey, "not a DER PKCS#1 RSAPublicKey: \(error)")
        }
        let algorithm = AlgorithmIdentifier(algorithm: .rsaEncryption, parameters: try ASN1Any(erasing: ASN1Null()))
        let info = SubjectPublicKeyInfo(algorithm: algorithm, key: ASN1BitString(bytes: bytes[...]))
        try self.init(derEncoded: info.derBytes)
    }

    /// Wraps 32 raw Ed25519 public key bytes (RFC 8032), as carried by signed-note verifier keys.
    public init(rawEd25519 raw: some DataProtocol) throws {
        let bytes = Array(raw)
        guard bytes.count == 32, let key = try? Curve25519.Signing.PublicKey(rawRepresentation: bytes) else {
            throw CryptoError(.malformedKey, "an Ed25519 public key is 32 bytes, got \(bytes.count)")
        }
        self.init(backing: .ed25519(key))
    }

    init(backing: Backing) {
        self.backing = backing
        switch backing {
        case .p256(let key):
            algorithm = .ecdsaP256
            derRepresentation = Array(key.derRepresentation)
        case .p384(let key):
            algorithm = .ecdsaP384
            derRepresentation = Array(key.derRepresentation)
        case .p521(let key):
            algorithm = .ecdsaP521
            derRepresentation = Array(key.derRepresentation)
        case .ed25519(let key):
            algorithm = .ed25519
            derRepresentation = Array(key.derRepresentation)
        case .rsa(let key):
            algorithm = .rsa(bits: key.keySizeInBits)
            derRepresentation = Array(key.derRepresentation)
        }
    }

    /// The key as canonical PEM: `PUBLIC KEY`, 64-character lines, LF endings, trailing newline.
    public var pemRepresentation: String {
        PEMDocument(type: "PUBLIC KEY", derBytes: derRepresentation).pemString + "\n"
    }

    /// SHA-256 of ``derRepresentation``: the RFC 6962 log ID and Sigstore key ID.
    public var keyID: [UInt8] {
        HashAlgorithm.sha256.hash(derRepresentation)
    }

    /// The ``PublicKeyDetails`` used when a caller does not name any (see ``KeyAlgorithm/defaultDetails``).
    public var defaultDetails: PublicKeyDetails {
        algorithm.defaultDetails
    }

    /// The 32 raw key bytes of an Ed25519 key; `nil` for other algorithms.
    public var rawEd25519: [UInt8]? {
        guard case .ed25519(let key) = backing else { return nil }
        return Array(key.rawRepresentation)
    }

    public static func == (lhs: PublicKey, rhs: PublicKey) -> Bool {
        lhs.derRepresentation == rhs.derRepresentation
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(derRepresentation)
    }

    public var description: String {
        let id = Hex.encode(keyID.prefix(8))
        return "PublicKey(\(algorithm), keyID: \(id)…)"
    }
}
