import Foundation
public import LogEngine
import Merkle
import SignedNote
public import SigstoreCrypto
import SigstoreModels

/// The Rekor v1 REST API over one log (a single shard): HTTP-agnostic, it takes request bodies
/// and parameters and answers response bodies (interop contract §4).
///
/// The log key signs checkpoints (through ``CheckpointSigner``) and signed entry timestamps.
public struct RekorV1Log: Sendable {
    /// A created entry, or the one a duplicate found.
    public struct CreatedEntry: Sendable, Hashable {
        /// The 64-hex UUID (leaf hash): the `ETag` and the `Location` path's last element.
        public var uuid: String
        /// The `{"<entryID>": LogEntry}` response body.
        public var body: [UInt8]
    }

    public let sequencer: Sequencer
    public let reader: LogReader
    /// The shard's tree ID: the checkpoint origin's suffix and the entry ID's prefix.
    public let treeID: Int64
    private let signer: CheckpointSigner
    private let key: any KeySigner

    /// - Parameters:
    ///   - sequencer: the log's only writer, signing checkpoints with `signer`.
    ///   - reader: reads the same storage.
    ///   - treeID: the tree ID in `signer`'s origin.
    ///   - key: the log key (the one `signer` uses), which also signs entry timestamps.
    public init(sequencer: Sequencer, reader: LogReader, signer: CheckpointSigner, treeID: Int64, key: any KeySigner) {
        self.sequencer = sequencer
        self.reader = reader
        self.signer = signer
        self.treeID = treeID
        self.key = key
    }

    /// Hex SHA-256 of the log key's DER SPKI: the v1 `logID`.
    public var logID: String { Hex.encode(signer.logID.bytes) }

    /// The same log ID as bytes (a trusted root's `tlogs[].logId.keyId`).
    public var logIDBytes: [UInt8] { signer.logID.bytes }

    /// The log's public key (for a trusted root's `tlogs[].publicKey`).
    public var publicKey: PublicKey { signer.publicKey }

    /// The checkpoint origin, `<hostname> - <treeID>`.
    public var origin: String { signer.origin }

    /// The log key as canonical PEM (`GET /api/v1/log/publicKey`).
    public var publicKeyPEM: String { signer.publicKey.pemRepresentation }

    /// `POST /api/v1/log/entries`: validates, logs once durable, answers the `LogEntry` map.
    ///
    /// - Throws: ``RekorError`` with ``RekorError/Code/duplicate`` (and the existing entry's
    ///   index and UUID) when the log already holds the entry.
    public func createEntry(jsonRequest body: [UInt8]) async throws -> CreatedEntry {
        let validated = try Self.validate(jsonRequest: body)
        let result = try await RekorV1Log.submit(validated.submission, to: sequencer)
        let uuid = Hex.encode(result.entry.leafHash)
        if result.isDuplicate {
            throw RekorError(.duplicate, "an equivalent entry already exists in the transparency log with UUID \(uuid)", existingIndex: result.entry.index, existingUUID: uuid)
        }
        let proof = try await reader.inclusionProof(for: result)
        return CreatedEntry(uuid: uuid, body: try await response(for: result.entry, treeHead: result.treeHead, proof: proof))
    }

    /// Parses and validates a proposed entry. Kept synchronous and out of `createEntry`: Swift 6.3's
    /// optimizer crashes (coroutine splitting) when these typed-throwing calls sit in the async body.
    @inline(never)
    private static func validate(jsonRequest body: [UInt8]) throws -> ValidatedEntry {
        let proposed: ProposedEntry
        do {
            proposed = try ProposedEntry(decoding: body)
        } catch {
            throw RekorError(.invalidEntry, "\(error)")
        }
        return try ValidatedEntry(proposed: proposed)
    }

    /// `GET /api/v1/log/entries?logIndex=N`.
    public func entry(atLogIndex index: Int64) async throws -> [UInt8] {
        guard index >= 0, let entry = try await reader.entry(at: UInt64(index)) else {
            throw RekorError(.notFound, "no entry at log index \(index)")
        }
        return try await response(for: entry, treeHead: nil)
    }

    /// `GET /api/v1/log/entries/{uuid or entryID}`.
    public func entry(withIdentifier text: String) async throws -> [UInt8] {
        let identifier = try EntryIdentifier(parsing: text)
        guard identifier.treeID == nil || identifier.treeID == treeID,
            let entry = try await reader.entry(withLeafHash: identifier.leafHash)
        else {
            throw RekorError(.notFound, "no entry with UUID \(identifier.uuid) in tree \(treeID)")
        }
        return try await response(for: entry, treeHead: nil)
    }

    /// `GET /api/v1/log`.
    public func logInfo() async throws -> [UInt8] {
        let head = try await reader.latestTreeHead()
        return try encode(RekorV1.LogInfo(rootHash: head.rootHash, treeSize: Int64(head.size), signedTreeHead: head.checkpoint, treeID: String(treeID)))
    }

    /// `GET /api/v1/log/proof?firstSize=&lastSize=`; `lastSize` defaults to the current size.
    public func consistencyProof(firstSize: Int64, lastSize: Int64?) async throws -> [UInt8] {
        let current = try await reader.latestTreeHead().size
        let last = lastSize.map { UInt64(max($0, 0)) } ?? current
        guard firstSize >= 1, lastSize.map({ $0 >= 1 }) ?? true, UInt64(firstSize) <= last else {
            throw RekorError(.invalidQuery, "firstSize (\(firstSize)) must be at least 1 and not above lastSize (\(lastSize.map(String.init) ?? "current"))")
        }
        guard last <= current else {
            throw RekorError(.invalidQuery, "lastSize \(last) exceeds the tree size \(current)")
        }
        let proof = try await reader.consistencyProof(from: UInt64(firstSize), to: last)
        let root = try await reader.rootHash(treeSize: last)
        return try encode(RekorV1.ConsistencyProof(rootHash: root, hashes: proof.hashes))
    }

    /// The `{"<entryID>": LogEntry}` map of `entry`, proved against `treeHead` (or the latest);
    /// `proof`, when given, is the entry's proof against `treeHead`.
    func logEntry(for entry: LoggedEntry, treeHead: TreeHead?, proof known: InclusionProof? = nil) async throws -> RekorV1.LogEntryResponse {
        let head: TreeHead
        if let treeHead {
            head = treeHead
        } else {
            head = try await reader.latestTreeHead()
        }
        let proof: InclusionProof
        if let known {
            proof = known
        } else {
            proof = try await reader.inclusionProof(leafIndex: entry.index, treeSize: head.size)
        }
        var logEntry = RekorV1.LogEntry(
            body: ProtoBase64.encode(entry.body), integratedTime: entry.integratedTime, logID: logID,
            logIndex: Int64(entry.index), verification: nil
        )
        let payload = try logEntry.signedEntryTimestampPayload()
        let timestamp = try await key.signature(for: payload)
        logEntry.verification = RekorV1.LogEntry.Verification(
            inclusionProof: RekorV1.InclusionProof(
                logIndex: Int64(entry.index), rootHash: head.rootHash, treeSize: Int64(head.size),
                hashes: proof.hashes, checkpoint: head.checkpoint
            ),
            signedEntryTimestamp: ProtoBase64.encode(timestamp)
        )
        let uuid = EntryIdentifier(leafHash: entry.leafHash)
        return RekorV1.LogEntryResponse(uuid: uuid.entryID(treeID: treeID), entry: logEntry)
    }

    @inline(never)
    private func response(for entry: LoggedEntry, treeHead: TreeHead?, proof: InclusionProof? = nil) async throws -> [UInt8] {
        try await logEntry(for: entry, treeHead: treeHead, proof: proof).encoded()
    }

    func encode(_ value: some Encodable) throws -> [UInt8] {
        try CanonicalJSON.encode(value)
    }

    /// Submits, turning the engine's refusals into the API's errors.
    @inline(never)
    static func submit(_ submission: EntrySubmission, to sequencer: Sequencer) async throws -> AppendResult {
        do {
            return try await sequencer.submit(submission)
        } catch let error as LogEngineError {
            switch error.code {
            case .invalidEntry, .invalidSearchKey: throw RekorError(.invalidEntry, error.message)
            case .overloaded, .stopped: throw RekorError(.overloaded, error.message)
            default: throw RekorError(.internalFailure, error.message)
            }
        }
    }
}
