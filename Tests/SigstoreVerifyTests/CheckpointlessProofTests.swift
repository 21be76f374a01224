import Foundation
import SigstoreModels
import SigstoreVerify
import Testing

/// Early v0.1 bundles carry an inclusion proof without a checkpoint; their inclusion promise (SET)
/// is what ties the entry to the log (interop contract §15: accept with a valid SET, and verify a
/// proof when present). From v0.2 on the checkpoint is required.
@Suite struct CheckpointlessProofTests {
    static let v01 = RealBundle.all.first { $0.version == .v0_1 }!
    static let v02 = RealBundle.all.first { $0.version == .v0_2 }!

    static func withoutCheckpoint(_ bundle: SigstoreBundle) throws -> SigstoreBundle {
        var bundle = bundle
        try #require(bundle.verificationMaterial.tlogEntries.first?.inclusionProof?.checkpoint != nil)
        bundle.verificationMaterial.tlogEntries[0].inclusionProof?.checkpoint = nil
        return bundle
    }

    @Test func aV01ProofWithoutCheckpointVerifiesOnItsSET() async throws {
        let real = Self.v01
        let bundle = try Self.withoutCheckpoint(try real.bundle())
        // The model reads and writes such a bundle faithfully.
        let reread = try ProtoJSON.decode(SigstoreBundle.self, from: try ProtoJSON.encode(bundle))
        #expect(reread.verificationMaterial.tlogEntries[0].inclusionProof?.checkpoint == nil)

        let result = try await real.verifier().verify(reread, artifact: try real.artifact(), policy: real.policy)
        #expect(result.verifiedTimes.count == real.trustedTimes)
    }

    @Test func aV01ProofWithoutCheckpointMustStillBeSound() async throws {
        let real = Self.v01
        var bundle = try Self.withoutCheckpoint(try real.bundle())
        let proof = try #require(bundle.verificationMaterial.tlogEntries[0].inclusionProof)
        try #require(!proof.hashes.isEmpty)
        var hash = proof.hashes[0]
        hash[0] ^= 1
        bundle.verificationMaterial.tlogEntries[0].inclusionProof?.hashes[0] = hash
        let error = await #expect(throws: VerificationError.self) {
            _ = try await real.verifier().verify(bundle, artifact: try real.artifact(), policy: real.policy)
        }
        #expect(error?.code == .invalidTransparencyLogEntry)
    }

    @Test func aV01ProofWithoutCheckpointOrSETIsRefused() async throws {
        let real = Self.v01
        var bundle = try Self.withoutCheckpoint(try real.bundle())
        bundle.verificationMaterial.tlogEntries[0].inclusionPromise = nil
        await #expect(throws: VerificationError.self) {
            _ = try await real.verifier().verify(bundle, artifact: try real.artifact(), policy: real.policy)
        }
    }

    @Test func aV02ProofWithoutCheckpointIsRefused() async throws {
        let real = Self.v02
        let bundle = try Self.withoutCheckpoint(try real.bundle())
        let error = await #expect(throws: VerificationError.self) {
            _ = try await real.verifier().verify(bundle, artifact: try real.artifact(), policy: real.policy)
        }
        #expect(error?.code == .invalidBundle)
        #expect(error?.message.contains("checkpoint") == true)
    }
}
