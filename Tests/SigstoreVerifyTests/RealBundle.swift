import Foundation
import SigstoreCrypto
import SigstoreModels
import SigstoreVerify
import Testing

/// A published bundle with what it signs and who signed it.
struct RealBundle: Sendable, CustomTestStringConvertible {
    enum Subject: Sendable {
        /// A file in `Fixtures/artifacts/`.
        case file(String)
        /// A digest, for artifacts that are not published (see Fixtures/README.md).
        case sha256(String)
        case sha512(String)
    }

    var file: String
    var instance: Fixture.Instance
    var subject: Subject
    var san: String
    var issuer: String
    var version: SigstoreBundle.Version
    /// The kind of the log entry, e.g. `hashedrekord 0.0.1`.
    var entry: String
    /// How many trusted times verification should find: TSA timestamps plus a verified SET.
    var trustedTimes: Int

    var testDescription: String { file }

    func bundle() throws -> SigstoreBundle { try Fixture.bundle(file) }
    func verifier() throws -> BundleVerifier { try Fixture.verifier(instance) }

    func artifact() throws -> Artifact {
        switch subject {
        case .file(let name): .file(try Fixture.url("artifacts/\(name)"))
        case .sha256(let hex): .digest(sha256: [UInt8](hex: hex))
        case .sha512(let hex): .digest(sha512: [UInt8](hex: hex))
        }
    }

    var policy: VerificationPolicy {
        .identity(san: .exact(san), issuer: .exact(issuer))
    }

    static let githubActions = "https://token.actions.githubusercontent.com"
    static let githubOAuth = "https://github.com/login/oauth"
    static let google = "https://accounts.google.com"

    static let all: [RealBundle] = [
        RealBundle(
            file: "v0.1-staging-x509chain.sigstore.json", instance: .staging, subject: .file("bundle.txt"),
            san: "a@tny.town", issuer: githubOAuth, version: .v0_1, entry: "hashedrekord 0.0.1", trustedTimes: 1),
        RealBundle(
            file: "v0.2-public-good-github.sigstore.json", instance: .publicGood,
            subject: .sha256("c4e92e9ecc828bef2aa7dba1de8ac983511f7532a0df11c770d39099a25cf201"),
            san: "https://github.com/trailofbits/rfc8785.py/.github/workflows/release.yml@refs/tags/v0.1.2", issuer: githubActions,
            version: .v0_2, entry: "hashedrekord 0.0.1", trustedTimes: 1),
        RealBundle(
            file: "v0.2-public-good-npm-provenance-intoto.sigstore.json", instance: .publicGood,
            subject: .sha512("669cd60051c816ac85139e9d5ea817fc3903459773fab45c8e8224fd1414e085f4c220afd65f12ed9ad70c770273eb9a7feea8ef0de1da5de0e86606e5328df5"),
            san: "https://github.com/sigstore/sigstore-js/.github/workflows/release.yml@refs/heads/main", issuer: githubActions,
            version: .v0_2, entry: "intoto 0.0.2", trustedTimes: 1),
        RealBundle(
            file: "v0.3-public-good-dsse-hashedrekord.sigstore.json", instance: .publicGood,
            subject: .sha256("70ed0277251d0cf2eb5eda8b574ce012de485e39a3de1fb4b1e0717e14b02d6a"),
            san: "https://github.com/sigstore-conformance/extremely-dangerous-public-oidc-beacon/.github/workflows/extremely-dangerous-oidc-beacon.yml@refs/heads/main",
            issuer: githubActions, version: .v0_3, entry: "hashedrekord 0.0.1", trustedTimes: 2),
        RealBundle(
            file: "v0.3-staging-message.sigstore.json", instance: .staging, subject: .file("bundle_v3.txt"),
            san: "william@yossarian.net", issuer: githubOAuth, version: .v0_3, entry: "hashedrekord 0.0.1", trustedTimes: 1),
        RealBundle(
            file: "v0.3-staging-model-signing-dsse.sigstore.json", instance: .staging,
            subject: .sha256("fa166922cca62cd8acdd54d1964abe91d1b58cfb9afd6e4c599cb09912d9a9f9"),
            san: "ifont@redhat.com", issuer: google, version: .v0_3, entry: "dsse 0.0.1", trustedTimes: 1),
        RealBundle(
            file: "v0.3-staging-rekor-v2.sigstore.json", instance: .staging, subject: .file("staging-rekor-v2.txt"),
            san: "jku@goto.fi", issuer: githubOAuth, version: .v0_3, entry: "hashedrekord 0.0.2", trustedTimes: 1),
        RealBundle(
            file: "v0.3-staging-rekor-v2-dsse.sigstore.json", instance: .staging, subject: .file("a.txt"),
            san: "insecure-cloudtop-shared-user@cloudtop-prod-us-east.iam.gserviceaccount.com", issuer: google,
            version: .v0_3, entry: "dsse 0.0.2", trustedTimes: 1),
    ]

    static func named(_ file: String) -> RealBundle {
        all.first { $0.file == file }!
    }

    /// npm's registry signing key `SHA256:jl3bwswu80PjjokCgh0o2w5c2U4LhQAE57gj9cz1kzA`
    /// (https://registry.npmjs.org/-/npm/v1/keys, expired 2025-01-29).
    static func npmKey() throws -> PublicKey {
        try PublicKey(derEncoded: Data(base64Encoded: "MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE1Olb3zMAFFxXKHiIkQO5cJ3Yhl5i6UPp+IhuteBJbuHcA5UogKo0EWtlWwW6KSaKoTNEYL7JlCQiVnkhBktUgg==")!)
    }

    /// The SHA-512 of npm `sigstore@1.3.0`, the subject of its publish attestation.
    static let npmPublishSubject = "76176ffa33808b54602c7c35de5c6e9a4deb96066dba6533f50ac234f4f1f4c6b3527515dc17c06fbe2860030f410eee69ea20079bd3a2c6f3dcf3b329b10751"
}
