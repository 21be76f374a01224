import Testing

/// A published bundle with what it signs and who signed it (see Fixtures/README.md).
struct RealBundle: Sendable, CustomTestStringConvertible {
    var file: String
    var staging: Bool
    /// A fixture path under `artifacts/`, or a `sha256:`/`sha512:` reference for artifacts that
    /// are not published.
    var artifact: String
    var identity: String
    var issuer: String
    /// The statement's predicate type for DSSE bundles; `nil` for message signatures.
    var predicateType: String?
    /// The entry's kind and version as `bundle inspect` and the verifier report them.
    var entry: String

    var testDescription: String { file }
    var isFile: Bool { artifact.hasPrefix("artifacts/") }
    var bundlePath: String { "bundles/\(file)" }

    static let githubActions = "https://token.actions.githubusercontent.com"
    static let githubOAuth = "https://github.com/login/oauth"
    static let google = "https://accounts.google.com"

    static let all: [RealBundle] = [
        RealBundle(
            file: "v0.1-staging-x509chain.sigstore.json", staging: true, artifact: "artifacts/bundle.txt", identity: "a@tny.town",
            issuer: githubOAuth, entry: "hashedrekord 0.0.1"),
        RealBundle(
            file: "v0.2-public-good-github.sigstore.json", staging: false,
            artifact: "sha256:c4e92e9ecc828bef2aa7dba1de8ac983511f7532a0df11c770d39099a25cf201",
            identity: "https://github.com/trailofbits/rfc8785.py/.github/workflows/release.yml@refs/tags/v0.1.2", issuer: githubActions,
            entry: "hashedrekord 0.0.1"),
        RealBundle(
            file: "v0.2-public-good-npm-provenance-intoto.sigstore.json", staging: false,
            artifact:
                "sha512:669cd60051c816ac85139e9d5ea817fc3903459773fab45c8e8224fd1414e085f4c220afd65f12ed9ad70c770273eb9a7feea8ef0de1da5de0e86606e5328df5",
            identity: "https://github.com/sigstore/sigstore-js/.github/workflows/release.yml@refs/heads/main", issuer: githubActions,
            predicateType: "https://slsa.dev/provenance/v1", entry: "intoto 0.0.2"),
        RealBundle(
            file: "v0.3-public-good-dsse-hashedrekord.sigstore.json", staging: false,
            artifact: "sha256:70ed0277251d0cf2eb5eda8b574ce012de485e39a3de1fb4b1e0717e14b02d6a",
            identity:
                "https://github.com/sigstore-conformance/extremely-dangerous-public-oidc-beacon/.github/workflows/extremely-dangerous-oidc-beacon.yml@refs/heads/main",
            issuer: githubActions, predicateType: "https://example.com/predicate/v1", entry: "hashedrekord 0.0.1"),
        RealBundle(
            file: "v0.3-staging-message.sigstore.json", staging: true, artifact: "artifacts/bundle_v3.txt", identity: "william@yossarian.net",
            issuer: githubOAuth, entry: "hashedrekord 0.0.1"),
        RealBundle(
            file: "v0.3-staging-model-signing-dsse.sigstore.json", staging: true,
            artifact: "sha256:fa166922cca62cd8acdd54d1964abe91d1b58cfb9afd6e4c599cb09912d9a9f9", identity: "ifont@redhat.com", issuer: google,
            predicateType: "https://model_signing/Digests/v0.1", entry: "dsse 0.0.1"),
        RealBundle(
            file: "v0.3-staging-rekor-v2.sigstore.json", staging: true, artifact: "artifacts/staging-rekor-v2.txt", identity: "jku@goto.fi",
            issuer: githubOAuth, entry: "hashedrekord 0.0.2"),
        RealBundle(
            file: "v0.3-staging-rekor-v2-dsse.sigstore.json", staging: true, artifact: "artifacts/a.txt",
            identity: "insecure-cloudtop-shared-user@cloudtop-prod-us-east.iam.gserviceaccount.com", issuer: google,
            predicateType: "https://slsa.dev/provenance/v1", entry: "dsse 0.0.2"),
    ]

    static let dsse = all.filter { $0.predicateType != nil }
    static let messages = all.filter { $0.predicateType == nil }
    static let files = all.filter(\.isFile)

    /// The artifact argument: a fixture file's path, or the digest reference itself.
    func artifactArgument() throws -> String {
        isFile ? try Fixture.path(artifact) : artifact
    }

    /// `--staging` for staging bundles (the embedded production root is the default).
    var trustArguments: [String] { staging ? ["--staging"] : [] }

    /// The verify command for this bundle's content.
    var command: String { predicateType == nil ? "verify-blob" : "verify-blob-attestation" }

    /// Arguments that should verify, with `identity` and `issuer` replaced when given.
    func arguments(command: String? = nil, artifact: String? = nil, identity: String? = nil, issuer: String? = nil) throws -> [String] {
        [command ?? self.command, try artifact ?? artifactArgument(), "--bundle", try Fixture.path(bundlePath),
            "--certificate-identity", identity ?? self.identity, "--certificate-oidc-issuer", issuer ?? self.issuer] + trustArguments
    }
}
