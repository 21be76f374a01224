/// The concrete primitive, padding and hash a signature operation will use, resolved from a
/// key, optional ``PublicKeyDetails`` and (for prehashed input) a hash.
struct SignatureScheme: Hashable, Sendable {
    enum Primitive: Hashable, Sendable {
        case ecdsa, ed25519, rsaPKCS1v15, rsaPSS
    }

    var primitive: Primitive
    /// `nil` only for pure Ed25519, which signs the message itself.
    var hash: HashAlgorithm?

    init(primitive: Primitive, hash: HashAlgorithm?) {
        self.primitive = primitive
        self.hash = hash
    }

    /// The scheme for signing or verifying a whole message.
    init(details: PublicKeyDetails?, for algorithm: KeyAlgorithm) throws {
        let details = details ?? algorithm.defaultDetails
        guard details.isCompatible(with: algorithm) else {
            throw CryptoError(.mismatchedDetails, "\(details.rawValue) does not describe a \(algorithm) key")
        }
        switch details.keyKind {
        case .ecdsa:
            self.init(primitive: .ecdsa, hash: details.hashAlgorithm)
        case .rsa:
            self.init(primitive: details.usesPSS ? .rsaPSS : .rsaPKCS1v15, hash: details.hashAlgorithm)
        case .ed25519 where details == .pkixEd25519:
            self.init(primitive: .ed25519, hash: nil)
        case .ed25519, .lms, .mlDSA:
            throw Self.unsupported(details)
        }
    }

    /// The scheme for signing or verifying a digest computed with `hash`.
    ///
    /// With `details`, the details' hash must be `hash`. Without, the key's usual primitive is
    /// used with `hash` (ECDSA, or RSA PKCS#1 v1.5), which lets CMS and X.509 callers follow
    /// the hash their algorithm identifier names.
    init(details: PublicKeyDetails?, hash: HashAlgorithm, for algorithm: KeyAlgorithm) throws {
        if let details {
            if details == .pkixEd25519 {
                throw CryptoError(.mismatchedDetails, "PKIX_ED25519 signs messages, not digests; a digest needs PKIX_ED25519_PH, which is not supported")
            }
            try self.init(details: details, for: algorithm)
            guard self.hash == hash else {
                throw CryptoError(.mismatchedDetails, "\(details.rawValue) uses \(self.hash?.rawValue ?? "no hash"), not \(hash.rawValue)")
            }
            return
        }
        switch algorithm {
        case .ecdsaP256, .ecdsaP384, .ecdsaP521: self.init(primitive: .ecdsa, hash: hash)
        case .rsa: self.init(primitive: .rsaPKCS1v15, hash: hash)
        case .ed25519: throw Self.unsupported(.pkixEd25519ph)
        }
    }

    private static func unsupported(_ details: PublicKeyDetails) -> CryptoError {
        switch details {
        case .pkixEd25519ph:
            CryptoError(.unsupportedAlgorithm, "PKIX_ED25519_PH (Ed25519ph, prehashed Ed25519) is not supported: swift-crypto implements only pure Ed25519")
        default:
            CryptoError(.unsupportedAlgorithm, "\(details.rawValue) is not supported")
        }
    }
}
