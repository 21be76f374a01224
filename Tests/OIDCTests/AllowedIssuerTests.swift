import OIDC
import Testing

@Suite struct AllowedIssuerTests {
    static let eks = AllowedIssuer(metaIssuer: "https://oidc.eks.*.amazonaws.com/id/*")
    static let gke = AllowedIssuer(metaIssuer: "https://container.googleapis.com/v1/projects/*/locations/*/clusters/*")

    /// The examples Fulcio's configuration documents for meta-issuers, and near misses.
    @Test(arguments: [
        (eks, "https://oidc.eks.us-west-2.amazonaws.com/id/B02C93B6A2D30341AD01E1B6D48164CB", true),
        (eks, "https://oidc.eks.eu-central-1.amazonaws.com/id/0", true),
        (eks, "https://oidc.eks..amazonaws.com/id/B02C93B6", false),
        (eks, "https://oidc.eks.us-west-2.evil.example/id/B02C93B6", false),
        (eks, "https://oidc.eks.a.b.amazonaws.com/id/B02C93B6", false),
        (eks, "https://oidc.eks.us-west-2.amazonaws.com/id/B02C93B6/extra", false),
        (eks, "https://oidc.eks.us-west-2.amazonaws.com/id/", false),
        (eks, "http://oidc.eks.us-west-2.amazonaws.com/id/B02C93B6", false),
        (eks, "xhttps://oidc.eks.us-west-2.amazonaws.com/id/B02C93B6", false),
        (gke, "https://container.googleapis.com/v1/projects/mattmoor-credit/locations/us-west1-b/clusters/tenant-cluster", true),
        (gke, "https://container.googleapis.com/v1/projects/p/locations/l/clusters/c/../../x", false),
        (AllowedIssuer("https://accounts.google.com"), "https://accounts.google.com", true),
        (AllowedIssuer("https://accounts.google.com"), "https://accounts.google.com/", false),
        (AllowedIssuer("https://accounts.google.com"), "https://ACCOUNTS.google.com", false),
    ])
    func matchesIssuers(_ entry: AllowedIssuer, _ issuer: String, _ expected: Bool) {
        #expect(entry.matches(issuer) == expected)
    }

    @Test func refusesOverlongIssuersForMetaPatterns() {
        let long = "https://oidc.eks." + String(repeating: "a", count: 2000) + ".amazonaws.com/id/x"
        #expect(!Self.eks.matches(long))
    }

    @Test func prefersExactEntriesOverMetaIssuers() throws {
        let exact = AllowedIssuer("https://oidc.eks.us-west-2.amazonaws.com/id/ABC", audience: "special")
        let verifier = try IdentityTokenVerifier(configuration: .init(issuers: [Self.eks, exact]))
        #expect(verifier.allowedIssuer(for: "https://oidc.eks.us-west-2.amazonaws.com/id/ABC") == exact)
        #expect(verifier.allowedIssuer(for: "https://oidc.eks.us-west-2.amazonaws.com/id/DEF") == Self.eks)
        #expect(verifier.allowedIssuer(for: "https://accounts.google.com") == nil)
    }

    @Test(arguments: [
        AllowedIssuer(metaIssuer: "https://no-wildcard.example"),
        AllowedIssuer(metaIssuer: "https://double.**.example"),
        AllowedIssuer("ftp://issuer.example"),
        AllowedIssuer("issuer.example"),
        AllowedIssuer("https://issuer.example", audience: ""),
    ])
    func refusesMalformedEntries(_ entry: AllowedIssuer) {
        #expect { try IdentityTokenVerifier(configuration: .init(issuers: [entry])) } throws: { error in
            (error as? OIDCError)?.code == .invalidConfiguration
        }
    }

    @Test(arguments: [-1.0, 301, .infinity])
    func boundsTheClockSkew(_ skew: Double) {
        var configuration = IdentityTokenVerifier.Configuration(issuers: [AllowedIssuer("https://issuer.example")])
        configuration.maximumClockSkew = skew
        #expect { try IdentityTokenVerifier(configuration: configuration) } throws: { error in
            (error as? OIDCError)?.code == .invalidConfiguration
        }
    }
}
