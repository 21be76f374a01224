public import SigstoreCrypto
import SwiftASN1

extension HashAlgorithm {
    /// The hash for a digest-algorithm identifier, or `nil` when it is not SHA-256/384/512 (SHA-1 included).
    init?(_ identifier: AlgorithmIdentifier) {
        guard identifier.hasNoParameters else { return nil }
        switch identifier.algorithm {
        case .AlgorithmID.sha256: self = .sha256
        case .AlgorithmID.sha384: self = .sha384
        case .AlgorithmID.sha512: self = .sha512
        default: return nil
        }
    }

    var objectIdentifier: ASN1ObjectIdentifier {
        switch self {
        case .sha256: .AlgorithmID.sha256
        case .sha384: .AlgorithmID.sha384
        case .sha512: .AlgorithmID.sha512
        }
    }

    /// The identifier with explicit NULL parameters, as OpenSSL emits it.
    public var algorithmIdentifier: AlgorithmIdentifier {
        AlgorithmIdentifier(algorithm: self.objectIdentifier, parameters: AlgorithmIdentifier.nullParameters)
    }
}
