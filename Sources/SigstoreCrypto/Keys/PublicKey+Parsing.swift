import Crypto
import CryptoExtras
import SwiftASN1

// Per-algorithm SubjectPublicKeyInfo checks, stricter than swift-crypto alone, so that every
// accepted key re-encodes to the same bytes (and so the same key ID) it was parsed from.
extension PublicKey {
    init(ecdsa info: SubjectPublicKeyInfo) throws {
        guard let curve = info.algorithm.namedCurve else {
            throw CryptoError(.unsupportedAlgorithm, "EC public keys must name their curve; explicit curve parameters are not supported")
        }
        let point = Array(info.key.bytes)
        let coordinateLength: Int
        switch curve {
        case .curveP256: coordinateLength = 32
        case .curveP384: coordinateLength = 48
        case .curveP521: coordinateLength = 66
        default:
            throw CryptoError(.unsupportedAlgorithm, "unsupported elliptic curve \(curve); expected P-256, P-384 or P-521")
        }
        // Go and sigstore-go reject compressed points; so do we, to agree on key IDs.
        guard point.count == 1 + 2 * coordinateLength, point.first == 0x04 else {
            throw CryptoError(.malformedKey, "EC public key must be an uncompressed point of \(1 + 2 * coordinateLength) bytes")
        }
        do {
            switch curve {
            case .curveP256: self.init(backing: .p256(try P256.Signing.PublicKey(x963Representation: point)))
            case .curveP384: self.init(backing: .p384(try P384.Signing.PublicKey(x963Representation: point)))
            default: self.init(backing: .p521(try P521.Signing.PublicKey(x963Representation: point)))
            }
        } catch {
            throw CryptoError(.malformedKey, "EC public key is not a point on its curve: \(error)")
        }
    }

    init(ed25519 info: SubjectPublicKeyInfo) throws {
        guard info.algorithm.parameters == nil else {
            throw CryptoError(.malformedKey, "Ed25519 keys must not carry algorithm parameters (RFC 8410)")
        }
        try self.init(rawEd25519: info.key.bytes)
    }

    init(rsa info: SubjectPublicKeyInfo) throws {
        guard info.algorithm.hasNullParameters else {
            throw CryptoError(.malformedKey, "rsaEncryption keys must carry NULL parameters")
        }
        let fields: PKCS1RSAPublicKey
        do {
            fields = try PKCS1RSAPublicKey(derEncoded: info.key.bytes)
        } catch {
            throw CryptoError(.malformedKey, "RSA key is not a DER RSAPublicKey: \(error)")
        }
        let bits = fields.modulusBits
        guard KeyAlgorithm.rsaBitRange.contains(bits) else {
            throw CryptoError(.weakKey, "RSA modulus of \(bits) bits is outside the accepted \(KeyAlgorithm.rsaBitRange.lowerBound)…\(KeyAlgorithm.rsaBitRange.upperBound)")
        }
        guard fields.hasStandardExponent else {
            throw CryptoError(.weakKey, "RSA public exponent must be 65537")
        }
        do {
            self.init(backing: .rsa(try _RSA.Signing.PublicKey(derRepresentation: info.derBytes)))
        } catch {
            throw CryptoError(.malformedKey, "RSA key rejected by swift-crypto: \(error)")
        }
    }

    /// The uncompressed point of an ECDSA key.
    var x963Point: [UInt8]? {
        switch backing {
        case .p256(let key): Array(key.x963Representation)
        case .p384(let key): Array(key.x963Representation)
        case .p521(let key): Array(key.x963Representation)
        case .ed25519, .rsa: nil
        }
    }
}
