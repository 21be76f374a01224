import Foundation

/// A request to the token endpoint (`POST <issuer>/token`): the authorization code exchange of
/// RFC 6749 §4.1.3 with the PKCE verifier of RFC 7636 §4.5.
public struct TokenRequest: Sendable, Hashable {
    /// The authorization code being redeemed.
    public let code: String
    /// Must equal the authorization request's `redirect_uri`.
    public let redirectURI: String
    /// The PKCE verifier whose S256 hash must equal the code challenge.
    public let codeVerifier: String
    /// From the form or from HTTP Basic authentication; `nil` when neither names one.
    public let clientID: String?

    /// Reads and checks the form parameters.
    ///
    /// - Throws: ``DevIdentityProviderError`` `.invalidRequest` unless
    ///   `grant_type=authorization_code`, a `code`, a `redirect_uri` and a well-formed
    ///   `code_verifier` (43–128 unreserved characters) are given.
    public init(parameters: [String: String], basicAuthorization: String? = nil) throws(DevIdentityProviderError) {
        guard parameters["grant_type"] == "authorization_code" else {
            throw DevIdentityProviderError(.invalidRequest, "grant_type must be authorization_code")
        }
        guard let code = parameters["code"], !code.isEmpty, let redirectURI = parameters["redirect_uri"] else {
            throw DevIdentityProviderError(.invalidRequest, "code and redirect_uri are required")
        }
        guard let verifier = parameters["code_verifier"], PKCE.isWellFormedVerifier(verifier) else {
            throw DevIdentityProviderError(.invalidRequest, "code_verifier must be 43 to 128 unreserved characters")
        }
        self.code = code
        self.redirectURI = redirectURI
        codeVerifier = verifier
        clientID = parameters["client_id"] ?? Self.clientID(fromBasic: basicAuthorization)
    }

    /// Reads an `application/x-www-form-urlencoded` body.
    public init(formEncoded body: String, basicAuthorization: String? = nil) throws(DevIdentityProviderError) {
        try self.init(parameters: try FormEncoding.parameters(of: body), basicAuthorization: basicAuthorization)
    }

    /// RFC 6749 §2.3.1: `Basic base64(urlencoded(client_id) ":" urlencoded(secret))`; the secret is ignored.
    private static func clientID(fromBasic header: String?) -> String? {
        guard let header, header.lowercased().hasPrefix("basic "),
            let decoded = Data(base64Encoded: String(header.dropFirst(6)).trimmingCharacters(in: .whitespaces)),
            let credentials = String(data: decoded, encoding: .utf8),
            let name = credentials.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false).first
        else { return nil }
        return FormEncoding.decoded(name)
    }
}
