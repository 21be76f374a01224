import Foundation
public import OIDC

extension IssuerConfiguration {
    /// Maps a verified token's claims to a certificate identity (interop contract §2.3), per the
    /// type of the issuer named by `iss`.
    ///
    /// - Throws: ``CAError/Code/invalidToken`` when the issuer is not configured or the claims
    ///   do not make an identity it may assert (unverified email, subject outside the domain, …).
    public func identity(for claimValues: [String: JSONValue]) throws -> TokenIdentity {
        let claims = TokenClaims(claimValues)
        guard let issuer = claims.string("iss") else { throw CAError(.invalidToken, "the token has no 'iss' claim") }
        guard let settings = settings(forIssuer: issuer) else {
            throw CAError(.invalidToken, "issuer \(issuer) is not accepted by this CA")
        }
        guard let subject = claims.string("sub") else { throw CAError(.invalidToken, "the token has no 'sub' claim") }
        let identity: CertificateIdentity
        switch settings.type {
        case .email:
            identity = try emailIdentity(claims, settings: settings, issuer: issuer)
        case .uri:
            identity = try uriIdentity(subject, settings: settings, issuer: issuer)
        case .username:
            guard !subject.contains("!") else { throw CAError(.invalidToken, "a username subject cannot contain '!'") }
            guard !Self.looksLikeEmail(subject) else { throw CAError(.invalidToken, "a username subject must not be an email address") }
            identity = CertificateIdentity(subjectAlternativeName: .username("\(subject)!\(settings.subjectDomain ?? "")"), issuer: issuer)
        case .spiffe:
            guard let domain = SPIFFEID.trustDomain(of: subject) else {
                throw CAError(.invalidToken, "subject '\(subject)' is not a valid SPIFFE ID")
            }
            guard domain == settings.spiffeTrustDomain else {
                throw CAError(.invalidToken, "SPIFFE ID trust domain \(domain) is not the issuer's trust domain \(settings.spiffeTrustDomain ?? "")")
            }
            identity = CertificateIdentity(subjectAlternativeName: .uri(subject), issuer: issuer)
        case .kubernetes:
            identity = CertificateIdentity(subjectAlternativeName: .uri(try Self.kubernetesURI(claims)), issuer: issuer)
        case .githubWorkflow, .ciProvider:
            guard let template = ciTemplate(for: settings) else {
                throw CAError(.invalidConfiguration, "no CI template for issuer \(issuer)")
            }
            let rendered = try template.render(claims: claims.templateValues)
            guard let san = URLComponents(string: rendered.subjectAlternativeName), san.scheme != nil, !rendered.subjectAlternativeName.isEmpty else {
                throw CAError(.invalidToken, "the CI template made '\(rendered.subjectAlternativeName)', which is not a URI")
            }
            identity = CertificateIdentity(subjectAlternativeName: .uri(rendered.subjectAlternativeName), issuer: issuer, extensions: rendered.extensions)
        }
        let challengeClaim = settings.effectiveChallengeClaim
        guard let challenge = claims.string(challengeClaim) else {
            throw CAError(.invalidToken, "the token has no '\(challengeClaim)' claim to use as the proof-of-possession challenge")
        }
        return TokenIdentity(certificate: identity, challenge: challenge)
    }

    private func emailIdentity(_ claims: TokenClaims, settings: IssuerSettings, issuer: String) throws -> CertificateIdentity {
        guard let email = claims.string("email") else { throw CAError(.invalidToken, "the token has no 'email' claim") }
        if !settings.skipEmailVerification {
            // Some issuers send the flag as a string; anything but true is unverified.
            switch claims["email_verified"] {
            case .bool(true), .string("true"): break
            default: throw CAError(.invalidToken, "the token's email is not verified (email_verified is not true)")
            }
        }
        guard Self.looksLikeEmail(email) else { throw CAError(.invalidToken, "'\(email)' is not an email address") }
        var certificateIssuer = issuer
        if let path = settings.issuerClaim {
            guard let federated = try ClaimPath(path).string(in: claims) else {
                throw CAError(.invalidToken, "the token has no issuer at \(path)")
            }
            certificateIssuer = federated
        }
        return CertificateIdentity(subjectAlternativeName: .email(email), issuer: certificateIssuer)
    }

    private func uriIdentity(_ subject: String, settings: IssuerSettings, issuer: String) throws -> CertificateIdentity {
        guard !Self.looksLikeEmail(subject) else { throw CAError(.invalidToken, "a uri subject must not be an email address") }
        guard let uri = URLComponents(string: subject), let scheme = uri.scheme, let host = uri.host,
            let domain = settings.subjectDomain.flatMap(URLComponents.init(string:))
        else {
            throw CAError(.invalidToken, "subject '\(subject)' is not an absolute URI")
        }
        guard scheme == domain.scheme, host == domain.host else {
            throw CAError(.invalidToken, "subject '\(subject)' is outside the issuer's subject domain \(settings.subjectDomain ?? "")")
        }
        return CertificateIdentity(subjectAlternativeName: .uri(subject), issuer: issuer)
    }

    private static func kubernetesURI(_ claims: TokenClaims) throws -> String {
        guard let namespace = claims["kubernetes.io"]?["namespace"]?.stringValue, !namespace.isEmpty,
            let name = claims["kubernetes.io"]?["serviceaccount"]?["name"]?.stringValue, !name.isEmpty
        else {
            throw CAError(.invalidToken, "the token has no kubernetes.io namespace and service account name")
        }
        // Both end up in a URI path; a '/' would let one claim forge the other's position.
        guard !namespace.contains("/"), !name.contains("/") else {
            throw CAError(.invalidToken, "kubernetes namespace and service account names cannot contain '/'")
        }
        return "https://kubernetes.io/namespaces/\(namespace)/serviceaccounts/\(name)"
    }

    /// Fulcio's test: something, `@`, something, `.`, something.
    static func looksLikeEmail(_ text: String) -> Bool {
        guard let at = text.firstIndex(of: "@"), at > text.startIndex else { return false }
        let domain = text[text.index(after: at)...]
        guard let dot = domain.lastIndex(of: "."), dot > domain.startIndex else { return false }
        return domain.index(after: dot) < domain.endIndex
    }
}
