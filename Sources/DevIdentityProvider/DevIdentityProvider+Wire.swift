import Foundation
import OIDC

/// The JSON documents of the provider's endpoints, for an HTTP layer that only moves bytes.
extension DevIdentityProvider {
    /// The discovery document as JSON.
    public func discoveryDocumentJSON() -> [UInt8] {
        Self.encode(discoveryDocument)
    }

    /// The discovery document of ``githubActionsIssuer`` as JSON: ``discoveryDocument`` with that
    /// `issuer` (same keys and endpoints), or `nil` when the provider does not separate it.
    public func githubActionsDiscoveryDocumentJSON() -> [UInt8]? {
        guard separatesGitHubActionsIssuer else { return nil }
        var document = discoveryDocument
        document.issuer = githubActionsIssuer
        return Self.encode(document)
    }

    /// The JWKS as JSON.
    public nonisolated var keySetJSON: [UInt8] {
        Self.encode(keySet)
    }

    /// Approves an authorization request given as a raw query string.
    public func authorize(query: String) throws(DevIdentityProviderError) -> AuthorizationOutcome {
        try authorize(AuthorizationRequest(query: query))
    }

    /// Redeems a token request given as a form body (with the `Authorization` header, if any),
    /// answering the ``TokenResponse`` JSON.
    public func token(formRequest body: [UInt8], authorization: String?) throws(DevIdentityProviderError) -> [UInt8] {
        let request = try TokenRequest(formEncoded: String(decoding: body, as: UTF8.self), basicAuthorization: authorization)
        return Self.encode(try redeem(request))
    }

    /// Mints a token as the dev endpoint asks (see `DevTokenRequest`), answering `{"token": "…"}`.
    public func devToken(jsonRequest body: [UInt8]) throws(DevIdentityProviderError) -> [UInt8] {
        let request: DevTokenRequest
        do {
            request = try JSONDecoder().decode(DevTokenRequest.self, from: Data(body))
        } catch {
            throw DevIdentityProviderError(.invalidRequest, "the dev token request is not the expected JSON: \(error)")
        }
        let audience = request.audience ?? "sigstore"
        let lifetime = request.lifetimeSeconds ?? 600
        let token: String
        if let workflow = request.githubActions {
            var claims = try workflow.claims()
            claims.merge(request.claims ?? [:]) { _, extra in extra }
            if let email = request.email {
                claims["email"] = .string(email)
                claims["email_verified"] = claims["email_verified"] ?? true
            }
            token = try mint(
                issuer: githubActionsIssuer, subject: request.subject ?? workflow.subject, email: nil, audience: audience, lifetime: lifetime,
                extraClaims: claims
            )
        } else {
            let email = request.email ?? (request.subject == nil ? Self.defaultUser : nil)
            let subject = request.subject ?? email ?? Self.defaultUser
            token = try mint(subject: subject, email: email, audience: audience, lifetime: lifetime, extraClaims: request.claims ?? [:])
        }
        return Self.encode(DevTokenResponse(token: token))
    }

    static func encode(_ value: some Encodable) -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // Only plain structs of strings, numbers and arrays reach here; they always encode.
        return (try? Array(encoder.encode(value))) ?? Array("{}".utf8)
    }
}
