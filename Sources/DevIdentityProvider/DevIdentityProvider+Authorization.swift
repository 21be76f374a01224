public import Foundation
import Logging
import OIDC

/// Where the authorization endpoint sends the user agent next.
public enum AuthorizationOutcome: Sendable, Hashable {
    /// Redirect (HTTP 302) to this URL, which carries `code` and `state`.
    case redirect(String)
    /// Show this code to the user to paste into the client (out-of-band redirect URI).
    case displayCode(String)
}

/// An issued, not yet redeemed authorization code and what it was issued for.
struct PendingAuthorization: Sendable {
    let request: AuthorizationRequest
    let user: String
    let expiresAt: Date
}

extension DevIdentityProvider {
    /// How long an authorization code can be redeemed.
    public static let authorizationCodeLifetime: TimeInterval = 60
    /// Most codes outstanding at once; beyond it new authorizations are refused.
    static let maxPendingAuthorizations = 1024
    /// Lifetime of the tokens the code flow issues.
    static let interactiveTokenLifetime: TimeInterval = 600

    /// Approves `request` for its `login_hint` user (or ``defaultUser``) without asking, and
    /// issues a single-use code bound to the client, redirect URI and PKCE challenge.
    public func authorize(_ request: AuthorizationRequest) throws(DevIdentityProviderError) -> AuthorizationOutcome {
        let now = clock()
        pendingAuthorizations = pendingAuthorizations.filter { $0.value.expiresAt > now }
        guard pendingAuthorizations.count < Self.maxPendingAuthorizations else {
            throw DevIdentityProviderError(.invalidRequest, "too many authorization codes outstanding; try again in a minute")
        }
        var generator = SystemRandomNumberGenerator()
        let code = Base64URL.encode((0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) })
        let user = request.loginHint ?? Self.defaultUser
        pendingAuthorizations[code] = PendingAuthorization(request: request, user: user, expiresAt: now.addingTimeInterval(Self.authorizationCodeLifetime))
        logger.info("approved dev OIDC authorization", metadata: ["user": "\(user)", "client_id": "\(request.clientID)"])

        if request.redirectURI == AuthorizationRequest.outOfBandRedirect {
            return .displayCode(code)
        }
        guard var components = URLComponents(string: request.redirectURI) else {
            throw DevIdentityProviderError(.invalidRequest, "redirect_uri is not a URL")
        }
        var query = components.queryItems ?? []
        query.append(URLQueryItem(name: "code", value: code))
        if let state = request.state {
            query.append(URLQueryItem(name: "state", value: state))
        }
        components.queryItems = query
        guard let url = components.string else {
            throw DevIdentityProviderError(.invalidRequest, "cannot build the redirect URL")
        }
        return .redirect(url)
    }

    /// Redeems an authorization code for a token.
    ///
    /// The code is consumed by the first attempt, successful or not, so a leaked code cannot be
    /// replayed or its verifier guessed.
    ///
    /// - Throws: ``DevIdentityProviderError`` `.invalidGrant` when the code is unknown, expired or
    ///   used, or the verifier, client ID or redirect URI does not match.
    public func redeem(_ request: TokenRequest) throws(DevIdentityProviderError) -> TokenResponse {
        guard let pending = pendingAuthorizations.removeValue(forKey: request.code), pending.expiresAt > clock() else {
            throw DevIdentityProviderError(.invalidGrant, "the authorization code is unknown, expired or already used")
        }
        guard request.redirectURI == pending.request.redirectURI else {
            throw DevIdentityProviderError(.invalidGrant, "redirect_uri does not match the authorization request")
        }
        if let clientID = request.clientID, clientID != pending.request.clientID {
            throw DevIdentityProviderError(.invalidGrant, "client_id does not match the authorization request")
        }
        guard PKCE.challenge(for: request.codeVerifier) == pending.request.codeChallenge else {
            throw DevIdentityProviderError(.invalidGrant, "code_verifier does not match the code challenge")
        }
        var extraClaims: [String: JSONValue] = [:]
        if let nonce = pending.request.nonce {
            extraClaims["nonce"] = .string(nonce)
        }
        let token = try mint(
            subject: pending.user,
            email: pending.user,
            audience: pending.request.clientID,
            lifetime: Self.interactiveTokenLifetime,
            extraClaims: extraClaims
        )
        return TokenResponse(token: token, expiresIn: Int(Self.interactiveTokenLifetime))
    }
}
