import Foundation
import SigstoreModels
import SigstoreVerify
import Testing

/// The tamper corpus: every field of real and virtual bundles mutated on its own must be
/// rejected, with a code that names the check the mutation breaks.
@Suite struct BundleVerifierTamperingTests {
    private func rejectsEveryVariant(
        of bundle: SigstoreBundle, verifier: BundleVerifier, artifact: Artifact, policy: VerificationPolicy
    ) async throws {
        _ = try await verifier.verify(bundle, artifact: artifact, policy: policy)
        let corpus = Tamper.corpus(for: bundle)
        #expect(corpus.count >= 8)
        for tamper in corpus {
            var tampered = bundle
            tamper.apply(&tampered)
            do {
                _ = try await verifier.verify(tampered, artifact: artifact, policy: policy)
                Issue.record("the bundle with a tampered \(tamper) verified")
            } catch {
                #expect(tamper.expected.contains(error.code), "\(tamper): \(error.code) \(error)")
            }
        }
    }

    @Test("rejects every tampered variant of a real bundle", arguments: RealBundle.all)
    func rejectsTamperedRealBundle(_ real: RealBundle) async throws {
        try await rejectsEveryVariant(of: real.bundle(), verifier: real.verifier(), artifact: real.artifact(), policy: real.policy)
    }

    @Test func rejectsEveryTamperedVariantOfAManagedKeyBundle() async throws {
        try await rejectsEveryVariant(
            of: Fixture.bundle("v0.1-public-good-npm-publish-dsse.sigstore.json"), verifier: Fixture.verifier(.publicGood),
            artifact: .digest(sha512: [UInt8](hex: RealBundle.npmPublishSubject)), policy: .publicKey(RealBundle.npmKey()))
    }

    @Test("rejects every tampered variant of a virtual bundle", arguments: [VirtualSigstore.Log.rekorV1, .rekorV2])
    func rejectsTamperedVirtualBundle(_ log: VirtualSigstore.Log) async throws {
        let sigstore = try VirtualSigstoreTests.instance.get()
        for dsse in [false, true] {
            var request = VirtualSigstore.Request()
            request.log = log
            request.dsse = dsse
            request.timestamps = 2
            let signed = try await sigstore.sign(request)
            try await rejectsEveryVariant(of: signed.bundle, verifier: sigstore.verifier(), artifact: .bytes(signed.artifact), policy: signed.policy)
        }
    }

    @Test("rejects an unsupported or mislabelled media type", arguments: [
        "application/vnd.dev.sigstore.bundle.v0.4+json", "application/vnd.dev.sigstore.bundle+json;version=0.4",
        "application/vnd.dev.sigstore.bundle+json;version=0.2", "application/vnd.dev.sigstore.bundle+json;version=0.1",
        "application/json", "",
    ])
    func rejectsMediaType(_ mediaType: String) async throws {
        let real = RealBundle.named("v0.3-staging-rekor-v2.sigstore.json")
        var json = try #require(try JSONSerialization.jsonObject(with: Data(Fixture.bytes("bundles/\(real.file)"))) as? [String: Any])
        json["mediaType"] = mediaType
        let tampered = try JSONSerialization.data(withJSONObject: json)
        let error = await verificationError { _ = try await real.verifier().verify(bundleJSON: tampered, artifact: real.artifact(), policy: real.policy) }
        #expect(error?.code == .invalidBundle)
    }

    @Test func acceptsTheOldSpellingOfVersion3() async throws {
        let real = RealBundle.named("v0.3-staging-rekor-v2.sigstore.json")
        var json = try #require(try JSONSerialization.jsonObject(with: Data(Fixture.bytes("bundles/\(real.file)"))) as? [String: Any])
        json["mediaType"] = MediaType.bundleV03Legacy
        _ = try await real.verifier().verify(bundleJSON: JSONSerialization.data(withJSONObject: json), artifact: real.artifact(), policy: real.policy)
    }

    /// CVE-2022-36056: a valid log entry for another signature, swapped into a valid bundle.
    @Test func rejectsALogEntryFromAnotherBundle() async throws {
        let target = RealBundle.named("v0.3-staging-message.sigstore.json")
        let donor = try RealBundle.named("v0.1-staging-x509chain.sigstore.json").bundle()
        var bundle = try target.bundle()
        bundle.verificationMaterial.tlogEntries = donor.verificationMaterial.tlogEntries
        let error = await verificationError { _ = try await target.verifier().verify(bundle, artifact: target.artifact(), policy: target.policy) }
        #expect(error?.code == .invalidTransparencyLogEntry)
    }

    @Test func rejectsMalformedJSONCleanly() async throws {
        let verifier = try Fixture.verifier(.staging)
        for text in ["", "{", "[]", #"{"mediaType":"application/vnd.dev.sigstore.bundle.v0.3+json"}"#, String(repeating: "[", count: 10_000)] {
            let error = await verificationError { _ = try await verifier.verify(bundleJSON: Array(text.utf8), artifact: nil, policy: .anyIdentity) }
            #expect(error?.code == .invalidBundle, "\(text.prefix(20))")
        }
    }
}
