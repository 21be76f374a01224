public import X509
import SwiftASN1

extension PublicKey {
    /// Converts a swift-certificates key (for example a certificate's subject key), applying
    /// the same checks as ``init(derEncoded:)``.
    public init(_ certificateKey: Certificate.PublicKey) throws {
        var serializer = DER.Serializer()
        do {
            try serializer.serialize(certificateKey)
        } catch {
            throw CryptoError(.malformedKey, "cannot encode certificate public key: \(error)")
        }
        try self.init(derEncoded: serializer.serializedBytes)
    }

    /// This key as a swift-certificates key, for building and verifying certificates and CSRs.
    public var certificatePublicKey: Certificate.PublicKey {
        switch backing {
        case .p256(let key): Certificate.PublicKey(key)
        case .p384(let key): Certificate.PublicKey(key)
        case .p521(let key): Certificate.PublicKey(key)
        case .ed25519(let key): Certificate.PublicKey(key)
        case .rsa(let key): Certificate.PublicKey(key)
        }
    }
}
