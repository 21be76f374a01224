import Foundation
import SigstoreModels
import Testing

/// `signet verify-blob` and its shared verification flags, run as a process on real bundles.
@Suite struct VerifyBlobCommandTests {
    @Test(arguments: RealBundle.all)
    func verifiesRealBundleWithItsIdentity(_ bundle: RealBundle) throws {
        let outcome = try SignetProcess.run(try bundle.arguments(command: "verify-blob"))
        #expect(outcome.status == 0, "\(outcome)")
        #expect(outcome.standardOutput.hasPrefix("Verified OK\n"))
        #expect(outcome.standardOutput.contains("Identity:   \(bundle.identity)\n"))
        #expect(outcome.standardOutput.contains("Issuer:     \(bundle.issuer)\n"))
        #expect(outcome.standardOutput.contains("(\(bundle.entry))"))
        #expect(outcome.standardError.isEmpty)
    }

    @Test(arguments: RealBundle.files)
    func verifiesByDigestOfTheFile(_ bundle: RealBundle) throws {
        let digest = try Fixture.sha256Reference(bundle.artifact)
        let outcome = try SignetProcess.run(try bundle.arguments(command: "verify-blob", artifact: digest))
        #expect(outcome.status == 0, "\(outcome)")
        #expect(outcome.standardOutput.hasPrefix("Verified OK\n"))
    }

    @Test(arguments: RealBundle.all)
    func rejectsAnotherIdentity(_ bundle: RealBundle) throws {
        let outcome = try SignetProcess.run(try bundle.arguments(command: "verify-blob", identity: "mallory@example.com"))
        #expect(outcome.status == 1)
        #expect(outcome.standardOutput.isEmpty)
        #expect(outcome.errorLines.count == 1, "\(outcome)")
        #expect(outcome.standardError.hasPrefix("Error: the certificate identity"))
        #expect(outcome.standardError.contains("mallory@example.com"))
    }

    @Test(arguments: RealBundle.all)
    func rejectsAnotherIssuer(_ bundle: RealBundle) throws {
        // A trailing slash is a different issuer: no normalisation.
        let outcome = try SignetProcess.run(try bundle.arguments(command: "verify-blob", issuer: bundle.issuer + "/"))
        #expect(outcome.status == 1)
        #expect(outcome.errorLines.count == 1, "\(outcome)")
        #expect(outcome.standardError.hasPrefix("Error: "))
        #expect(outcome.standardError.contains("issuer"))
    }

    @Test(arguments: RealBundle.all)
    func rejectsTheOtherInstancesTrustedRoot(_ bundle: RealBundle) throws {
        var arguments = try bundle.arguments(command: "verify-blob")
        arguments.removeAll { $0 == "--staging" }
        if !bundle.staging { arguments.append("--staging") }
        let outcome = try SignetProcess.run(arguments)
        #expect(outcome.status == 1)
        #expect(outcome.errorLines.count == 1, "\(outcome)")
        #expect(outcome.standardError.hasPrefix("Error: "))
    }

    @Test(arguments: RealBundle.all)
    func rejectsAnotherArtifact(_ bundle: RealBundle) throws {
        let other = "sha256:" + String(repeating: "ab", count: 32)
        let outcome = try SignetProcess.run(try bundle.arguments(command: "verify-blob", artifact: other))
        #expect(outcome.status == 1)
        #expect(outcome.errorLines.count == 1, "\(outcome)")
        #expect(outcome.standardError.hasPrefix("Error: "))
    }

    @Test func rejectsATamperedArtifactFile() throws {
        let scratch = try ScratchDirectory()
        var bytes = try Fixture.bytes("artifacts/bundle_v3.txt")
        bytes[0] ^= 0x01
        let tampered = try scratch.write("bundle_v3.txt", bytes)
        let bundle = RealBundle.all.first { $0.file == "v0.3-staging-message.sigstore.json" }!
        let outcome = try SignetProcess.run(try bundle.arguments(artifact: tampered))
        #expect(outcome.status == 1)
        #expect(outcome.standardError.hasPrefix("Error: bundle_v3.txt is not the signed artifact"), "\(outcome)")
    }

    @Test func writesJSONOnSuccess() throws {
        let bundle = RealBundle.all.first { $0.file == "v0.3-public-good-dsse-hashedrekord.sigstore.json" }!
        let outcome = try SignetProcess.run(try bundle.arguments(command: "verify-blob") + ["--output", "json"])
        #expect(outcome.status == 0, "\(outcome)")
        let report = try jsonObject(outcome.standardOutput)
        #expect(report["verified"] as? Bool == true)
        #expect(report["bundleVersion"] as? String == "0.3")
        let signer = try #require(report["signer"] as? [String: Any])
        #expect(signer["identity"] as? String == bundle.identity)
        #expect(signer["issuer"] as? String == bundle.issuer)
        let log = try #require(report["transparencyLog"] as? [String: Any])
        #expect(log["logIndex"] as? Int == 1_525_557_801)
        #expect(log["kind"] as? String == "hashedrekord")
        let times = try #require(report["verifiedTimes"] as? [[String: Any]])
        #expect(Set(times.compactMap { $0["source"] as? String }) == ["timestampAuthority", "transparencyLog"])
        let statement = try #require(report["statement"] as? [String: Any])
        #expect(statement["predicateType"] as? String == "https://example.com/predicate/v1")
    }

    @Test func writesJSONOnFailure() throws {
        let bundle = RealBundle.all.first { $0.file == "v0.3-staging-message.sigstore.json" }!
        let outcome = try SignetProcess.run(try bundle.arguments(identity: "mallory@example.com") + ["--output", "json"])
        #expect(outcome.status == 1)
        let failure = try jsonObject(outcome.standardOutput)
        #expect(failure["verified"] as? Bool == false)
        #expect(failure["code"] as? String == "identityMismatch")
        #expect((failure["message"] as? String)?.contains("mallory@example.com") == true)
    }

    @Test func matchesIdentityAndIssuerByRegularExpression() throws {
        let bundle = RealBundle.all.first { $0.file == "v0.2-public-good-github.sigstore.json" }!
        let arguments = [
            "verify-blob", bundle.artifact, "--bundle", try Fixture.path(bundle.bundlePath),
            "--certificate-identity-regexp", #"https://github\.com/trailofbits/.*"#,
            "--certificate-oidc-issuer-regexp", #"https://token\.actions\.githubusercontent\.com"#,
        ]
        #expect(try SignetProcess.run(arguments).status == 0)
        // Anchored at both ends: a prefix is not a match.
        var unanchored = arguments
        unanchored[unanchored.firstIndex(of: "--certificate-identity-regexp")! + 1] = "https://github"
        let outcome = try SignetProcess.run(unanchored)
        #expect(outcome.status == 1)
        #expect(outcome.standardError.hasPrefix("Error: the certificate identity"), "\(outcome)")
    }

    static let githubClaims: [(flags: [String], verifies: Bool)] = [
        (["--certificate-github-workflow-repository", "trailofbits/rfc8785.py"], true),
        (["--certificate-github-workflow-trigger", "release", "--certificate-github-workflow-ref", "refs/tags/v0.1.2"], true),
        (["--certificate-github-workflow-sha", "d8b4a6445f38c48b9137a8099706d9b8073146e4", "--certificate-github-workflow-name", "release"], true),
        (["--certificate-extension", "sourceRepositoryURI=https://github.com/trailofbits/rfc8785.py"], true),
        (["--certificate-extension", "1.3.6.1.4.1.57264.1.11=github-hosted"], true),
        (["--certificate-github-workflow-repository", "trailofbits/other"], false),
        (["--certificate-github-workflow-ref", "refs/heads/main"], false),
        (["--certificate-extension", "sourceRepositoryVisibilityAtSigning=private"], false),
        (["--certificate-extension", "1.3.6.1.4.1.57264.1.23=production"], false),
    ]

    @Test(arguments: githubClaims)
    func checksCertificateClaims(_ claims: (flags: [String], verifies: Bool)) throws {
        let bundle = RealBundle.all.first { $0.file == "v0.2-public-good-github.sigstore.json" }!
        let outcome = try SignetProcess.run(try bundle.arguments() + claims.flags)
        if claims.verifies {
            #expect(outcome.status == 0, "\(outcome)")
        } else {
            #expect(outcome.status == 1, "\(outcome)")
            #expect(outcome.errorLines.count == 1)
            #expect(outcome.standardError.hasPrefix("Error: "))
        }
    }

    @Test func verifiesAgainstAnExplicitTrustedRootAndTrustConfig() throws {
        let bundle = RealBundle.all.first { $0.file == "v0.3-staging-rekor-v2.sigstore.json" }!
        var arguments = try bundle.arguments()
        arguments.removeAll { $0 == "--staging" }
        let withRoot = try SignetProcess.run(arguments + ["--trusted-root", try Fixture.path("staging-trusted-root.json")])
        #expect(withRoot.status == 0, "\(withRoot)")

        let scratch = try ScratchDirectory()
        let config = ClientTrustConfig(trustedRoot: try Fixture.trustedRoot("staging-trusted-root.json"), signingConfig: SigningConfig())
        let configPath = try scratch.write("trust.json", try ProtoJSON.encode(config))
        let withConfig = try SignetProcess.run(arguments + ["--trust-config", configPath])
        #expect(withConfig.status == 0, "\(withConfig)")

        let withWrongRoot = try SignetProcess.run(arguments + ["--trusted-root", try Fixture.path("public-good-trusted-root.json")])
        #expect(withWrongRoot.status == 1)
    }

    @Test func verifiesAManagedKeyBundleWithItsKey() throws {
        let scratch = try ScratchDirectory()
        let key = try scratch.write("npm.pub", Array(Fixture.npmRegistryKeyPEM.utf8))
        let bundle = try Fixture.path("bundles/v0.1-public-good-npm-publish-dsse.sigstore.json")
        let outcome = try SignetProcess.run(["verify-blob", Fixture.npmPublishSubject, "--bundle", bundle, "--key", key])
        #expect(outcome.status == 0, "\(outcome)")
        #expect(outcome.standardOutput.contains("Key:        ECDSA P-256"))

        // The bundle's log entry was made with the npm key, so another key fails.
        let otherKey = try scratch.write("other.pub", Array(Self.rfc8410PublicKey.utf8))
        let wrongKey = try SignetProcess.run(["verify-blob", Fixture.npmPublishSubject, "--bundle", bundle, "--key", otherKey])
        #expect(wrongKey.status == 1)
        #expect(wrongKey.errorLines.count == 1, "\(wrongKey)")

        // A certificate identity policy does not accept a managed-key bundle.
        let asIdentity = try SignetProcess.run([
            "verify-blob", Fixture.npmPublishSubject, "--bundle", bundle, "--certificate-identity", "x", "--certificate-oidc-issuer", "y",
        ])
        #expect(asIdentity.status == 1)
    }

    @Test func rejectsABundleWithoutALogEntry() throws {
        let scratch = try ScratchDirectory()
        let key = try scratch.write("npm.pub", Array(Fixture.npmRegistryKeyPEM.utf8))
        let outcome = try SignetProcess.run([
            "verify-blob", Fixture.npmPublishSubject, "--bundle", try Fixture.path("bundles/managed-key-v0.1-empty-lists.sigstore.json"),
            "--key", key,
        ])
        #expect(outcome.status == 1)
        #expect(outcome.standardError.contains("no transparency log entry"), "\(outcome)")
    }

    /// The Ed25519 public key of RFC 8410 §10.1.
    static let rfc8410PublicKey = """
        -----BEGIN PUBLIC KEY-----
        MCowBQYDK2VwAyEAGb9ECWmEzf6FQbrBZ9w7lshQhqowtrbLDFw4rXAxZuE=
        -----END PUBLIC KEY-----

        """
}
