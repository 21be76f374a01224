import Crypto
import Foundation

extension TransparencyLogEntry {
    /// The `verification.inclusionProof` of a Rekor v1 `LogEntry` response, as the response
    /// writes it: hex hashes and JSON-number indexes.
    public struct RekorV1InclusionProof: Sendable, Hashable {
        /// The shard-local leaf index.
        public var logIndex: Int64
        /// Lowercase hex.
        public var rootHash: String
        public var treeSize: Int64
        /// Lowercase hex, leaf side first.
        public var hashes: [String]
        /// The signed checkpoint note.
        public var checkpoint: String

        public init(logIndex: Int64, rootHash: String, treeSize: Int64, hashes: [String], checkpoint: String) {
            self.logIndex = logIndex
            self.rootHash = rootHash
            self.treeSize = treeSize
            self.hashes = hashes
            self.checkpoint = checkpoint
        }
    }

    /// Converts the members of a Rekor v1 `LogEntry` response (interop-contract §4.3) into a
    /// bundle entry, as §4.5 describes: hex IDs and hashes become bytes, the body stays the
    /// body, and `kindVersion` is read from the body's `kind` and `apiVersion`.
    ///
    /// - Parameters:
    ///   - body: The response's `body`, base64 of the canonical entry JSON.
    ///   - logID: The response's `logID`, 64 hex digits.
    ///   - logIndex: The global index across shards.
    ///   - signedEntryTimestamp: `verification.signedEntryTimestamp`, base64, if present.
    ///   - entryUUID: The response's key (64-hex UUID or 80-hex entry ID); when given, it
    ///     must be the RFC 6962 leaf hash of the body.
    /// - Throws: `.invalidValue` naming the response member that is malformed.
    public init(
        rekorV1Body body: String, integratedTime: Int64, logID: String, logIndex: Int64,
        inclusionProof: RekorV1InclusionProof?, signedEntryTimestamp: String?, entryUUID: String? = nil
    ) throws(ModelError) {
        guard let bodyBytes = ProtoBase64.decode(body), !bodyBytes.isEmpty else {
            throw ModelError(.invalidValue, field: "body", "not base64")
        }
        guard let logIDBytes = RekorFieldCoding.bytes(fromHex: logID, allowUppercase: true), logIDBytes.count == 32 else {
            throw ModelError(.invalidValue, field: "logID", "not 64 hex digits")
        }
        if let entryUUID {
            let leafHash = Array(SHA256.hash(data: [0] + bodyBytes))
            guard entryUUID.count == 64 || entryUUID.count == 80,
                  RekorFieldCoding.bytes(fromHex: String(entryUUID.suffix(64)), allowUppercase: true) == leafHash
            else {
                throw ModelError(.invalidValue, field: "uuid", "entry UUID is not the leaf hash of the body")
            }
        }
        var promise: InclusionPromise?
        if let signedEntryTimestamp {
            guard let set = ProtoBase64.decode(signedEntryTimestamp), !set.isEmpty else {
                throw ModelError(.invalidValue, field: "verification.signedEntryTimestamp", "not base64")
            }
            promise = InclusionPromise(signedEntryTimestamp: set)
        }
        self.init(
            logIndex: logIndex,
            logId: LogId(keyId: logIDBytes),
            kindVersion: try Self.kindVersion(ofBody: bodyBytes),
            integratedTime: integratedTime,
            inclusionPromise: promise,
            inclusionProof: try inclusionProof.map { proof throws(ModelError) in try Self.convert(proof) },
            canonicalizedBody: bodyBytes
        )
    }

    private static func convert(_ proof: RekorV1InclusionProof) throws(ModelError) -> InclusionProof {
        let prefix = "verification.inclusionProof."
        guard let rootHash = RekorFieldCoding.bytes(fromHex: proof.rootHash, allowUppercase: true) else {
            throw ModelError(.invalidValue, field: prefix + "rootHash", "not hex")
        }
        var hashes: [[UInt8]] = []
        for (index, text) in proof.hashes.enumerated() {
            guard let hash = RekorFieldCoding.bytes(fromHex: text, allowUppercase: true) else {
                throw ModelError(.invalidValue, field: prefix + "hashes[\(index)]", "not hex")
            }
            hashes.append(hash)
        }
        guard !proof.checkpoint.isEmpty else {
            throw ModelError(.missingField, field: prefix + "checkpoint", "a v1 proof must carry its checkpoint")
        }
        return InclusionProof(
            logIndex: proof.logIndex, rootHash: rootHash, treeSize: proof.treeSize, hashes: hashes,
            checkpoint: Checkpoint(envelope: proof.checkpoint)
        )
    }

    private struct BodyKind: Decodable {
        var kind: String
        var apiVersion: String
    }

    private static func kindVersion(ofBody body: [UInt8]) throws(ModelError) -> KindVersion {
        guard let probe = try? JSONDecoder().decode(BodyKind.self, from: Data(body)),
              !probe.kind.isEmpty, !probe.apiVersion.isEmpty
        else {
            throw ModelError(.invalidValue, field: "body", "entry body has no kind and apiVersion")
        }
        return KindVersion(kind: probe.kind, version: probe.apiVersion)
    }
}
