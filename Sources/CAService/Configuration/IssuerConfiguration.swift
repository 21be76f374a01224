import Foundation
public import OIDC

/// The OIDC issuers a CA accepts and how each one's tokens become certificate identities
/// (Fulcio's configuration file): exact issuers, wildcard meta-issuers and CI provider templates.
///
/// Load it with ``init(yaml:)``; every rule is checked there, so a CA never starts with a
/// configuration that would fail while issuing.
public struct IssuerConfiguration: Sendable, Hashable {
    /// Issuers by exact URL.
    public let issuers: [String: IssuerSettings]
    /// Meta-issuers in configuration order; ``IssuerSettings/issuerURL`` is the wildcard pattern,
    /// where each `*` stands for one or more of `A–Z a–z 0–9 - _` (never a `.` or `/`).
    public let metaIssuers: [IssuerSettings]
    /// CI provider templates by name (`ci-issuer-metadata`), including the built-in
    /// `github-workflow` unless the configuration overrides it.
    public let ciProviders: [String: CIProviderTemplate]

    /// Builds and validates a configuration.
    ///
    /// - Throws: ``CAError/Code/invalidConfiguration`` naming the first rule broken.
    public init(issuers: [IssuerSettings], metaIssuers: [IssuerSettings] = [], ciProviders: [String: CIProviderTemplate] = [:]) throws {
        var providers = ciProviders
        if providers[IssuerType.githubWorkflow.rawValue] == nil {
            providers[IssuerType.githubWorkflow.rawValue] = .githubActions
        }
        var byURL: [String: IssuerSettings] = [:]
        for issuer in issuers {
            try Self.validate(issuer, isMeta: false, providers: providers)
            guard byURL.updateValue(issuer, forKey: issuer.issuerURL) == nil else {
                throw CAError(.invalidConfiguration, "issuer \(issuer.issuerURL) is configured twice")
            }
        }
        for settings in metaIssuers {
            try Self.validate(settings, isMeta: true, providers: providers)
        }
        let metas = metaIssuers
        guard !byURL.isEmpty || !metas.isEmpty else {
            throw CAError(.invalidConfiguration, "the configuration accepts no issuer: add oidc-issuers or meta-issuers")
        }
        self.issuers = byURL
        self.metaIssuers = metas
        self.ciProviders = providers
    }

    /// The settings for tokens whose `iss` is `issuer`: the exact entry, else the first matching
    /// meta-issuer (with ``IssuerSettings/issuerURL`` set to `issuer`), else `nil`.
    public func settings(forIssuer issuer: String) -> IssuerSettings? {
        if let exact = issuers[issuer] { return exact }
        guard var settings = metaIssuers.first(where: { Self.allowedIssuer($0, isMeta: true).matches(issuer) }) else { return nil }
        settings.issuerURL = issuer
        return settings
    }

    /// The allow-list for ``IdentityTokenVerifier``: every issuer with its client ID as audience.
    public var allowedIssuers: [AllowedIssuer] {
        issuers.values.sorted { $0.issuerURL < $1.issuerURL }.map { Self.allowedIssuer($0, isMeta: false) }
            + metaIssuers.map { Self.allowedIssuer($0, isMeta: true) }
    }

    private static func allowedIssuer(_ settings: IssuerSettings, isMeta: Bool) -> AllowedIssuer {
        isMeta
            ? AllowedIssuer(metaIssuer: settings.issuerURL, audience: settings.clientID)
            : AllowedIssuer(settings.issuerURL, audience: settings.clientID)
    }

    /// The template for a CI issuer; `nil` for other types.
    func ciTemplate(for settings: IssuerSettings) -> CIProviderTemplate? {
        switch settings.type {
        case .githubWorkflow: ciProviders[IssuerType.githubWorkflow.rawValue]
        case .ciProvider: settings.ciProvider.flatMap { ciProviders[$0] }
        default: nil
        }
    }

    private static func validate(_ issuer: IssuerSettings, isMeta: Bool, providers: [String: CIProviderTemplate]) throws {
        let name = issuer.issuerURL
        func refuse(_ problem: String) -> CAError {
            CAError(.invalidConfiguration, "\(isMeta ? "meta-issuer" : "issuer") \(name): \(problem)")
        }
        // Wildcards are not URL characters; check a meta-issuer's shape with a stand-in letter.
        guard let issuerURL = URLComponents(string: isMeta ? name.replacingOccurrences(of: "*", with: "x") : name), let scheme = issuerURL.scheme, ["https", "http"].contains(scheme),
            let issuerHost = issuerURL.host, !issuerHost.isEmpty
        else {
            throw refuse("the issuer URL must be an absolute http(s) URL")
        }
        if isMeta {
            guard name.contains("*"), !name.contains("**") else { throw refuse("a meta-issuer needs single '*' wildcards") }
        } else {
            guard !name.contains("*") else { throw refuse("an issuer URL with '*' belongs under meta-issuers") }
        }
        guard !issuer.clientID.isEmpty else { throw refuse("client-id is empty") }
        if let claim = issuer.challengeClaim, claim.isEmpty { throw refuse("challenge-claim is empty") }
        if issuer.type != .email {
            if issuer.skipEmailVerification { throw refuse("skip-email-verification applies only to email issuers") }
            if issuer.issuerClaim != nil { throw refuse("issuer-claim applies only to email issuers") }
        }
        if issuer.type != .spiffe, issuer.spiffeTrustDomain != nil {
            throw refuse("spiffe-trust-domain applies only to spiffe issuers")
        }
        if ![.uri, .username].contains(issuer.type), issuer.subjectDomain != nil {
            throw refuse("subject-domain applies only to uri and username issuers")
        }
        if issuer.type != .ciProvider, issuer.ciProvider != nil {
            throw refuse("ci-provider applies only to ci-provider issuers")
        }
        if let path = issuer.issuerClaim {
            _ = try ClaimPath(path)
        }
        switch issuer.type {
        case .email, .kubernetes:
            break
        case .githubWorkflow:
            guard providers[IssuerType.githubWorkflow.rawValue] != nil else { throw refuse("no github-workflow template") }
        case .ciProvider:
            guard let provider = issuer.ciProvider else { throw refuse("a ci-provider issuer must name its ci-provider") }
            guard providers[provider] != nil else { throw refuse("ci-provider '\(provider)' has no entry in ci-issuer-metadata") }
        case .spiffe:
            if isMeta { throw refuse("SPIFFE meta-issuers are not supported (one trust domain per issuer)") }
            guard let domain = issuer.spiffeTrustDomain else { throw refuse("a spiffe issuer must set spiffe-trust-domain") }
            guard SPIFFEID.isValidTrustDomain(domain) else { throw refuse("spiffe-trust-domain '\(domain)' is not a valid trust domain") }
        case .uri:
            guard let domain = issuer.subjectDomain else { throw refuse("a uri issuer must set subject-domain") }
            guard let subject = URLComponents(string: domain), let subjectScheme = subject.scheme, let host = subject.host, !host.isEmpty else {
                throw refuse("subject-domain '\(domain)' of a uri issuer must be a URL with a scheme")
            }
            guard subjectScheme == scheme else { throw refuse("subject-domain scheme \(subjectScheme) differs from the issuer's \(scheme)") }
            try requireSameDomain(host, issuerHost, refuse)
        case .username:
            guard let domain = issuer.subjectDomain else { throw refuse("a username issuer must set subject-domain") }
            guard !domain.contains("://"), !domain.contains("/"), !domain.isEmpty else {
                throw refuse("subject-domain '\(domain)' of a username issuer must be a host name without a scheme")
            }
            try requireSameDomain(domain, issuerHost, refuse)
        }
    }

    /// Fulcio's ownership rule: the subject domain and the issuer share their last two labels, so
    /// an issuer cannot mint identities in someone else's domain.
    private static func requireSameDomain(_ subject: String, _ issuer: String, _ refuse: (String) -> CAError) throws {
        if subject == issuer { return }
        let subjectLabels = subject.split(separator: ".")
        let issuerLabels = issuer.split(separator: ".")
        guard subjectLabels.count >= 2, issuerLabels.count >= 2, subjectLabels.suffix(2) == issuerLabels.suffix(2) else {
            throw refuse("subject domain \(subject) is not within the issuer's domain \(issuer)")
        }
    }
}
