public import X509

extension PrivateKey {
    /// This key as a swift-certificates signing key, for issuing certificates and CSRs.
    public var certificatePrivateKey: Certificate.PrivateKey {
        switch backing {
        case .p256(let key): Certificate.PrivateKey(key)
        case .p384(let key): Certificate.PrivateKey(key)
        case .p521(let key): Certificate.PrivateKey(key)
        case .ed25519(let key): Certificate.PrivateKey(key)
        case .rsa(let key): Certificate.PrivateKey(key)
        }
    }
}
