import Crypto
import Foundation
import OIDC
import SigstoreCrypto

/// Builds compact JWS tokens with any header and claims, for the tokens a well-behaved issuer
/// would never mint: `alg: none`, HMAC "signed" with a public key, audiences as arrays, missing claims.
enum TokenForger {
    static func encode(_ object: [String: JSONValue]) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return Base64URL.encode(try! encoder.encode(object))
    }

    /// `header.claims.` followed by `signature` (empty by default).
    static func unsigned(header: [String: JSONValue], claims: [String: JSONValue], signature: [UInt8] = []) -> String {
        encode(header) + "." + encode(claims) + "." + Base64URL.encode(signature)
    }

    /// Signs with `key` as JWS does (ECDSA as R || S).
    static func signed(header: [String: JSONValue], claims: [String: JSONValue], key: PrivateKey) throws -> String {
        let input = encode(header) + "." + encode(claims)
        var signature = try key.signature(for: Array(input.utf8))
        switch key.algorithm {
        case .ecdsaP256: signature = Array(try P256.Signing.ECDSASignature(derRepresentation: signature).rawRepresentation)
        case .ecdsaP384: signature = Array(try P384.Signing.ECDSASignature(derRepresentation: signature).rawRepresentation)
        default: break
        }
        return input + "." + Base64URL.encode(signature)
    }

    /// An HMAC "signature" keyed with `secret`: the classic confusion attack when `secret` is
    /// the issuer's public key.
    static func hmacSigned(algorithm: String, header: [String: JSONValue], claims: [String: JSONValue], secret: [UInt8]) -> String {
        var header = header
        header["alg"] = .string(algorithm)
        let input = encode(header) + "." + encode(claims)
        let key = SymmetricKey(data: secret)
        let mac: [UInt8] = switch algorithm {
        case "HS384": Array(HMAC<SHA384>.authenticationCode(for: Array(input.utf8), using: key))
        case "HS512": Array(HMAC<SHA512>.authenticationCode(for: Array(input.utf8), using: key))
        default: Array(HMAC<SHA256>.authenticationCode(for: Array(input.utf8), using: key))
        }
        return input + "." + Base64URL.encode(mac)
    }

    /// The token with one signature byte flipped.
    static func tampered(_ token: String) -> String {
        let parts = token.split(separator: ".", omittingEmptySubsequences: false)
        var signature = Base64URL.decode(parts[2])!
        signature[signature.count / 2] ^= 0x01
        return parts[0] + "." + parts[1] + "." + Base64URL.encode(signature)
    }

    /// Claims a well-formed identity token would carry, valid for ten minutes from `now`.
    static func claims(issuer: String, now: Date = Date(), audience: JSONValue = "sigstore") -> [String: JSONValue] {
        let seconds = Int64(now.timeIntervalSince1970)
        return [
            "iss": .string(issuer), "sub": "forged@example.test", "aud": audience,
            "iat": .integer(seconds), "exp": .integer(seconds + 600),
        ]
    }
}
