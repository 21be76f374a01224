@testable import CAService
import Foundation
import OIDC
import SwiftASN1
import X509
import Testing

@Suite struct IssuerConfigurationIdentityTests {
    static let configuration = try! IssuerConfiguration(yaml: """
        oidc-issuers:
          https://mail.example.com: {type: email}
          https://lax.example.com: {type: email, skip-email-verification: true}
          https://dex.example.com: {type: email, issuer-claim: $.federated_claims.connector_id}
          https://accounts.example.com: {type: uri, subject-domain: https://users.example.com}
          https://login.example.org: {type: username, subject-domain: example.org}
          https://spire.example.com: {type: spiffe, spiffe-trust-domain: prod.example.com}
          https://k8s.example.com: {type: kubernetes}
          https://token.actions.githubusercontent.com: {type: github-workflow}
          https://ci.example.com: {type: ci-provider, ci-provider: example-ci, challenge-claim: pipeline}
          https://custom.example.com: {type: email, challenge-claim: sub}
        meta-issuers:
          https://oidc.eks.*.amazonaws.com/id/*: {type: kubernetes}
        ci-issuer-metadata:
          example-ci:
            default-template-values: {url: https://ci.example.com}
            extension-templates:
              build-signer-uri: "{{ .url }}/{{ .pipeline }}"
              run-invocation-uri: "{{ .url }}/runs/{{ .run }}"
              token-subject: sub
            subject-alternative-name-template: "{{ .url }}/{{ .pipeline }}"
        """)

    static func claims(_ issuer: String, _ subject: String = "user-1", _ extra: [String: JSONValue] = [:]) -> [String: JSONValue] {
        ["iss": .string(issuer), "sub": .string(subject), "aud": "sigstore"].merging(extra) { _, new in new }
    }

    static func identity(_ claims: [String: JSONValue]) throws -> TokenIdentity {
        try configuration.identity(for: claims)
    }

    static func refusal(_ claims: [String: JSONValue]) -> CAError? {
        #expect(throws: CAError.self) { try identity(claims) }
    }

    @Test func emailIdentitiesNeedAVerifiedAddress() throws {
        let verified = try Self.identity(Self.claims("https://mail.example.com", "1234", ["email": "alice@example.com", "email_verified": true]))
        #expect(verified.certificate == CertificateIdentity(subjectAlternativeName: .email("alice@example.com"), issuer: "https://mail.example.com"))
        #expect(verified.challenge == "alice@example.com")

        for flag: JSONValue? in [false, nil, "yes", 1] {
            var extra: [String: JSONValue] = ["email": "alice@example.com"]
            extra["email_verified"] = flag
            let error = Self.refusal(Self.claims("https://mail.example.com", "1234", extra))
            #expect(error?.code == .invalidToken)
            #expect(error?.message.contains("not verified") == true)
        }
        #expect(Self.refusal(Self.claims("https://mail.example.com", "1234", ["email_verified": true]))?.message.contains("no 'email' claim") == true)
        #expect(Self.refusal(Self.claims("https://mail.example.com", "1234", ["email": "alice", "email_verified": true]))?.message.contains("not an email") == true)

        let lax = try Self.identity(Self.claims("https://lax.example.com", "1", ["email": "bob@example.com"]))
        #expect(lax.certificate.subjectAlternativeName == .email("bob@example.com"))
    }

    @Test func aFederatingIssuerNamesTheUpstreamIssuer() throws {
        let identity = try Self.identity(Self.claims("https://dex.example.com", "1", [
            "email": "carol@example.com", "email_verified": true, "federated_claims": ["connector_id": "https://github.com/login/oauth"],
        ]))
        #expect(identity.certificate.issuer == "https://github.com/login/oauth")
        #expect(Self.refusal(Self.claims("https://dex.example.com", "1", ["email": "carol@example.com", "email_verified": true]))?.code == .invalidToken)
    }

    @Test func uriSubjectsMustLieInTheSubjectDomain() throws {
        let identity = try Self.identity(Self.claims("https://accounts.example.com", "https://users.example.com/alice"))
        #expect(identity.certificate.subjectAlternativeName == .uri("https://users.example.com/alice"))
        #expect(identity.challenge == "https://users.example.com/alice")
        for subject in ["https://evil.example.com/alice", "http://users.example.com/alice", "alice@users.example.com", "users.example.com/alice"] {
            #expect(Self.refusal(Self.claims("https://accounts.example.com", subject))?.code == .invalidToken, "\(subject)")
        }
    }

    @Test func usernamesBecomeAnOtherNameWithTheDomain() throws {
        let identity = try Self.identity(Self.claims("https://login.example.org", "alice"))
        #expect(identity.certificate.subjectAlternativeName == .username("alice!example.org"))
        #expect(identity.challenge == "alice")
        #expect(Self.refusal(Self.claims("https://login.example.org", "al!ce"))?.code == .invalidToken)
        #expect(Self.refusal(Self.claims("https://login.example.org", "alice@example.org"))?.code == .invalidToken)
    }

    @Test(arguments: [
        ("spiffe://prod.example.com/ns/default/sa/builder", true),
        ("spiffe://prod.example.com", true),
        ("spiffe://staging.example.com/ns/default", false),
        ("spiffe://prod.example.com/ns//sa", false),
        ("spiffe://prod.example.com/ns/../sa", false),
        ("spiffe://prod.example.com/ns/default/", false),
        ("spiffe://prod.example.com/ns?x=1", false),
        ("https://prod.example.com/ns/default", false),
        ("spiffe://PROD.example.com/ns", false),
    ])
    func spiffeIDsMustBeInTheTrustDomain(_ subject: String, _ accepted: Bool) throws {
        let claims = Self.claims("https://spire.example.com", subject)
        if accepted {
            #expect(try Self.identity(claims).certificate.subjectAlternativeName == .uri(subject))
        } else {
            #expect(Self.refusal(claims)?.code == .invalidToken)
        }
    }

    @Test func kubernetesServiceAccountsBecomeAURI() throws {
        let kubernetes: JSONValue = ["namespace": "default", "serviceaccount": ["name": "builder", "uid": "f5720c1d"], "pod": ["name": "p"]]
        let identity = try Self.identity(Self.claims("https://k8s.example.com", "system:serviceaccount:default:builder", ["kubernetes.io": kubernetes]))
        #expect(identity.certificate.subjectAlternativeName == .uri("https://kubernetes.io/namespaces/default/serviceaccounts/builder"))
        #expect(identity.challenge == "system:serviceaccount:default:builder")

        let eks = "https://oidc.eks.us-west-2.amazonaws.com/id/B02C93B6A2D30341AD01E1B6D48164CB"
        #expect(try Self.identity(Self.claims(eks, "s", ["kubernetes.io": kubernetes])).certificate.issuer == eks)

        #expect(Self.refusal(Self.claims("https://k8s.example.com", "s"))?.code == .invalidToken)
        let forged: JSONValue = ["namespace": "a/serviceaccounts/admin", "serviceaccount": ["name": "x"]]
        #expect(Self.refusal(Self.claims("https://k8s.example.com", "s", ["kubernetes.io": forged]))?.code == .invalidToken)
    }

    @Test func customCIProvidersRenderTheirTemplates() throws {
        let identity = try Self.identity(Self.claims("https://ci.example.com", "project:42", ["pipeline": "team/app", "run": .integer(77)]))
        #expect(identity.certificate.subjectAlternativeName == .uri("https://ci.example.com/team/app"))
        #expect(identity.certificate.extensions == [
            .buildSignerURI: "https://ci.example.com/team/app",
            .runInvocationURI: "https://ci.example.com/runs/77",
            .tokenSubject: "project:42",
        ])
        #expect(identity.challenge == "team/app")
        let missing = Self.refusal(Self.claims("https://ci.example.com", "project:42", ["pipeline": "team/app"]))
        #expect(missing?.message.contains("'run'") == true)
    }

    @Test func theChallengeClaimIsConfigurable() throws {
        let identity = try Self.identity(Self.claims("https://custom.example.com", "opaque-id", ["email": "dan@example.com", "email_verified": true]))
        #expect(identity.challenge == "opaque-id")
        #expect(identity.certificate.subjectAlternativeName == .email("dan@example.com"))
    }

    @Test func unknownIssuersAndMissingClaimsAreRefused() {
        #expect(Self.refusal(Self.claims("https://unknown.example.com"))?.message.contains("not accepted") == true)
        #expect(Self.refusal(["sub": "x"])?.message.contains("'iss'") == true)
        #expect(Self.refusal(["iss": "https://k8s.example.com"])?.message.contains("'sub'") == true)
    }

    /// Public-good Fulcio leaves for GitHub Actions: the claims their template reads, mapped here,
    /// give every Sigstore extension byte for byte and in the same order.
    @Test(arguments: ["fulcio-public-good-2024-03-19.pem", "fulcio-public-good-2025-02-04.pem", "fulcio-public-good-2026-05-13.pem"])
    func githubActionsClaimsGiveFulciosExtensions(_ leafFile: String) throws {
        let all = try JSONDecoder().decode([String: [String: JSONValue]].self, from: Data(Fixture.bytes("fulcio/github-actions-claims-from-fulcio-leaves.json")))
        let claims = try #require(all[leafFile])
        let leaf = try Certificate(pemEncoded: Fixture.string("fulcio/\(leafFile)"))
        for configuration in [Self.configuration, try IssuerConfiguration(yaml: try IssuerConfigurationTests.publicGoodExcerpt())] {
            let identity = try configuration.identity(for: claims)
            let expected = leaf.extensions.filter { $0.oid.description.hasPrefix("1.3.6.1.4.1.57264.1.") || $0.oid == .X509ExtensionID.subjectAlternativeName }
            let rendered = [try identity.certificate.subjectAlternativeNameExtension()] + (try identity.certificate.sigstoreExtensions())
            #expect(rendered == expected)
            #expect(identity.challenge == claims["sub"]?.stringValue)
        }
    }
}
