import Foundation
import SigstoreModels
import SigstoreVerify
import Testing

/// Random single-bit flips anywhere in real bundle documents: the verifier must never trap,
/// and a document that still verifies may differ from the original only in unsigned bytes.
@Suite struct BundleVerifierFuzzTests {
    /// SplitMix64, so a failure names a reproducible seed.
    struct Generator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    @Test("survives bit flips", arguments: [
        "v0.3-staging-rekor-v2.sigstore.json", "v0.3-public-good-dsse-hashedrekord.sigstore.json", "v0.1-staging-x509chain.sigstore.json",
    ])
    func survivesBitFlips(_ file: String) async throws {
        let real = RealBundle.named(file)
        let original = try Fixture.bytes("bundles/\(file)")
        let reference = try real.bundle()
        let verifier = try real.verifier()
        let artifact = try real.artifact()
        var generator = Generator(state: 0x5167_6E65_7400 &+ UInt64(original.count))
        var rejected = 0
        let rounds = 120
        for _ in 0..<rounds {
            var mutated = original
            let position = Int.random(in: 0..<mutated.count, using: &generator)
            mutated[position] ^= UInt8(1) << UInt8.random(in: 0..<8, using: &generator)
            do {
                _ = try await verifier.verify(bundleJSON: mutated, artifact: artifact, policy: real.policy)
                // Accepted: every signed or logged field must be what it was.
                let bundle = try ProtoJSON.decode(SigstoreBundle.self, from: mutated)
                #expect(bundle.content == reference.content, "byte \(position)")
                #expect(bundle.verificationMaterial.content == reference.verificationMaterial.content, "byte \(position)")
                #expect(bundle.verificationMaterial.tlogEntries == reference.verificationMaterial.tlogEntries, "byte \(position)")
            } catch {
                rejected += 1
            }
        }
        // Nearly every byte of a bundle is signed, logged or structural.
        #expect(rejected > rounds * 3 / 4)
    }
}
