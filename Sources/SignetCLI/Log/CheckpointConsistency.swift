import SigstoreCrypto
import Merkle
import ServiceClients
import SigstoreModels
import SigstoreVerify

/// The monitor's check (interop contract §4.1, RFC 6962 §2.1.2): the log's current checkpoint
/// extends an earlier one, so the log neither shrank nor forked since.
enum CheckpointConsistency {
    /// Fetches a consistency proof from `previous` to `current` and verifies it; equal sizes
    /// need equal roots.
    ///
    /// - Throws: ``VerificationError/Code/invalidTransparencyLogEntry`` saying how the log
    ///   broke its history, or a ``ServiceClientError`` when the proof cannot be fetched.
    static func check(
        from previous: VerifiedCheckpoint, to current: VerifiedCheckpoint, treeID: String, client: RekorV1ReadClient
    ) async throws {
        guard previous.key.logID == current.key.logID, previous.origin == current.origin else {
            throw VerificationError.transparencyLog(
                "the previous checkpoint is for \(String(reflecting: previous.origin)), not this log's \(String(reflecting: current.origin))")
        }
        guard previous.treeSize <= current.treeSize else {
            throw VerificationError.transparencyLog(
                "the log shrank: the previous checkpoint has \(previous.treeSize) entries, the log now has \(current.treeSize)")
        }
        guard previous.treeSize < current.treeSize else {
            guard previous.rootHash == current.rootHash else {
                throw VerificationError.transparencyLog(
                    "the log forked: tree size \(current.treeSize) had root \(Hex.encode(previous.rootHash)), now \(Hex.encode(current.rootHash))")
            }
            return
        }
        // Every tree extends the empty tree, whose proof is empty (RFC 9162 §2.1.4): nothing to fetch.
        var hashes: [[UInt8]] = []
        if previous.treeSize > 0 {
            let proof = try await client.consistencyProof(
                firstSize: Int64(previous.treeSize), lastSize: Int64(current.treeSize), treeID: treeID)
            guard proof.rootHash == current.rootHash else {
                throw VerificationError.transparencyLog("the consistency proof ends at root \(Hex.encode(proof.rootHash)), not the checkpoint's")
            }
            hashes = proof.hashes
        }
        do {
            try ConsistencyProof(oldSize: previous.treeSize, newSize: current.treeSize, hashes: hashes)
                .verify(oldRoot: previous.rootHash, newRoot: current.rootHash)
        } catch {
            throw VerificationError.transparencyLog(
                "the log forked: it is not consistent with the previous checkpoint (tree size \(previous.treeSize)): \(error)")
        }
    }
}
