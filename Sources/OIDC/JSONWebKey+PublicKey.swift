import Foundation
import JWTKit
public import SigstoreCrypto

extension JSONWebKey {
    /// The JWK of a public key, restricted to signatures (`use: sig`) with `algorithm`
    /// (default: the key's natural JWS algorithm, ``jwsAlgorithm(for:)``).
    ///
    /// - Parameter keyID: the `kid`; `nil` uses the RFC 7638 ``thumbprint``.
    /// - Throws: ``OIDCError`` `.invalidConfiguration` for keys JWS cannot name (ECDSA P-521 has
    ///   no JWS algorithm this verifier accepts).
    public init(publicKey: PublicKey, keyID: String? = nil, algorithm: String? = nil) throws(OIDCError) {
        guard let natural = Self.jwsAlgorithm(for: publicKey.algorithm) else {
            throw OIDCError(.invalidConfiguration, "\(publicKey.algorithm) keys cannot sign JWTs here")
        }
        switch publicKey.algorithm {
        case .ecdsaP256, .ecdsaP384:
            // A named-curve SubjectPublicKeyInfo ends with the uncompressed point 04 || X || Y.
            let coordinateLength = publicKey.algorithm == .ecdsaP256 ? 32 : 48
            let point = publicKey.derRepresentation.suffix(2 * coordinateLength)
            self.init(
                keyType: "EC", curve: publicKey.algorithm == .ecdsaP256 ? "P-256" : "P-384",
                x: Base64URL.encode(point.prefix(coordinateLength)), y: Base64URL.encode(point.suffix(coordinateLength))
            )
        case .ed25519:
            self.init(keyType: "OKP", curve: "Ed25519", x: Base64URL.encode(publicKey.rawEd25519 ?? []))
        case .rsa:
            do {
                let primitives = try Insecure.RSA.PublicKey(pem: publicKey.pemRepresentation).getKeyPrimitives()
                self.init(keyType: "RSA", modulus: Base64URL.encode(primitives.modulus), exponent: Base64URL.encode(primitives.publicExponent))
            } catch {
                throw OIDCError(.invalidConfiguration, "cannot read the RSA key's modulus and exponent: \(error)")
            }
        case .ecdsaP521:
            throw OIDCError(.invalidConfiguration, "ECDSA P-521 keys cannot sign JWTs here")
        }
        self.algorithm = algorithm ?? natural
        self.keyID = keyID ?? thumbprint
    }

    /// The JWS algorithm a key of `algorithm` signs with by default: `ES256`, `ES384`, `RS256`,
    /// `EdDSA`; `nil` for P-521.
    public static func jwsAlgorithm(for algorithm: KeyAlgorithm) -> String? {
        switch algorithm {
        case .ecdsaP256: "ES256"
        case .ecdsaP384: "ES384"
        case .rsa: "RS256"
        case .ed25519: "EdDSA"
        case .ecdsaP521: nil
        }
    }

    /// The RFC 7638 JWK thumbprint (SHA-256, base64url) of the key's required public members;
    /// `nil` when those members are missing or the key type is not EC, RSA or OKP.
    public var thumbprint: String? {
        let members: String
        switch keyType {
        case "EC":
            guard let curve, let x, let y else { return nil }
            members = #"{"crv":"\#(curve)","kty":"EC","x":"\#(x)","y":"\#(y)"}"#
        case "RSA":
            guard let modulus, let exponent else { return nil }
            members = #"{"e":"\#(exponent)","kty":"RSA","n":"\#(modulus)"}"#
        case "OKP":
            guard let curve, let x else { return nil }
            members = #"{"crv":"\#(curve)","kty":"OKP","x":"\#(x)"}"#
        default:
            return nil
        }
        return Base64URL.encode(HashAlgorithm.sha256.hash(Array(members.utf8)))
    }
}
