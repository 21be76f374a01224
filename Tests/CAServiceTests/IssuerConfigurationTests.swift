@testable import CAService
import Foundation
import OIDC
import Testing

@Suite struct IssuerConfigurationTests {
    /// Fulcio's own public-good configuration, minus the one issuer type not implemented here.
    static func publicGoodExcerpt(keepingChainguard: Bool = false) throws -> String {
        let text = try Fixture.string("config/fulcio-identity-config-excerpt.yaml")
        guard !keepingChainguard else { return text }
        let start = try #require(text.range(of: "  https://issuer.enforce.dev:\n"))
        let end = try #require(text.range(of: "  https://oauth2.sigstore.dev/auth:\n"))
        return text.replacingCharacters(in: start.lowerBound..<end.lowerBound, with: "")
    }

    @Test func readsFulciosPublicGoodConfiguration() throws {
        let configuration = try IssuerConfiguration(yaml: try Self.publicGoodExcerpt())
        #expect(configuration.issuers.count == 6)
        #expect(configuration.metaIssuers.count == 5)
        #expect(Set(configuration.ciProviders.keys) == ["github-workflow", "gitlab-pipeline", "buildkite-job", "circleci-job"])

        let google = try #require(configuration.issuers["https://accounts.google.com"])
        #expect(google.type == .email)
        #expect(google.clientID == "sigstore")
        #expect(google.effectiveChallengeClaim == "email")
        #expect(configuration.issuers["https://oauth2.sigstore.dev/auth"]?.issuerClaim == "$.federated_claims.connector_id")
        #expect(configuration.issuers["https://gitlab.com"]?.ciProvider == "gitlab-pipeline")

        let eks = try #require(configuration.settings(forIssuer: "https://oidc.eks.us-west-2.amazonaws.com/id/B02C93B6A2D30341AD01E1B6D48164CB"))
        #expect(eks.type == .kubernetes)
        #expect(eks.issuerURL == "https://oidc.eks.us-west-2.amazonaws.com/id/B02C93B6A2D30341AD01E1B6D48164CB")
        let gke = configuration.settings(forIssuer: "https://container.googleapis.com/v1/projects/mattmoor-credit/locations/us-west1-b/clusters/tenant-cluster")
        #expect(gke?.type == .kubernetes)
        #expect(configuration.settings(forIssuer: "https://token.actions.githubusercontent.com/my-enterprise")?.ciProvider == "github-workflow")
        // A wildcard never spans '.' or '/', and the whole URL must match.
        #expect(configuration.settings(forIssuer: "https://oidc.eks.us.west.amazonaws.com/id/X") == nil)
        #expect(configuration.settings(forIssuer: "https://evil.example/https://oidc.eks.a.amazonaws.com/id/X") == nil)
        #expect(configuration.settings(forIssuer: "https://token.actions.githubusercontent.com/a/b") == nil)
        #expect(configuration.settings(forIssuer: "https://accounts.google.com/") == nil)
    }

    @Test func refusesTheIssuerTypesItDoesNotImplement() throws {
        let error = try #require(throws: CAError.self) { try IssuerConfiguration(yaml: try Self.publicGoodExcerpt(keepingChainguard: true)) }
        #expect(error.code == .invalidConfiguration)
        #expect(error.message.contains("chainguard-identity"))
        #expect(error.message.contains("https://issuer.enforce.dev"))
    }

    @Test func feedsTheTokenVerifierEveryIssuerWithItsAudience() throws {
        let configuration = try IssuerConfiguration(yaml: """
            oidc-issuers:
              https://b.example.com: {type: email, client-id: other}
              https://a.example.com: {type: email}
            meta-issuers:
              https://*.example.net/*: {type: kubernetes}
            """)
        #expect(configuration.allowedIssuers == [
            AllowedIssuer("https://a.example.com"),
            AllowedIssuer("https://b.example.com", audience: "other"),
            AllowedIssuer(metaIssuer: "https://*.example.net/*"),
        ])
    }

    @Test func readsFulciosJSONSpelling() throws {
        let configuration = try IssuerConfiguration(yaml: """
            {"OIDCIssuers": {"https://accounts.example.com": {"IssuerURL": "https://accounts.example.com", "ClientID": "sigstore", "Type": "uri",
              "SubjectDomain": "https://users.example.com"}},
             "MetaIssuers": {"https://*.spiffe.example.com": {"ClientID": "sigstore", "Type": "username", "SubjectDomain": "example.com"}}}
            """)
        #expect(configuration.issuers["https://accounts.example.com"]?.subjectDomain == "https://users.example.com")
        #expect(configuration.settings(forIssuer: "https://eu.spiffe.example.com")?.type == .username)
    }

    /// Every rule Fulcio checks at start-up, and the strictness added here.
    @Test(arguments: [
        ("", "empty"),
        ("oidc-issuers: {}", "accepts no issuer"),
        ("issuers: {}", "unknown key 'issuers'"),
        ("oidc-issuers:\n  https://a.example.com: {type: email, colour: blue}", "unknown key 'colour'"),
        ("oidc-issuers:\n  https://a.example.com: {client-id: sigstore}", "missing type"),
        ("oidc-issuers:\n  https://a.example.com: {type: magic}", "unsupported type 'magic'"),
        ("oidc-issuers:\n  https://a.example.com: {type: email, issuer-url: https://b.example.com}", "differs from its key"),
        ("oidc-issuers:\n  ftp://a.example.com: {type: email}", "absolute http(s) URL"),
        ("oidc-issuers:\n  https://a.example.com: {type: email, client-id: ''}", "client-id is empty"),
        ("oidc-issuers:\n  https://a.example.com: {type: email, skip-email-verification: maybe}", "true or false"),
        ("oidc-issuers:\n  https://a.example.com: {type: uri}", "must set subject-domain"),
        ("oidc-issuers:\n  https://a.example.com: {type: uri, subject-domain: example.com}", "with a scheme"),
        ("oidc-issuers:\n  https://a.example.com: {type: uri, subject-domain: http://example.com}", "differs from the issuer"),
        ("oidc-issuers:\n  https://a.example.com: {type: uri, subject-domain: https://example.org}", "not within the issuer's domain"),
        ("oidc-issuers:\n  https://a.example.com: {type: username, subject-domain: https://example.com}", "without a scheme"),
        ("oidc-issuers:\n  https://a.example.com: {type: username, subject-domain: other.org}", "not within the issuer's domain"),
        ("oidc-issuers:\n  https://a.example.com: {type: spiffe}", "must set spiffe-trust-domain"),
        ("oidc-issuers:\n  https://a.example.com: {type: spiffe, spiffe-trust-domain: Bad.Domain}", "not a valid trust domain"),
        ("meta-issuers:\n  https://*.example.com: {type: spiffe, spiffe-trust-domain: example.com}", "SPIFFE meta-issuers"),
        ("meta-issuers:\n  https://a.example.com: {type: email}", "single '*' wildcards"),
        ("meta-issuers:\n  https://**.example.com: {type: email}", "single '*' wildcards"),
        ("meta-issuers:\n  https://*.example.com: {type: email, issuer-url: https://x.example.com}", "remove issuer-url"),
        ("oidc-issuers:\n  https://*.example.com: {type: email}", "belongs under meta-issuers"),
        ("oidc-issuers:\n  https://a.example.com: {type: ci-provider}", "must name its ci-provider"),
        ("oidc-issuers:\n  https://a.example.com: {type: ci-provider, ci-provider: jenkins}", "no entry in ci-issuer-metadata"),
        ("oidc-issuers:\n  https://a.example.com: {type: email, ci-provider: jenkins}", "applies only to ci-provider"),
        ("oidc-issuers:\n  https://a.example.com: {type: kubernetes, spiffe-trust-domain: a}", "applies only to spiffe"),
        ("oidc-issuers:\n  https://a.example.com: {type: spiffe, spiffe-trust-domain: a, skip-email-verification: true}", "applies only to email"),
        ("oidc-issuers:\n  https://a.example.com: {type: email, issuer-claim: federated}", "'$.claim.field' path"),
        ("oidc-issuers:\n  https://a.example.com: {type: email}\n  https://a.example.com: {type: email}", "duplicated key"),
        ("oidc-issuers:\n  https://a.example.com: {type: email}\nci-issuer-metadata:\n  x: {extension-templates: {build-signer-uri: sub}}", "missing subject-alternative-name-template"),
        ("oidc-issuers:\n  https://a.example.com: {type: email}\nci-issuer-metadata:\n  x: {subject-alternative-name-template: sub, extension-templates: {colour: sub}}", "unknown extension 'colour'"),
        ("oidc-issuers:\n  https://a.example.com: {type: email}\nci-issuer-metadata:\n  x: {subject-alternative-name-template: '{{ .url'}", "without '}}'"),
        ("oidc-issuers: [a, b]", "must be a mapping"),
        ("oidc-issuers:\n  https://a.example.com: {type: [email]}", "must be a string"),
        ("{", "not YAML or JSON"),
    ])
    func refusesBrokenConfigurations(_ yaml: String, _ reason: String) {
        let error = #expect(throws: CAError.self) { try IssuerConfiguration(yaml: yaml) }
        #expect(error?.code == .invalidConfiguration)
        #expect(error?.message.contains(reason) == true, "\(error?.message ?? "no error")")
    }

    @Test func acceptsSubjectDomainsWithinTheIssuersDomain() throws {
        let configuration = try IssuerConfiguration(yaml: """
            oidc-issuers:
              https://accounts.example.com: {type: uri, subject-domain: https://users.example.com}
              https://login.example.org: {type: username, subject-domain: example.org}
              https://spire.example.com: {type: spiffe, spiffe-trust-domain: prod.example.com}
            """)
        #expect(configuration.issuers.count == 3)
        #expect(configuration.issuers["https://login.example.org"]?.effectiveChallengeClaim == "sub")
    }
}
