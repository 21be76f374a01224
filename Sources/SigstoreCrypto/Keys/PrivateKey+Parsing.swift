public import Foundation
import Crypto
import CryptoExtras
import SwiftASN1

extension PrivateKey {
    /// Parses a PEM private key: PKCS#8 `PRIVATE KEY`, SEC 1 `EC PRIVATE KEY` or PKCS#1
    /// `RSA PRIVATE KEY`. Encrypted keys are refused with `.unsupportedAlgorithm`; cosign's
    /// password-protected keys are opened by ``EncryptedSigningKey/decrypt(pem:password:)``.
    public init(pemEncoded pem: String) throws {
        let document: PEMDocument
        do {
            document = try PEMDocument(pemString: pem)
        } catch {
            throw CryptoError(.malformedKey, "not a single PEM document: \(error)")
        }
        switch document.discriminator {
        case "PRIVATE KEY": try self.init(pkcs8DER: document.derBytes)
        case "EC PRIVATE KEY": try self.init(sec1DER: document.derBytes)
        case "RSA PRIVATE KEY": try self.init(pkcs1RSADER: document.derBytes)
        case "ENCRYPTED PRIVATE KEY":
            throw CryptoError(.unsupportedAlgorithm, "encrypted private keys are not supported; decrypt the key first")
        case EncryptedSigningKey.pemType, EncryptedSigningKey.legacyPEMType:
            throw CryptoError(.unsupportedAlgorithm, "this is a password-protected cosign key; open it with its password (EncryptedSigningKey.decrypt(pem:password:))")
        case let other:
            throw CryptoError(.malformedKey, "expected a PRIVATE KEY, EC PRIVATE KEY or RSA PRIVATE KEY PEM block, found \(other)")
        }
    }

    /// Parses a DER PKCS#8 `PrivateKeyInfo` (RFC 5208 / RFC 5958 v1 and v2).
    public init(pkcs8DER der: some DataProtocol) throws {
        let bytes = Array(der)
        let info: PrivateKeyInfo
        do {
            info = try PrivateKeyInfo(derEncoded: bytes)
        } catch {
            throw CryptoError(.malformedKey, "not a DER PKCS#8 private key: \(error)")
        }
        switch info.algorithm.algorithm {
        case .ecPublicKey:
            let sec1: ECPrivateKey
            do {
                sec1 = try ECPrivateKey(derEncoded: info.privateKey)
            } catch {
                throw CryptoError(.malformedKey, "PKCS#8 EC key does not hold a SEC 1 ECPrivateKey: \(error)")
            }
            guard let curve = info.algorithm.namedCurve else {
                throw CryptoError(.unsupportedAlgorithm, "EC private keys must name their curve")
            }
            if let inner = sec1.namedCurve, inner != curve {
                throw CryptoError(.malformedKey, "PKCS#8 and SEC 1 curves disagree")
            }
            try self.init(ec: sec1, curve: curve)
        case .ed25519:
            // RFC 8410: the OCTET STRING wraps another OCTET STRING holding the 32-byte seed.
            guard let seed = try? ASN1OctetString(derEncoded: info.privateKey) else {
                throw CryptoError(.malformedKey, "Ed25519 PKCS#8 key does not hold a CurvePrivateKey")
            }
            try self.init(rawEd25519Seed: seed.bytes)
        case .rsaEncryption:
            try self.init(rsaDER: bytes)
        case let other:
            throw CryptoError(.unsupportedAlgorithm, "unsupported private key algorithm \(other)")
        }
    }

    /// Parses a DER SEC 1 `ECPrivateKey`. Without a named curve, the curve follows from the
    /// scalar length.
    public init(sec1DER der: some DataProtocol) throws {
        let sec1: ECPrivateKey
        do {
            sec1 = try ECPrivateKey(derEncoded: Array(der))
        } catch {
            throw CryptoError(.malformedKey, "not a DER SEC 1 ECPrivateKey: \(error)")
        }
        let curve: ASN1ObjectIdentifier
        switch (sec1.namedCurve, sec1.privateKey.count) {
        case (let named?, _): curve = named
        case (nil, 32): curve = .curveP256
        case (nil, 48): curve = .curveP384
        case (nil, 66): curve = .curveP521
        default: throw CryptoError(.malformedKey, "SEC 1 key names no curve and has an unusual length")
        }
        try self.init(ec: sec1, curve: curve)
    }

    /// Parses a DER PKCS#1 `RSAPrivateKey`.
    public init(pkcs1RSADER der: some DataProtocol) throws {
        try self.init(rsaDER: Array(der))
    }

    private init(ec sec1: ECPrivateKey, curve: ASN1ObjectIdentifier) throws {
        do {
            switch curve {
            case .curveP256: try self.init(backing: .p256(P256.Signing.PrivateKey(rawRepresentation: sec1.privateKey)))
            case .curveP384: try self.init(backing: .p384(P384.Signing.PrivateKey(rawRepresentation: sec1.privateKey)))
            case .curveP521: try self.init(backing: .p521(P521.Signing.PrivateKey(rawRepresentation: sec1.privateKey)))
            default:
                throw CryptoError(.unsupportedAlgorithm, "unsupported elliptic curve \(curve); expected P-256, P-384 or P-521")
            }
        } catch let error as CryptoError {
            throw error
        } catch {
            throw CryptoError(.malformedKey, "invalid EC private scalar: \(error)")
        }
        // A stored public key that disagrees with the scalar means a corrupted or spliced file.
        if let stored = sec1.publicKey, let derived = publicKey.x963Point, stored != derived {
            throw CryptoError(.malformedKey, "the EC private key's embedded public key does not match its scalar")
        }
    }

    private init(rsaDER bytes: [UInt8]) throws {
        let key: _RSA.Signing.PrivateKey
        do {
            // The unsafe initialiser admits small keys so that our own check reports them as weak.
            key = try _RSA.Signing.PrivateKey(unsafeDERRepresentation: bytes)
        } catch {
            throw CryptoError(.malformedKey, "not a DER RSA private key: \(error)")
        }
        try self.init(backing: .rsa(key))
    }
}
