public import LogEngine
import Merkle
import SignedNote
public import SigstoreCrypto
import SigstoreModels

/// The Rekor v2 (rekor-tiles) API over one log: `POST /api/v2/log/entries` and the C2SP
/// tlog-tiles read paths (interop contract §5), HTTP-agnostic.
public struct RekorV2Log: Sendable {
    /// A served tile or checkpoint: its bytes and whether it can never change.
    public struct Resource: Sendable, Hashable {
        public var body: [UInt8]
        /// Full tiles and bundles are immutable; partial ones and the checkpoint are not.
        public var isImmutable: Bool
    }

    public let sequencer: Sequencer
    public let reader: LogReader
    private let signer: CheckpointSigner

    /// - Parameters:
    ///   - sequencer: the log's only writer, signing checkpoints with `signer` (a ``CheckpointSigner/rekorV2(hostname:key:)``).
    ///   - reader: reads the same storage.
    public init(sequencer: Sequencer, reader: LogReader, signer: CheckpointSigner) {
        self.sequencer = sequencer
        self.reader = reader
        self.signer = signer
    }

    /// The 32-byte v2 log ID (`logId.keyId`, the trusted root's `logId`).
    public var logID: [UInt8] { signer.logID.bytes }

    /// The log's public key (for a trusted root's `tlogs[].publicKey`).
    public var publicKey: PublicKey { signer.publicKey }

    /// The checkpoint origin and key name: the log's hostname.
    public var origin: String { signer.origin }

    /// `POST /api/v2/log/entries`: validates, waits until a checkpoint covers the entry and
    /// answers the protobuf-JSON `TransparencyLogEntry` (no inclusion promise, no integrated time).
    ///
    /// - Throws: ``RekorError``; ``RekorError/Code/duplicate`` carries the existing index.
    public func createEntry(jsonRequest body: [UInt8]) async throws -> [UInt8] {
        let request: RekorV2.CreateEntryRequest
        do {
            request = try RekorV2.CreateEntryRequest(decoding: body)
        } catch {
            throw RekorError(.invalidEntry, "\(error)")
        }
        let validated = try ValidatedEntry(v2Request: request)
        let result = try await RekorV1Log.submit(validated.submission, to: sequencer)
        if result.isDuplicate {
            throw RekorError(.duplicate, "an equivalent entry already exists in the transparency log at index \(result.entry.index)",
                             existingIndex: result.entry.index, existingUUID: Hex.encode(result.entry.leafHash))
        }
        let proof = try await reader.inclusionProof(for: result)
        let entry = TransparencyLogEntry(
            logIndex: Int64(result.entry.index),
            logId: LogId(keyId: logID),
            kindVersion: .init(kind: validated.entry.kind, version: validated.entry.apiVersion),
            inclusionProof: .init(
                logIndex: Int64(result.entry.index), rootHash: result.treeHead.rootHash, treeSize: Int64(result.treeHead.size),
                hashes: proof.hashes, checkpoint: .init(envelope: result.treeHead.checkpoint)
            ),
            canonicalizedBody: result.entry.body
        )
        return try ProtoJSON.encode(entry)
    }

    /// `GET /checkpoint`: the latest signed checkpoint.
    public func checkpoint() async throws -> Resource {
        Resource(body: Array(try await reader.latestTreeHead().checkpoint.utf8), isImmutable: false)
    }

    /// `GET /tile/<L>/<N>[.p/<W>]` or `GET /tile/entries/<N>[.p/<W>]`, given the path without
    /// its leading slash.
    ///
    /// - Throws: ``RekorError/Code/notFound`` for malformed paths and tiles the tree lacks.
    public func tile(path: String) async throws -> Resource {
        let size = try await reader.latestTreeHead().size
        if path.hasPrefix("tile/entries/") {
            let bundle: EntryBundle
            do {
                bundle = try EntryBundle(path: path)
            } catch {
                throw RekorError(.notFound, "\(error)")
            }
            guard bundle.entryRange.upperBound <= size else {
                throw RekorError(.notFound, "entry bundle \(path) is beyond the tree of size \(size)")
            }
            let entries = try await reader.entries(in: bundle.entryRange)
            guard entries.count == bundle.width else {
                throw RekorError(.internalFailure, "the storage returned \(entries.count) entries for \(path)")
            }
            return Resource(body: try EntryBundle.encode(entries.map(\.body)), isImmutable: bundle.isFull)
        }
        let tile: Tile
        do {
            tile = try Tile(path: path)
        } catch {
            throw RekorError(.notFound, "\(error)")
        }
        do {
            return Resource(body: try await reader.tileData(for: tile, treeSize: size), isImmutable: tile.isFull)
        } catch let error as LogEngineError where error.code == .invalidRange {
            throw RekorError(.notFound, error.message)
        }
    }
}
