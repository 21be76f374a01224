import Foundation

/// Reads a claim from a JWT without checking its signature: only to compare the `nonce` of a
/// token this process has just received from the token endpoint over the login it started.
/// The CA verifies the token itself.
enum UnverifiedClaims {
    static func nonce(of token: String) -> String? {
        let parts = token.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3 else { return nil }
        var base64 = parts[1].replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        base64 += String(repeating: "=", count: (4 - base64.count % 4) % 4)
        guard let payload = Data(base64Encoded: base64),
              let claims = try? JSONSerialization.jsonObject(with: payload) as? [String: Any]
        else { return nil }
        return claims["nonce"] as? String
    }
}
