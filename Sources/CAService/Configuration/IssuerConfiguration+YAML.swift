import Foundation
import Yams

extension IssuerConfiguration {
    /// Parses Fulcio's configuration file, YAML or JSON (JSON is YAML), strictly: unknown or
    /// repeated keys, wrong value types and broken rules are errors naming where they are.
    ///
    /// ```yaml
    /// oidc-issuers:
    ///   https://accounts.example.com:
    ///     issuer-url: https://accounts.example.com   # optional; must equal the key
    ///     client-id: sigstore                        # default
    ///     type: email
    /// meta-issuers:
    ///   https://token.actions.githubusercontent.com/*:
    ///     type: github-workflow
    /// ci-issuer-metadata:
    ///   my-ci:
    ///     default-template-values: {url: https://ci.example.com}
    ///     extension-templates: {build-signer-uri: "{{ .url }}/{{ .pipeline }}"}
    ///     subject-alternative-name-template: "{{ .url }}/{{ .pipeline }}"
    /// ```
    ///
    /// Fulcio's JSON spellings (`OIDCIssuers`, `IssuerURL`, `ClientID`, …) are accepted too, and a
    /// top-level `define` list (a home for YAML anchors) is ignored.
    ///
    /// - Throws: ``CAError/Code/invalidConfiguration``.
    public init(yaml: String) throws {
        let root: Node?
        do {
            root = try Yams.compose(yaml: yaml)
        } catch {
            throw CAError(.invalidConfiguration, "the issuer configuration is not YAML or JSON: \(error)")
        }
        guard let root else { throw CAError(.invalidConfiguration, "the issuer configuration is empty") }
        var document = try ConfigurationMapping(root, at: "configuration")
        let issuers = try document.take(["oidc-issuers", "OIDCIssuers"])
        let metaIssuers = try document.take(["meta-issuers", "MetaIssuers"])
        let metadata = try document.take(["ci-issuer-metadata", "CIIssuerMetadata"])
        _ = try document.take(["define"])
        try document.finish()

        var ciProviders: [String: CIProviderTemplate] = [:]
        if let metadata {
            for (name, node) in try ConfigurationMapping(metadata, at: "ci-issuer-metadata").entries {
                ciProviders[name] = try Self.ciProvider(node, at: "ci-issuer-metadata.\(name)")
            }
        }
        try self.init(
            issuers: try Self.issuerList(issuers, section: "oidc-issuers", isMeta: false),
            metaIssuers: try Self.issuerList(metaIssuers, section: "meta-issuers", isMeta: true),
            ciProviders: ciProviders
        )
    }

    private static func issuerList(_ node: Node?, section: String, isMeta: Bool) throws -> [IssuerSettings] {
        guard let node else { return [] }
        return try ConfigurationMapping(node, at: section).entries.map { key, value in
            try issuer(value, key: key, at: "\(section).\(key)", isMeta: isMeta)
        }
    }

    private static func issuer(_ node: Node, key: String, at path: String, isMeta: Bool) throws -> IssuerSettings {
        var fields = try ConfigurationMapping(node, at: path)
        let url = try fields.string(["issuer-url", "IssuerURL"])
        if isMeta, url != nil {
            throw CAError(.invalidConfiguration, "\(path): a meta-issuer's URL is its key; remove issuer-url")
        }
        if let url, url != key {
            throw CAError(.invalidConfiguration, "\(path): issuer-url \(url) differs from its key")
        }
        guard let typeName = try fields.string(["type", "Type"]) else {
            throw CAError(.invalidConfiguration, "\(path): missing type (one of \(IssuerType.allCases.map(\.rawValue).joined(separator: ", ")))")
        }
        guard let type = IssuerType(rawValue: typeName) else {
            throw CAError(.invalidConfiguration, "\(path): unsupported type '\(typeName)'; expected one of \(IssuerType.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        let settings = IssuerSettings(
            issuerURL: key,
            clientID: try fields.string(["client-id", "ClientID"]) ?? "sigstore",
            type: type,
            ciProvider: try fields.string(["ci-provider", "CIProvider"]),
            subjectDomain: try fields.string(["subject-domain", "SubjectDomain"]),
            spiffeTrustDomain: try fields.string(["spiffe-trust-domain", "SPIFFETrustDomain"]),
            challengeClaim: try fields.string(["challenge-claim", "ChallengeClaim"]),
            skipEmailVerification: try fields.bool(["skip-email-verification", "SkipEmailVerification"]) ?? false,
            issuerClaim: try fields.string(["issuer-claim", "IssuerClaim"])
        )
        _ = try fields.string(["contact", "Contact"])
        _ = try fields.string(["description", "Description"])
        try fields.finish()
        return settings
    }

    private static func ciProvider(_ node: Node, at path: String) throws -> CIProviderTemplate {
        var fields = try ConfigurationMapping(node, at: path)
        var defaults: [String: String] = [:]
        if let node = try fields.take(["default-template-values", "DefaultTemplateValues"]) {
            var values = try ConfigurationMapping(node, at: "\(path).default-template-values")
            for (name, _) in values.entries {
                defaults[name] = try values.string([name])
            }
        }
        var templates: [SigstoreExtension: ClaimTemplate] = [:]
        if let node = try fields.take(["extension-templates", "ExtensionTemplates"]) {
            var values = try ConfigurationMapping(node, at: "\(path).extension-templates")
            for (name, _) in values.entries {
                // Fulcio's name for `.1.24` is `subject`.
                guard let field = SigstoreExtension(rawValue: name == "subject" ? "token-subject" : name) else {
                    throw CAError(.invalidConfiguration, "\(path).extension-templates: unknown extension '\(name)'")
                }
                guard let source = try values.string([name]) else { continue }
                templates[field] = try ClaimTemplate(source)
            }
        }
        guard let san = try fields.string(["subject-alternative-name-template", "SubjectAlternativeNameTemplate"]),
            !san.trimmingCharacters(in: .whitespaces).isEmpty
        else {
            throw CAError(.invalidConfiguration, "\(path): missing subject-alternative-name-template")
        }
        try fields.finish()
        return CIProviderTemplate(defaultValues: defaults, extensionTemplates: templates, subjectAlternativeNameTemplate: try ClaimTemplate(san))
    }
}
