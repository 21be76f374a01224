/// An identity token decoded without checking its signature: what a signing client reads
/// before sending the token to a CA, which verifies it.
///
/// Never base a trust decision on it; use ``IdentityTokenVerifier`` for that.
@dynamicMemberLookup
public struct UnverifiedIdentityToken: Sendable, Hashable {
    /// The token as given.
    public let rawValue: String
    /// The decoded claims.
    public let claims: IdentityClaims

    /// Decodes `token` (a compact JWS) without verifying it.
    ///
    /// - Throws: ``OIDCError`` `.malformedToken` or `.invalidClaims`.
    public init(_ token: String) throws(OIDCError) {
        let jws = try CompactJWS(token)
        rawValue = token
        claims = try IdentityClaims(jws.claims)
    }

    public subscript<Value>(dynamicMember keyPath: KeyPath<IdentityClaims, Value>) -> Value {
        claims[keyPath: keyPath]
    }

    /// The identity a CA will put in the certificate: the `email` when the token carries one,
    /// otherwise `sub`.
    ///
    /// - Throws: ``OIDCError`` `.invalidClaims` when the token carries an `email` that its
    ///   issuer has not verified: a CA would refuse it, and signing clients refuse it up front
    ///   (interop contract §12 step 1).
    public func signingIdentity() throws(OIDCError) -> String {
        guard let email = claims.email else { return claims.subject }
        guard claims.isEmailVerified else {
            throw OIDCError(.invalidClaims, "the token's email \(email) is not verified by its issuer (email_verified is not true)")
        }
        return email
    }
}
