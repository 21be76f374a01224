import Foundation
import SigstoreModels
import SigstoreVerify
import SwiftASN1
import Testing
import X509

@Suite struct SigningCertificateTests {
    private func leaf(of file: String) throws -> Certificate {
        let bundle = try Fixture.bundle(file)
        return try Certificate(derEncoded: try #require(bundle.verificationMaterial.leafCertificate).rawBytes)
    }

    @Test func readsAGitHubActionsIdentity() throws {
        let identity = SigningCertificate(try leaf(of: "v0.2-public-good-github.sigstore.json"))
        #expect(identity.subjectAlternativeNames == ["https://github.com/trailofbits/rfc8785.py/.github/workflows/release.yml@refs/tags/v0.1.2"])
        #expect(identity.issuer == "https://token.actions.githubusercontent.com")
        #expect(identity.extensions[.issuerV1] == "https://token.actions.githubusercontent.com")
        #expect(identity.extensions[.githubWorkflowTrigger] == "release")
        #expect(identity.extensions[.sourceRepositoryRef] == "refs/tags/v0.1.2")
        #expect(identity.extensions[.runnerEnvironment] == "github-hosted")
        #expect(identity.notValidAfter.timeIntervalSince(identity.notValidBefore) == 600)
        #expect(identity.chain.isEmpty)
    }

    @Test func readsAnEmailIdentity() throws {
        let identity = SigningCertificate(try leaf(of: "v0.3-staging-message.sigstore.json"))
        #expect(identity.subjectAlternativeNames == ["william@yossarian.net"])
        #expect(identity.issuer == "https://github.com/login/oauth")
        #expect(identity.extensions[.sourceRepositoryURI] == nil)
    }
}
