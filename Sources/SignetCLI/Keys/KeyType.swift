import ArgumentParser
import SigstoreCrypto

/// The key types `signet generate-key-pair --key-type` makes.
enum KeyType: String, CaseIterable, ExpressibleByArgument {
    case p256
    case p384
    case p521
    case ed25519

    var algorithm: KeyAlgorithm {
        switch self {
        case .p256: .ecdsaP256
        case .p384: .ecdsaP384
        case .p521: .ecdsaP521
        case .ed25519: .ed25519
        }
    }
}
