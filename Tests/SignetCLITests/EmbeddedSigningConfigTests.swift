import ArgumentParser
import Foundation
import SigstoreModels
import SigstoreSign
import Testing

@testable import SignetCLI

/// The signing configurations compiled into `signet` are the published TUF targets, and signing
/// without `--signing-config` or `--trust-config` uses them.
@Suite struct EmbeddedSigningConfigTests {
    /// The copies the embedded JSON was taken from (see `SigstoreInstance`).
    static func published(_ config: SigstoreInstance) -> URL {
        let name = config == .publicGood ? "public-good-signing-config.json" : "staging-signing-config.json"
        return SignetProcess.repository.appendingPathComponent("Tests/SignetCLITests/Fixtures/\(name)")
    }

    @Test(arguments: SigstoreInstance.allCases)
    func equalsThePublishedDocument(_ config: SigstoreInstance) throws {
        let published = try String(contentsOf: Self.published(config), encoding: .utf8)
        // A multi-line literal drops the final newline.
        #expect(config.signingConfigDocument + "\n" == published)
    }

    @Test(arguments: SigstoreInstance.allCases)
    func namesEveryService(_ config: SigstoreInstance) throws {
        let signingConfig = try config.signingConfig()
        #expect(!signingConfig.caUrls.isEmpty)
        #expect(!signingConfig.oidcUrls.isEmpty)
        #expect(!signingConfig.rekorTlogUrls.isEmpty)
        #expect(!signingConfig.tsaUrls.isEmpty)
    }

    @Test func signingDefaultsToThePublicGoodInstance() throws {
        let production = try SigningFlags.parse(["--identity-token", "t"]).signer()
        #expect(production.signingConfig == (try SigstoreInstance.publicGood.signingConfig()))
        #expect(production.signingConfig.caUrls.map(\.url) == ["https://fulcio.sigstore.dev"])
        let staging = try SigningFlags.parse(["--staging", "--identity-token", "t"]).signer()
        #expect(staging.signingConfig.caUrls.map(\.url) == ["https://fulcio.sigstage.dev"])
    }

    @Test func aGivenSigningConfigWins() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("signing-config-\(UUID().uuidString).json")
        defer { try? FileManager.default.removeItem(at: file) }
        var custom = try SigstoreInstance.staging.signingConfig()
        custom.caUrls = [SigningConfig.Service(url: "https://ca.example.test", majorApiVersion: 1, validFor: custom.caUrls[0].validFor, operator: "example.test")]
        try Data(ProtoJSON.encode(custom)).write(to: file)
        let signer = try SigningFlags.parse(["--signing-config", file.path, "--identity-token", "t"]).signer()
        #expect(signer.signingConfig.caUrls.map(\.url) == ["https://ca.example.test"])
    }
}
