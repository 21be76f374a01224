import Foundation

/// A JWT in JWS compact serialization, split and decoded but not yet trusted.
///
/// Nothing here is believed: the header only names the algorithm and key the verifier will then
/// check against its own policy, and the claims are only read.
struct CompactJWS: Sendable {
    /// The JOSE header members.
    let header: [String: JSONValue]
    /// The claims set.
    let claims: [String: JSONValue]
    /// `BASE64URL(header) || '.' || BASE64URL(payload)`: the bytes the signature covers.
    let signingInput: [UInt8]
    /// The decoded signature (empty for an unsecured `alg: none` token).
    let signature: [UInt8]

    init(_ token: String) throws(OIDCError) {
        let bytes = Array(token.utf8)
        guard bytes.count <= OIDCLimits.maxTokenBytes else {
            throw OIDCError(.malformedToken, "token of \(bytes.count) bytes exceeds the limit of \(OIDCLimits.maxTokenBytes)")
        }
        let parts = bytes.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        guard parts.count == 3 else {
            throw OIDCError(.malformedToken, "a JWT has three dot-separated parts, this one has \(parts.count)")
        }
        header = try Self.decodeObject(parts[0], part: "header")
        claims = try Self.decodeObject(parts[1], part: "claims")
        signingInput = Array(bytes[..<parts[1].endIndex])
        guard let signature = Base64URL.decode(String(decoding: parts[2], as: UTF8.self)) else {
            throw OIDCError(.malformedToken, "the JWT signature is not unpadded base64url")
        }
        self.signature = signature
    }

    /// The `alg` header member.
    var algorithm: String? { header["alg"]?.stringValue }

    /// The `kid` header member.
    var keyID: String? { header["kid"]?.stringValue }

    private static func decodeObject(_ part: ArraySlice<UInt8>, part name: String) throws(OIDCError) -> [String: JSONValue] {
        guard !part.isEmpty, let json = Base64URL.decode(String(decoding: part, as: UTF8.self)) else {
            throw OIDCError(.malformedToken, "the JWT \(name) is not unpadded base64url")
        }
        guard let object = JSONValue.parseObject(json) else {
            throw OIDCError(.malformedToken, "the JWT \(name) is not a JSON object")
        }
        return object
    }
}
