import Foundation
import Merkle
import SigstoreCrypto
import SigstoreModels
import SigstoreVerify

/// An entry read through a log's v1 API, before and after verification.
struct FetchedLogEntry: Sendable {
    /// The response's key: the 64-hex UUID or 80-hex entry ID (tree ID ‖ UUID).
    let entryID: String
    let entry: RekorV1.LogEntry
    /// The decoded canonical body.
    let body: [UInt8]

    init(_ response: RekorV1.LogEntryResponse) throws(VerificationError) {
        guard let body = response.entry.bodyBytes, !body.isEmpty else {
            throw VerificationError.transparencyLog("the entry's body is not base64")
        }
        self.entryID = response.uuid.lowercased()
        self.entry = response.entry
        self.body = body
    }

    /// The 64-hex UUID: the RFC 6962 leaf hash of the body, as the log names it.
    var uuid: String { String(entryID.suffix(64)) }

    /// Verifies the entry offline against the trusted log keys: the UUID is the body's leaf
    /// hash, the log ID is trusted and its key was valid at the integrated time, the SET
    /// verifies, and the inclusion proof leads to a checkpoint that key signed.
    ///
    /// - Returns: The checkpoint the inclusion proof was verified against.
    /// - Throws: ``VerificationError/Code/invalidTransparencyLogEntry`` naming the first check that failed.
    func verify(trusting keys: TrustedLogKeys) throws(VerificationError) -> VerifiedCheckpoint {
        let leafHash = MerkleHash.leaf(body)
        guard uuid == Hex.encode(leafHash) else {
            throw VerificationError.transparencyLog("the entry's UUID \(uuid) is not the leaf hash of its body")
        }
        guard let logID = Self.bytes(hex: entry.logID) else {
            throw VerificationError.transparencyLog("the entry's log ID is not hex")
        }
        let candidates = keys.keys(logID: logID)
        guard !candidates.isEmpty else {
            throw VerificationError.transparencyLog("no trusted log has ID \(entry.logID.lowercased())")
        }
        var firstFailure: VerificationError?
        for key in candidates {
            do throws(VerificationError) {
                return try verify(leafHash: leafHash, with: key, trusting: keys)
            } catch {
                firstFailure = firstFailure ?? error
            }
        }
        throw firstFailure ?? VerificationError.transparencyLog("no trusted log verified the entry")
    }

    private func verify(leafHash: [UInt8], with key: TrustedLogKeys.Key, trusting keys: TrustedLogKeys) throws(VerificationError) -> VerifiedCheckpoint {
        let integrated = Date(timeIntervalSince1970: TimeInterval(entry.integratedTime))
        if let validFor = key.validFor, !validFor.contains(integrated) {
            throw VerificationError.transparencyLog("the key of \(key.baseURL) was not valid at the entry's integrated time \(Timestamp.format(integrated))")
        }
        try verifySignedEntryTimestamp(with: key)
        guard let proof = entry.verification?.inclusionProof else {
            throw VerificationError.transparencyLog("the entry has no inclusion proof")
        }
        // The proof's index is shard-local; earlier shards only add to the global index.
        guard proof.logIndex <= entry.logIndex else {
            throw VerificationError.transparencyLog("the inclusion proof's index \(proof.logIndex) exceeds the entry's index \(entry.logIndex)")
        }
        let checkpoint = try VerifiedCheckpoint(proof.checkpoint, trusting: keys, candidates: [key])
        guard checkpoint.treeSize == UInt64(proof.treeSize), checkpoint.rootHash == proof.rootHash else {
            throw VerificationError.transparencyLog(
                "the checkpoint is for tree size \(checkpoint.treeSize), not the inclusion proof's tree size \(proof.treeSize) and root")
        }
        let inclusion = InclusionProof(leafIndex: UInt64(proof.logIndex), treeSize: UInt64(proof.treeSize), hashes: proof.hashes)
        do {
            try inclusion.verify(leafHash: leafHash, rootHash: checkpoint.rootHash)
        } catch {
            throw VerificationError.transparencyLog("the inclusion proof does not verify: \(error)")
        }
        return checkpoint
    }

    /// The SET signs the canonical JSON of body, integrated time, log ID and global index (§4.4).
    private func verifySignedEntryTimestamp(with key: TrustedLogKeys.Key) throws(VerificationError) {
        guard let text = entry.verification?.signedEntryTimestamp else {
            throw VerificationError.transparencyLog("the entry has no signed entry timestamp")
        }
        guard let signature = ProtoBase64.decode(text), !signature.isEmpty else {
            throw VerificationError.transparencyLog("the signed entry timestamp is not base64")
        }
        let payload: [UInt8]
        do {
            payload = try entry.signedEntryTimestampPayload()
        } catch {
            throw VerificationError.transparencyLog("cannot encode the signed entry timestamp payload: \(error)")
        }
        guard key.publicKey.isValidSignature(signature, for: payload) else {
            throw VerificationError.transparencyLog("the signed entry timestamp does not verify with the key of \(key.baseURL)")
        }
    }

    private static func bytes(hex: String) -> [UInt8]? {
        let digits = Array(hex.lowercased().utf8)
        let isHexDigit = { (byte: UInt8) in
            (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(byte)
        }
        guard digits.count % 2 == 0, digits.allSatisfy(isHexDigit) else { return nil }
        var bytes: [UInt8] = []
        var index = 0
        while index < digits.count {
            guard let byte = UInt8(String(decoding: digits[index...index + 1], as: UTF8.self), radix: 16) else { return nil }
            bytes.append(byte)
            index += 2
        }
        return bytes
    }
}
