import Foundation
import OIDC

/// Reads the parts of a compact JWS without verifying it, to check what the provider put there.
enum TokenInspection {
    static func header(of token: String) throws -> [String: JSONValue] {
        try decode(token.split(separator: ".", omittingEmptySubsequences: false)[0])
    }

    static func claims(of token: String) throws -> [String: JSONValue] {
        try decode(token.split(separator: ".", omittingEmptySubsequences: false)[1])
    }

    private static func decode(_ part: Substring) throws -> [String: JSONValue] {
        try JSONDecoder().decode([String: JSONValue].self, from: Data(Base64URL.decode(part) ?? []))
    }
}
