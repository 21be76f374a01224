import OIDC
import SigstoreCrypto

/// Proof Key for Code Exchange (RFC 7636) with the S256 method, the only one accepted.
enum PKCE {
    /// `BASE64URL(SHA-256(ASCII(verifier)))` (RFC 7636 §4.2).
    static func challenge(for verifier: String) -> String {
        Base64URL.encode(HashAlgorithm.sha256.hash(Array(verifier.utf8)))
    }

    /// An S256 challenge is an unpadded base64url SHA-256: 43 characters.
    static func isWellFormedChallenge(_ challenge: String) -> Bool {
        challenge.utf8.count == 43 && Base64URL.decode(challenge)?.count == 32
    }

    /// RFC 7636 §4.1: 43 to 128 characters of `[A-Z] / [a-z] / [0-9] / "-" / "." / "_" / "~"`.
    static func isWellFormedVerifier(_ verifier: String) -> Bool {
        (43...128).contains(verifier.utf8.count) && verifier.utf8.allSatisfy { byte in
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"):
                true
            default:
                false
            }
        }
    }
}
