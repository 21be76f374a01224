import Foundation
import Testing

/// `Scripts/conformance-client`, spoken to the way sigstore-conformance does (interop contract §14).
@Suite struct ConformanceClientTests {
    static let script = SignetProcess.repository.appendingPathComponent("Scripts/conformance-client")

    static func run(_ arguments: [String]) throws -> ProcessOutcome {
        try SignetProcess.run(script, arguments, environment: ["SIGNET_BIN": SignetProcess.binary.path])
    }

    static func verifyArguments(_ bundle: RealBundle, identity: String? = nil, trustedRoot: Bool = false) throws -> [String] {
        var arguments = ["verify-bundle"]
        if bundle.staging && !trustedRoot { arguments.append("--staging") }
        arguments += [
            "--bundle", try Fixture.path(bundle.bundlePath), "--certificate-identity", identity ?? bundle.identity,
            "--certificate-oidc-issuer", bundle.issuer,
        ]
        if trustedRoot {
            arguments += ["--trusted-root", try Fixture.path(bundle.staging ? "staging-trusted-root.json" : "public-good-trusted-root.json")]
        }
        return arguments + [try bundle.artifactArgument()]
    }

    @Test(arguments: RealBundle.all)
    func verifiesWithTheEmbeddedRoots(_ bundle: RealBundle) throws {
        let outcome = try Self.run(try Self.verifyArguments(bundle))
        #expect(outcome.status == 0, "\(outcome)")
    }

    @Test(arguments: RealBundle.all)
    func verifiesWithATrustedRootFile(_ bundle: RealBundle) throws {
        let outcome = try Self.run(try Self.verifyArguments(bundle, trustedRoot: true))
        #expect(outcome.status == 0, "\(outcome)")
    }

    @Test(arguments: RealBundle.all)
    func rejectsTheWrongIdentity(_ bundle: RealBundle) throws {
        let outcome = try Self.run(try Self.verifyArguments(bundle, identity: "mallory@example.com"))
        #expect(outcome.status == 1, "\(outcome)")
    }

    @Test func verifiesAManagedKeyBundle() throws {
        let scratch = try ScratchDirectory()
        let key = try scratch.write("npm.pub", Array(Fixture.npmRegistryKeyPEM.utf8))
        let bundle = try Fixture.path("bundles/v0.1-public-good-npm-publish-dsse.sigstore.json")
        let good = try Self.run(["verify-bundle", "--bundle", bundle, "--key", key, Fixture.npmPublishSubject])
        #expect(good.status == 0, "\(good)")
        let other = try scratch.write("other.pub", Array(VerifyBlobCommandTests.rfc8410PublicKey.utf8))
        let bad = try Self.run(["verify-bundle", "--bundle", bundle, "--key", other, Fixture.npmPublishSubject])
        #expect(bad.status == 1, "\(bad)")
    }

    @Test func rejectsProtocolErrors() throws {
        let missingIssuer = try Self.run(["verify-bundle", "--bundle", "b.json", "--certificate-identity", "a", "a.txt"])
        #expect(missingIssuer.status == 2)
        #expect(missingIssuer.standardError.hasPrefix("conformance-client: verify-bundle needs"))
        let unknown = try Self.run(["frobnicate", "--bundle", "b.json", "a.txt"])
        #expect(unknown.status == 2)
        let noBinary = try SignetProcess.run(Self.script, ["verify-bundle"], environment: ["SIGNET_BIN": "/no/such/signet"])
        #expect(noBinary.status == 2)
        #expect(noBinary.standardError.contains("no signet binary at /no/such/signet"))
    }

    @Test func signBundleNeedsSignBlob() throws {
        let help = try SignetProcess.run(["--help"])
        let hasSignBlob = help.standardOutput.split(separator: "\n").contains { $0.trimmingCharacters(in: .whitespaces).hasPrefix("sign-blob ") }
        let scratch = try ScratchDirectory()
        let outcome = try Self.run([
            "sign-bundle", "--identity-token", "token", "--bundle", scratch.path("out.json"), try Fixture.path("artifacts/a.txt"),
        ])
        if hasSignBlob {
            // Once sign-blob exists the script hands over to it; a bogus token must still fail.
            #expect(outcome.status != 0)
        } else {
            #expect(outcome.status == 3)
            #expect(outcome.standardError.contains("no sign-blob subcommand"))
        }
    }
}
