import Crypto
import Foundation

/// The secrets of one authorization request: the PKCE verifier and its S256 challenge
/// (RFC 7636), the `state` that ties the redirect to this request, and the `nonce` the ID token
/// must carry back.
struct PKCE: Sendable {
    let verifier: String
    let state: String
    let nonce: String

    /// `BASE64URL(SHA-256(verifier))`.
    var challenge: String {
        Self.base64URL(Array(SHA256.hash(data: Array(verifier.utf8))))
    }

    /// Fresh random values: a 43-character verifier (32 random bytes) and 16-byte state and nonce.
    static func random() -> PKCE {
        PKCE(verifier: base64URL(randomBytes(32)), state: base64URL(randomBytes(16)), nonce: base64URL(randomBytes(16)))
    }

    static func base64URL(_ bytes: [UInt8]) -> String {
        Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    private static func randomBytes(_ count: Int) -> [UInt8] {
        var generator = SystemRandomNumberGenerator()
        return (0..<count).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
    }
}
