/// An identity token whose signature, issuer, audience and validity window have been checked
/// by ``IdentityTokenVerifier``.
///
/// Claims are reachable directly (`token.subject`, `token.email`) or through ``claims``.
@dynamicMemberLookup
public struct VerifiedIdentityToken: Sendable, Hashable {
    /// The verified claims.
    public let claims: IdentityClaims
    /// The allow-list entry the issuer matched (its audience is the one that was checked).
    public let allowedIssuer: AllowedIssuer
    /// The JWS algorithm of the signature (`RS256`, `ES256`, …).
    public let algorithm: String
    /// The `kid` of the key that verified the signature, if the token named one.
    public let keyID: String?

    public subscript<Value>(dynamicMember keyPath: KeyPath<IdentityClaims, Value>) -> Value {
        claims[keyPath: keyPath]
    }
}
