import ArgumentParser
import Foundation
import SigstoreModels
import SigstoreVerify
import Testing

@testable import SignetCLI

/// The trusted roots compiled into `signet` are the published TUF targets.
@Suite struct EmbeddedTrustedRootTests {
    /// The copies the embedded JSON was taken from (see `SigstoreInstance`).
    static func published(_ root: SigstoreInstance) -> URL {
        let name = root == .publicGood ? "public-good-trusted-root.json" : "staging-trusted-root.json"
        return SignetProcess.repository.appendingPathComponent("Tests/SigstoreModelsTests/Fixtures/\(name)")
    }

    @Test(arguments: SigstoreInstance.allCases)
    func equalsThePublishedDocument(_ root: SigstoreInstance) throws {
        let published = try String(contentsOf: Self.published(root), encoding: .utf8)
        // A multi-line literal drops the final newline.
        #expect(root.trustedRootDocument + "\n" == published)
    }

    @Test(arguments: SigstoreInstance.allCases)
    func parsesAndLoadsIntoAVerifier(_ root: SigstoreInstance) throws {
        let trustedRoot = try root.trustedRoot()
        #expect(!trustedRoot.certificateAuthorities.isEmpty)
        #expect(!trustedRoot.tlogs.isEmpty)
        #expect(!trustedRoot.timestampAuthorities.isEmpty)
        _ = try BundleVerifier(trustedRoot: trustedRoot)
    }

    @Test func productionIsTheDefault() throws {
        let options = try TrustOptions.parse([])
        #expect(try options.loadTrustedRoot() == SigstoreInstance.publicGood.trustedRoot())
        let staging = try TrustOptions.parse(["--staging"])
        #expect(try staging.loadTrustedRoot() == SigstoreInstance.staging.trustedRoot())
    }
}
