import Foundation
import SigstoreCrypto
import SigstoreVerify
import Testing

@Suite struct ArtifactTests {
    @Test(arguments: [
        ("sha256:15f67246115921bb7c1de0e7e9e9275c8016dc254a0c009888944b7ed3644aaa", true),
        ("SHA256:15F67246115921BB7C1DE0E7E9E9275C8016DC254A0C009888944B7ED3644AAA", true),
        ("sha512:" + String(repeating: "ab", count: 64), true),
        ("sha256:15f6", false),
        ("sha1:da39a3ee5e6b4b0d3255bfef95601890afd80709", false),
        ("15f67246115921bb7c1de0e7e9e9275c8016dc254a0c009888944b7ed3644aaa", false),
        ("sha256:zz" + String(repeating: "0", count: 62), false),
    ])
    func parsesDigestReferences(_ text: String, valid: Bool) {
        #expect((Artifact(digestReference: text) != nil) == valid)
    }

    /// A file, its bytes and its digest are the same artifact to a verifier.
    @Test func fileBytesAndDigestVerifyAlike() async throws {
        let real = RealBundle.named("v0.3-staging-rekor-v2.sigstore.json")
        let bytes = try Fixture.bytes("artifacts/staging-rekor-v2.txt")
        let reference = try #require(Artifact(digestReference: "sha256:15f67246115921bb7c1de0e7e9e9275c8016dc254a0c009888944b7ed3644aaa"))
        #expect(reference == .digest(sha256: HashAlgorithm.sha256.hash(bytes)))
        for artifact in [Artifact.file(try Fixture.url("artifacts/staging-rekor-v2.txt")), .bytes(bytes), reference] {
            let result = try await real.verifier().verify(real.bundle(), artifact: artifact, policy: real.policy)
            #expect(result.artifactVerified)
        }
    }

    /// Files larger than one read chunk hash the same as their bytes.
    @Test func hashesLargeFilesInChunks() async throws {
        let sigstore = try VirtualSigstoreTests.instance.get()
        var request = VirtualSigstore.Request()
        request.artifact = (0..<(3 << 20) + 17).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        let signed = try await sigstore.sign(request)
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("signet-artifact-\(UUID().uuidString)")
        try Data(signed.artifact).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        _ = try await sigstore.verifier().verify(signed.bundle, artifact: .file(url), policy: signed.policy)
    }
}
