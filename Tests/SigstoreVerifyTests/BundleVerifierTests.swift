import Foundation
import SigstoreCrypto
import SigstoreModels
import SigstoreVerify
import Testing

/// Real public-good and staging bundles against their real trusted roots.
@Suite struct BundleVerifierTests {
    @Test("verifies a real bundle with its identity and issuer", arguments: RealBundle.all)
    func verifiesRealBundle(_ real: RealBundle) async throws {
        let result = try await real.verifier().verify(real.bundle(), artifact: real.artifact(), policy: real.policy)
        let certificate = try #require(result.signingCertificate)
        #expect(certificate.subjectAlternativeNames.contains(real.san))
        #expect(certificate.issuer == real.issuer)
        #expect(certificate.chain.count >= 2)
        #expect(certificate.chain.first == certificate.certificate)
        #expect(result.bundleVersion == real.version)
        #expect("\(result.logEntry.kind) \(result.logEntry.version)" == real.entry)
        #expect(result.verifiedTimes.count == real.trustedTimes)
        #expect(result.artifactVerified)
        for time in result.verifiedTimes {
            #expect(certificate.notValidBefore <= time.date && time.date <= certificate.notValidAfter)
        }
        #expect((result.statement != nil) == (try real.bundle().dsseEnvelope != nil))
    }

    @Test("verifies a real bundle from its JSON", arguments: RealBundle.all)
    func verifiesRealBundleJSON(_ real: RealBundle) async throws {
        let json = try Fixture.bytes("bundles/\(real.file)")
        let result = try await real.verifier().verify(bundleJSON: json, artifact: real.artifact(), policy: real.policy)
        #expect(result.logEntry.logIndex == (try real.bundle().verificationMaterial.tlogEntries[0].logIndex))
    }

    @Test("rejects a real bundle for another identity", arguments: RealBundle.all)
    func rejectsWrongIdentity(_ real: RealBundle) async throws {
        let policy = VerificationPolicy.identity(san: .exact(real.san + "x"), issuer: .exact(real.issuer))
        let error = await verificationError { _ = try await real.verifier().verify(real.bundle(), artifact: real.artifact(), policy: policy) }
        #expect(error?.code == .identityMismatch)
    }

    @Test("rejects a real bundle for another issuer", arguments: RealBundle.all)
    func rejectsWrongIssuer(_ real: RealBundle) async throws {
        // A trailing slash is a different issuer: no normalisation.
        let policy = VerificationPolicy.identity(san: .exact(real.san), issuer: .exact(real.issuer + "/"))
        let error = await verificationError { _ = try await real.verifier().verify(real.bundle(), artifact: real.artifact(), policy: policy) }
        #expect(error?.code == .identityMismatch)
    }

    @Test("rejects a real bundle over another artifact", arguments: RealBundle.all)
    func rejectsWrongArtifact(_ real: RealBundle) async throws {
        let other = Artifact.bytes(Array("not the signed artifact\n".utf8))
        let error = await verificationError { _ = try await real.verifier().verify(real.bundle(), artifact: other, policy: real.policy) }
        #expect(error?.code == .artifactMismatch)
    }

    @Test("rejects a real bundle against the other instance's trusted root", arguments: RealBundle.all)
    func rejectsOtherTrustedRoot(_ real: RealBundle) async throws {
        let other = try Fixture.verifier(real.instance == .staging ? .publicGood : .staging)
        let hasTimestamps = try !real.bundle().verificationMaterial.rfc3161Timestamps.isEmpty
        let error = await verificationError { _ = try await other.verify(real.bundle(), artifact: real.artifact(), policy: real.policy) }
        // Timestamps are checked before the log entry; neither the TSA nor the log is trusted.
        #expect(error?.code == (hasTimestamps ? .invalidTimestamp : .invalidTransparencyLogEntry))
    }

    @Test func matchesIdentityByAnchoredRegex() async throws {
        let real = RealBundle.named("v0.2-public-good-github.sigstore.json")
        let accepted = VerificationPolicy.identity(
            san: .regex(#"https://github\.com/trailofbits/.*@refs/tags/v.*"#), issuer: .regex(#"https://token\.actions\..*"#))
        _ = try await real.verifier().verify(real.bundle(), artifact: real.artifact(), policy: accepted)
        // Anchored: a pattern matching only part of the SAN does not match.
        let partial = VerificationPolicy.identity(san: .regex("trailofbits"), issuer: .regex(".*"))
        let error = await verificationError { _ = try await real.verifier().verify(real.bundle(), artifact: real.artifact(), policy: partial) }
        #expect(error?.code == .identityMismatch)
    }

    @Test func checksCIClaimExtensions() async throws {
        let real = RealBundle.named("v0.2-public-good-github.sigstore.json")
        let result = try await real.verifier().verify(real.bundle(), artifact: real.artifact(), policy: .anyIdentity)
        let certificate = try #require(result.signingCertificate)
        let repository = try #require(certificate.extensions[.sourceRepositoryURI])
        #expect(repository == "https://github.com/trailofbits/rfc8785.py")
        #expect(certificate.extensions[.githubWorkflowRepository] == "trailofbits/rfc8785.py")
        let matching = VerificationPolicy.identity(
            san: .exact(real.san), issuer: .exact(real.issuer), extensions: [.sourceRepositoryURI: repository, .githubWorkflowRepository: "trailofbits/rfc8785.py"])
        _ = try await real.verifier().verify(real.bundle(), artifact: real.artifact(), policy: matching)
        let wrong = VerificationPolicy.identity(
            san: .exact(real.san), issuer: .exact(real.issuer), extensions: [.sourceRepositoryURI: repository + "-fork"])
        let error = await verificationError { _ = try await real.verifier().verify(real.bundle(), artifact: real.artifact(), policy: wrong) }
        #expect(error?.code == .identityMismatch)
    }

    @Test func verifiesAManagedKeyBundleWithItsKey() async throws {
        let bundle = try Fixture.bundle("v0.1-public-good-npm-publish-dsse.sigstore.json")
        let result = try await Fixture.verifier(.publicGood).verify(
            bundle, artifact: .digest(sha512: [UInt8](hex: RealBundle.npmPublishSubject)), policy: .publicKey(RealBundle.npmKey()))
        guard case .publicKey(let key) = result.signer else {
            Issue.record("expected a managed-key signer")
            return
        }
        #expect(key == (try RealBundle.npmKey()))
        #expect(result.statement?.subjects.first?.name == "pkg:npm/sigstore@1.3.0")
        #expect(result.verifiedTimes.map(\.source) == [.transparencyLog("https://rekor.sigstore.dev")])
        #expect(result.logEntry.checkpoint == nil)
    }

    @Test func rejectsAManagedKeyBundleWithAnotherKeyOrAnIdentity() async throws {
        let bundle = try Fixture.bundle("v0.1-public-good-npm-publish-dsse.sigstore.json")
        let artifact = Artifact.digest(sha512: [UInt8](hex: RealBundle.npmPublishSubject))
        let otherKey = try PrivateKey.generate(.ecdsaP256).publicKey
        let wrongKey = await verificationError { _ = try await Fixture.verifier(.publicGood).verify(bundle, artifact: artifact, policy: .publicKey(otherKey)) }
        #expect(wrongKey?.code == .invalidSignature)
        let identity = await verificationError { _ = try await Fixture.verifier(.publicGood).verify(bundle, artifact: artifact, policy: .anyIdentity) }
        #expect(identity?.code == .identityMismatch)
    }

    @Test func rejectsACertificateBundleUnderAKeyPolicy() async throws {
        let real = RealBundle.named("v0.3-staging-message.sigstore.json")
        let error = await verificationError {
            _ = try await real.verifier().verify(real.bundle(), artifact: real.artifact(), policy: .publicKey(PrivateKey.generate(.ecdsaP256).publicKey))
        }
        #expect(error?.code == .identityMismatch)
    }

    @Test func rejectsABundleWithoutLogEntries() async throws {
        let bundle = try Fixture.bundle("managed-key-v0.1-empty-lists.sigstore.json")
        let error = await verificationError {
            _ = try await Fixture.verifier(.publicGood).verify(bundle, artifact: .bytes(Array("hello, world!".utf8)), policy: .publicKey(RealBundle.npmKey()))
        }
        #expect(error?.code == .invalidBundle)
    }

    @Test func verifiesWithoutAnArtifactOnlyWhenAskedTo() async throws {
        let real = RealBundle.named("v0.3-staging-rekor-v2.sigstore.json")
        let result = try await real.verifier().verify(real.bundle(), artifact: nil, policy: real.policy)
        #expect(!result.artifactVerified)
    }

    @Test func acceptsAFileADigestOrBytesAlike() async throws {
        let real = RealBundle.named("v0.3-staging-message.sigstore.json")
        let bytes = try Fixture.bytes("artifacts/bundle_v3.txt")
        for artifact in [Artifact.bytes(bytes), .digest(sha256: HashAlgorithm.sha256.hash(bytes)), try real.artifact()] {
            _ = try await real.verifier().verify(real.bundle(), artifact: artifact, policy: real.policy)
        }
    }

    @Test func rejectsAMalformedRegexAsAPolicyError() async throws {
        let real = RealBundle.named("v0.3-staging-message.sigstore.json")
        let error = await verificationError {
            _ = try await real.verifier().verify(real.bundle(), artifact: real.artifact(), policy: .identity(san: .regex("(unclosed"), issuer: .exact(real.issuer)))
        }
        #expect(error?.code == .invalidPolicy)
    }

    @Test func reportsAnUnreadableArtifact() async throws {
        let real = RealBundle.named("v0.3-staging-message.sigstore.json")
        let missing = Artifact.file(URL(fileURLWithPath: "/nonexistent/signet-artifact"))
        let error = await verificationError { _ = try await real.verifier().verify(real.bundle(), artifact: missing, policy: real.policy) }
        #expect(error?.code == .unreadableArtifact)
    }
}
