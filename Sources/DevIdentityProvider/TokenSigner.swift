import Crypto
import Foundation
import OIDC
import SigstoreCrypto

/// Signs claim sets into compact JWS tokens with the provider's key.
///
/// Signing goes through SigstoreCrypto rather than jwt-kit, so the verifier in `OIDC` (which uses
/// jwt-kit) is always tested against an independent implementation.
struct TokenSigner: Sendable {
    let key: PrivateKey
    /// The JWS algorithm: `ES256`, `ES384`, `RS256` or `EdDSA`, after the key.
    let algorithm: String
    let keyID: String

    init(key: PrivateKey, keyID: String) throws(DevIdentityProviderError) {
        guard let algorithm = JSONWebKey.jwsAlgorithm(for: key.algorithm) else {
            throw DevIdentityProviderError(.mintingFailed, "\(key.algorithm) keys cannot sign identity tokens")
        }
        self.key = key
        self.algorithm = algorithm
        self.keyID = keyID
    }

    func sign(_ claims: [String: JSONValue]) throws(DevIdentityProviderError) -> String {
        let header: [String: JSONValue] = ["alg": .string(algorithm), "kid": .string(keyID), "typ": "JWT"]
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        do {
            let signingInput = Base64URL.encode(try encoder.encode(header)) + "." + Base64URL.encode(try encoder.encode(claims))
            let signature = try jwsSignature(over: Array(signingInput.utf8))
            return signingInput + "." + Base64URL.encode(signature)
        } catch let error as DevIdentityProviderError {
            throw error
        } catch {
            throw DevIdentityProviderError(.mintingFailed, "cannot sign the token: \(error)")
        }
    }

    /// JWS wants ECDSA signatures as the fixed-width R || S (RFC 7518 §3.4), not DER.
    private func jwsSignature(over input: [UInt8]) throws -> [UInt8] {
        let signature = try key.signature(for: input)
        switch key.algorithm {
        case .ecdsaP256: return Array(try P256.Signing.ECDSASignature(derRepresentation: signature).rawRepresentation)
        case .ecdsaP384: return Array(try P384.Signing.ECDSASignature(derRepresentation: signature).rawRepresentation)
        default: return signature
        }
    }
}
