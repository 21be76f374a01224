import Foundation
import Merkle
import SignedNote
import SigstoreCrypto
import SigstoreModels

/// Verifies a bundle's transparency log entry offline (interop contract §11.6): the log is
/// trusted, the body describes the bundle, the inclusion proof leads to a checkpoint the log
/// signed, the SET (if any) verifies, and the log key was valid at the entry's time.
struct TransparencyLogVerifier: Sendable {
    let logs: [[UInt8]: [TrustedLog]]

    /// - Parameters:
    ///   - body: The entry's body, already read.
    ///   - content: What the bundle signed, already verified.
    ///   - timestampTimes: Verified RFC 3161 times: the entry's time when it has no integrated time.
    func verify(
        _ entry: TransparencyLogEntry, body: LoggedBody, content: SignedContent, timestampTimes: [Date]
    ) throws(VerificationError) -> VerifiedLogEntry {
        guard let candidates = logs[entry.logId.keyId], !candidates.isEmpty else {
            throw Self.failure("no trusted log has ID \(Hex.encode(entry.logId.keyId))")
        }
        if body.isRekorV2 {
            guard entry.inclusionPromise == nil, entry.integratedTime == 0 else {
                throw Self.failure("a Rekor v2 entry carries an integrated time or inclusion promise, which v2 logs never issue")
            }
        }
        let leaf = try body.leafBytes(of: entry, for: content)
        var firstFailure: VerificationError?
        // Several root entries may share an ID (a key listed twice with different periods).
        for log in candidates {
            do throws(VerificationError) {
                return try verify(entry, leaf: leaf, rekorV2: body.isRekorV2, with: log, timestampTimes: timestampTimes)
            } catch {
                firstFailure = firstFailure ?? error
            }
        }
        throw firstFailure ?? Self.failure("no trusted log verified the entry")
    }

    private func verify(
        _ entry: TransparencyLogEntry, leaf: [UInt8], rekorV2: Bool, with log: TrustedLog, timestampTimes: [Date]
    ) throws(VerificationError) -> VerifiedLogEntry {
        let entryTimes = entry.integratedTime > 0 ? [Date(timeIntervalSince1970: TimeInterval(entry.integratedTime))] : timestampTimes
        for time in entryTimes where !log.validFor.covers(time) {
            throw Self.failure("the key of \(log.baseURL) is not valid at the entry's time \(time)")
        }
        var integratedTime: Date?
        if let promise = entry.inclusionPromise {
            guard entry.integratedTime > 0 else { throw Self.failure("the entry has an inclusion promise but no integrated time") }
            try verifySET(promise, of: entry, with: log)
            integratedTime = Date(timeIntervalSince1970: TimeInterval(entry.integratedTime))
        }
        var checkpoint: VerifiedLogEntry.CheckpointSummary?
        if let proof = entry.inclusionProof, let signed = proof.checkpoint {
            checkpoint = try verifyInclusion(proof, checkpoint: signed, of: entry, leaf: leaf, rekorV2: rekorV2, with: log)
        } else if let proof = entry.inclusionProof {
            // Only v0.1 bundles may carry a proof without checkpoint (validation refuses it later):
            // the SET is then what binds the entry to the log, and the proof must still be sound.
            guard integratedTime != nil else {
                throw Self.failure("the inclusion proof has no checkpoint and the entry no inclusion promise")
            }
            try verifyUnsignedInclusion(proof, leaf: leaf)
        } else if integratedTime == nil {
            throw Self.failure("the entry has neither an inclusion proof nor an inclusion promise")
        }
        return VerifiedLogEntry(
            logID: log.logID, baseURL: log.baseURL, logIndex: entry.logIndex, kind: entry.kindVersion.kind,
            version: entry.kindVersion.version, integratedTime: integratedTime, checkpoint: checkpoint)
    }

    /// Interop contract §4.4: the log signs the canonical JSON of body, integrated time, log ID
    /// (hex) and global index.
    private func verifySET(_ promise: TransparencyLogEntry.InclusionPromise, of entry: TransparencyLogEntry, with log: TrustedLog) throws(VerificationError) {
        var payload = JSONObject()
        payload["body"] = .string(ProtoBase64.encode(entry.canonicalizedBody))
        payload["integratedTime"] = .number(JSONNumber(entry.integratedTime))
        payload["logID"] = .string(Hex.encode(entry.logId.keyId))
        payload["logIndex"] = .number(JSONNumber(entry.logIndex))
        let message: [UInt8]
        do {
            message = try CanonicalJSON.serialize(.object(payload))
        } catch {
            throw Self.failure("cannot encode the signed entry timestamp payload: \(error)")
        }
        guard log.publicKey.isValidSignature(promise.signedEntryTimestamp, for: message) else {
            throw Self.failure("the signed entry timestamp does not verify with the key of \(log.baseURL)")
        }
    }

    /// A proof with no checkpoint must still lead from the leaf to the root it names.
    private func verifyUnsignedInclusion(_ proof: TransparencyLogEntry.InclusionProof, leaf: [UInt8]) throws(VerificationError) {
        guard proof.logIndex >= 0, proof.treeSize > proof.logIndex else {
            throw Self.failure("the inclusion proof's tree of size \(proof.treeSize) does not contain leaf \(proof.logIndex)")
        }
        let inclusion = InclusionProof(leafIndex: UInt64(proof.logIndex), treeSize: UInt64(proof.treeSize), hashes: proof.hashes)
        do {
            try inclusion.verify(leafHash: MerkleHash.leaf(leaf), rootHash: proof.rootHash)
        } catch {
            throw Self.failure("the inclusion proof does not verify: \(error)")
        }
    }

    private func verifyInclusion(
        _ proof: TransparencyLogEntry.InclusionProof, checkpoint signed: TransparencyLogEntry.Checkpoint,
        of entry: TransparencyLogEntry, leaf: [UInt8], rekorV2: Bool, with log: TrustedLog
    ) throws(VerificationError) -> VerifiedLogEntry.CheckpointSummary {
        // Rekor v1 proves the shard-local index; v2 has one index, which both fields must give.
        if rekorV2 && proof.logIndex != entry.logIndex {
            throw Self.failure("the inclusion proof is for index \(proof.logIndex), the entry is \(entry.logIndex)")
        }
        // A v1 shard-local index never exceeds the global one (earlier shards only add to it).
        if !rekorV2 && proof.logIndex > entry.logIndex {
            throw Self.failure("the inclusion proof's shard index \(proof.logIndex) exceeds the entry's global index \(entry.logIndex)")
        }
        guard proof.logIndex >= 0, proof.treeSize > proof.logIndex else {
            throw Self.failure("the inclusion proof's tree of size \(proof.treeSize) does not contain leaf \(proof.logIndex)")
        }
        let note: Note
        let checkpoint: Checkpoint
        do {
            note = try Note(parsing: signed.envelope)
            checkpoint = try Checkpoint(note: note)
        } catch {
            throw Self.failure("the checkpoint is malformed: \(error)")
        }
        guard checkpoint.treeSize == UInt64(proof.treeSize), checkpoint.rootHash == proof.rootHash else {
            throw Self.failure("the checkpoint is for tree size \(checkpoint.treeSize), not the proof's tree size \(proof.treeSize) and root")
        }
        try verifyCheckpointSignature(note, checkpoint: checkpoint, rekorV2: rekorV2, with: log)
        let inclusion = InclusionProof(leafIndex: UInt64(proof.logIndex), treeSize: UInt64(proof.treeSize), hashes: proof.hashes)
        do {
            try inclusion.verify(leafHash: MerkleHash.leaf(leaf), rootHash: checkpoint.rootHash)
        } catch {
            throw Self.failure("the inclusion proof does not verify: \(error)")
        }
        return .init(origin: checkpoint.origin, treeSize: checkpoint.treeSize, rootHash: checkpoint.rootHash)
    }

    /// v1: every signature line must be the log key's (sigstore-go). v2: the origin and the
    /// line's key name are the log's hostname; witness lines are ignored.
    private func verifyCheckpointSignature(_ note: Note, checkpoint: Checkpoint, rekorV2: Bool, with log: TrustedLog) throws(VerificationError) {
        let verifier: RekorNoteVerifier
        if rekorV2 {
            guard let v2 = log.v2Checkpoint, checkpoint.origin == log.hostname else {
                throw Self.failure("the checkpoint origin \(String(reflecting: checkpoint.origin)) is not the host of \(log.baseURL)")
            }
            verifier = v2
        } else {
            verifier = log.v1Checkpoint
        }
        // The trusted root's log ID must be the one the key yields, so that the hint of the
        // line we verify is the ID's first four bytes (interop contract §6.2).
        guard verifier.logID.bytes == log.logID else {
            throw Self.failure("the trusted root's log ID for \(log.baseURL) is not the ID of its key")
        }
        do {
            try note.verify(with: [verifier], policy: rekorV2 ? .anyKnownKey : .everyLineByKnownKey)
        } catch {
            throw Self.failure("the checkpoint signature does not verify with the key of \(log.baseURL): \(error)")
        }
    }

    private static func failure(_ problem: String) -> VerificationError {
        VerificationError(.invalidTransparencyLogEntry, problem)
    }
}
