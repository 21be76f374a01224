import Crypto
import Foundation
import SigstoreModels
import SigstoreVerify
import SigstoreCrypto
import Testing

@testable import SignetCLI

/// The entry checks of `signet log get/verify` on real entries of Sigstore's public-good logs:
/// each fixture bundle's Rekor v1 entry, turned back into the v1 API answer it came from
/// (interop contract §4.5 in reverse), verified against the embedded trusted roots offline.
@Suite("signet log: real public-good entries")
struct LogCommandRealEntryTests {
    static let cases: [(bundle: String, root: SigstoreInstance)] = [
        ("v0.2-public-good-github.sigstore.json", .publicGood),
        // A sharded log: the proof's index is shard-local, the entry's index global.
        ("v0.2-public-good-npm-provenance-intoto.sigstore.json", .publicGood),
        ("v0.3-public-good-dsse-hashedrekord.sigstore.json", .publicGood),
        ("v0.3-staging-message.sigstore.json", .staging),
        ("v0.3-staging-model-signing-dsse.sigstore.json", .staging),
    ]

    @Test("the entry verifies against the trusted root it was logged under", arguments: cases)
    func verifiesRealEntries(bundle: String, root: SigstoreInstance) throws {
        let logged = try Self.loggedEntry(bundle)
        let keys = try TrustedLogKeys(root.trustedRoot())
        let checkpoint = try FetchedLogEntry(Self.response(for: logged)).verify(trusting: keys)
        let proof = try #require(logged.inclusionProof)
        #expect(checkpoint.treeSize == UInt64(proof.treeSize))
        #expect(checkpoint.key.logID == logged.logId.keyId)
        #expect(checkpoint.origin.hasPrefix(root == .publicGood ? "rekor.sigstore.dev - " : "rekor.sigstage.dev - "))
    }

    @Test("the other instance's trusted root does not know the log", arguments: cases)
    func refusesTheOtherInstance(bundle: String, root: SigstoreInstance) throws {
        let other: SigstoreInstance = root == .publicGood ? .staging : .publicGood
        let fetched = try FetchedLogEntry(Self.response(for: try Self.loggedEntry(bundle)))
        let error = #expect(throws: VerificationError.self) { try fetched.verify(trusting: TrustedLogKeys(other.trustedRoot())) }
        #expect(error?.message.hasPrefix("no trusted log has ID") == true)
    }

    @Test("a changed SET, proof hash, checkpoint signature or body fails", arguments: ["set", "proof", "checkpoint", "body"])
    func refusesTamperedEntries(part: String) throws {
        let logged = try Self.loggedEntry("v0.2-public-good-github.sigstore.json")
        var response = try Self.response(for: logged)
        var proof = try #require(response.entry.verification?.inclusionProof)
        var set = try #require(response.entry.verification?.signedEntryTimestamp.flatMap { Data(base64Encoded: $0) })
        let expected: String
        switch part {
        case "set":
            set[set.count - 3] ^= 0x01
            expected = "the signed entry timestamp does not verify"
        case "proof":
            proof.hashes[0][0] ^= 0x01
            expected = "the inclusion proof does not verify"
        case "checkpoint":
            // Flip a character inside the signature line's base64.
            var characters = Array(proof.checkpoint)
            let index = characters.count - 6
            characters[index] = characters[index] == "A" ? "B" : "A"
            proof.checkpoint = String(characters)
            expected = "the checkpoint"
        default:
            var body = try #require(response.entry.bodyBytes)
            body[body.count - 3] ^= 0x01
            response.entry.body = Data(body).base64EncodedString()
            expected = "is not the leaf hash of its body"
        }
        response.entry.verification = .init(inclusionProof: proof, signedEntryTimestamp: set.base64EncodedString())
        let keys = try TrustedLogKeys(SigstoreInstance.publicGood.trustedRoot())
        let error = #expect(throws: VerificationError.self) { try FetchedLogEntry(response).verify(trusting: keys) }
        #expect(error?.message.contains(expected) == true, "\(String(describing: error))")
    }

    private static func loggedEntry(_ bundle: String) throws -> TransparencyLogEntry {
        let decoded = try ProtoJSON.decode(SigstoreBundle.self, from: Fixture.bytes("bundles/" + bundle))
        return try #require(decoded.verificationMaterial.tlogEntries.first)
    }

    /// The v1 API answer a bundle entry was made from.
    private static func response(for logged: TransparencyLogEntry) throws -> RekorV1.LogEntryResponse {
        let proof = try #require(logged.inclusionProof)
        let set = try #require(logged.inclusionPromise?.signedEntryTimestamp)
        let entry = RekorV1.LogEntry(
            body: Data(logged.canonicalizedBody).base64EncodedString(), integratedTime: logged.integratedTime,
            logID: Hex.encode(logged.logId.keyId), logIndex: logged.logIndex,
            verification: .init(
                inclusionProof: RekorV1.InclusionProof(
                    logIndex: proof.logIndex, rootHash: proof.rootHash, treeSize: proof.treeSize, hashes: proof.hashes,
                    checkpoint: try #require(proof.checkpoint?.envelope)),
                signedEntryTimestamp: Data(set).base64EncodedString()))
        let uuid = Hex.encode(SHA256.hash(data: [0] + logged.canonicalizedBody))
        return RekorV1.LogEntryResponse(uuid: uuid, entry: entry)
    }
}
