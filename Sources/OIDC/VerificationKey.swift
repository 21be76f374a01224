import JWTKit

/// One usable key from an issuer's JWKS, ready to check signatures with each algorithm it may
/// verify.
struct VerificationKey: Sendable {
    /// The key's `kid`.
    let keyID: String?
    /// A verifier per algorithm, built once when the JWKS is loaded.
    let verifiers: [JWSAlgorithm: any JWTAlgorithm]

    /// Builds the verifiers of `jwk` for the `permitted` algorithms it fits; `nil` when none fits
    /// (wrong type, curve or `use`, private material, malformed members).
    static func make(from jwk: JSONWebKey, permitted: Set<JWSAlgorithm>) async -> VerificationKey? {
        guard jwk.use == nil || jwk.use == "sig", !jwk.hasPrivateMembers else { return nil }
        let restriction = jwk.algorithm.map { JWSAlgorithm(rawValue: $0) }
        if case .some(.none) = restriction { return nil }
        var verifiers: [JWSAlgorithm: any JWTAlgorithm] = [:]
        for algorithm in permitted where algorithm.keyType == jwk.keyType && algorithm.curve == jwk.curve {
            if let restriction, restriction != algorithm { continue }
            if let verifier = await makeVerifier(jwk, algorithm: algorithm) {
                verifiers[algorithm] = verifier
            }
        }
        return verifiers.isEmpty ? nil : VerificationKey(keyID: jwk.keyID, verifiers: verifiers)
    }

    /// Whether `signature` is a valid `algorithm` signature of `signingInput` by this key.
    func verifies(_ signature: [UInt8], of signingInput: [UInt8], with algorithm: JWSAlgorithm) -> Bool {
        guard let verifier = verifiers[algorithm] else { return false }
        return (try? verifier.verify(signature, signs: signingInput)) ?? false
    }

    /// jwt-kit builds its verifiers from JWKs inside a key collection; a throwaway collection
    /// holding just this key, pinned to one algorithm, yields exactly that verifier.
    private static func makeVerifier(_ jwk: JSONWebKey, algorithm: JWSAlgorithm) async -> (any JWTAlgorithm)? {
        let alg = JWK.Algorithm(rawValue: algorithm.rawValue)
        let kid: JWKIdentifier = "candidate"
        let key: JWK
        switch algorithm.keyType {
        case "RSA":
            key = .rsa(alg, identifier: kid, modulus: jwk.modulus, exponent: jwk.exponent)
        case "EC":
            let curve: ECDSACurve = algorithm == .es256 ? .p256 : .p384
            key = .ecdsa(alg, identifier: kid, x: jwk.x, y: jwk.y, curve: curve)
        default:
            key = .octetKeyPair(alg, identifier: kid, x: jwk.x, y: nil, curve: .ed25519)
        }
        let collection = JWTKeyCollection()
        guard (try? await collection.add(jwk: key)) != nil,
            let verifier = try? await collection.getKey(for: kid, alg: algorithm.rawValue),
            verifier.name == algorithm.rawValue
        else { return nil }
        return verifier
    }
}
