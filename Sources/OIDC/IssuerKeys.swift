import Foundation

/// What the verifier knows about one issuer at a point in time: its discovery document, the
/// algorithms it signs with, and its usable keys.
struct IssuerKeys: Sendable {
    let metadata: OpenIDProviderMetadata
    /// The advertised algorithms that are accepted here.
    let algorithms: Set<JWSAlgorithm>
    let keys: [VerificationKey]
    /// When the JWKS was fetched.
    let fetchedAt: Date

    init(metadata: OpenIDProviderMetadata, keySet: JSONWebKeySet, fetchedAt: Date) async {
        self.metadata = metadata
        algorithms = JWSAlgorithm.advertised(by: metadata)
        var keys: [VerificationKey] = []
        for jwk in keySet.keys.prefix(OIDCLimits.maxKeysPerSet) {
            if let key = await VerificationKey.make(from: jwk, permitted: algorithms) {
                keys.append(key)
            }
        }
        self.keys = keys
        self.fetchedAt = fetchedAt
    }

    /// The keys that may have made an `algorithm` signature under `keyID`: the key with that
    /// `kid`, or every key fitting the algorithm when the token names none (as go-oidc does).
    func candidates(keyID: String?, algorithm: JWSAlgorithm) -> [VerificationKey] {
        keys.filter { key in
            key.verifiers[algorithm] != nil && (keyID == nil || key.keyID == keyID)
        }
    }
}
