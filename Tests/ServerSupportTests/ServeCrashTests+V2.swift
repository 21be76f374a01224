import AsyncHTTPClient
import Foundation
import Merkle
import SignedNote
import SigstoreModels
import Testing

extension ServeCrashTests {
    /// Checks the restarted Rekor v2 log the way a tlog-tiles client would: the signed
    /// `/checkpoint`, then inclusion and consistency proofs built from the served tiles.
    static func verifyV2(_ server: ServeProcess, client: HTTPClient, noteVerifier: RekorNoteVerifier, acknowledged: [Acknowledged], checkpoints: [Checkpoint]) async throws -> Checkpoint {
        let text = String(decoding: try await get("\(server.baseURL)/checkpoint", client: client), as: UTF8.self)
        let note = try Note(parsing: text)
        try note.verify(with: [noteVerifier], policy: .everyLineByKnownKey)
        let signed = try SignedNote.Checkpoint(note: note)
        let current = Checkpoint(size: Int64(signed.treeSize), rootHash: signed.rootHash)
        #expect(acknowledged.allSatisfy { $0.index < current.size }, "the restarted v2 tree holds every acknowledged index")
        let tiles = TileHashReader(baseURL: server.baseURL, client: client, treeSize: signed.treeSize)
        for ack in acknowledged {
            let proof = try await tiles.inclusionProof(leafIndex: UInt64(ack.index), treeSize: signed.treeSize)
            try proof.verify(leafHash: ack.leafHash, rootHash: signed.rootHash)
        }
        for earlier in Set(checkpoints) where earlier.size > 0 {
            #expect(earlier.size <= current.size, "the v2 tree never shrinks")
            let proof = try await tiles.consistencyProof(from: UInt64(earlier.size), to: signed.treeSize)
            try proof.verify(oldRoot: earlier.rootHash, newRoot: signed.rootHash)
        }
        return current
    }

    /// Reads an acknowledged v2 entry from a 201 body: its index, leaf hash and proved-against checkpoint.
    static func v2Acknowledgement(_ body: [UInt8]) throws -> (Acknowledged, Checkpoint) {
        let entry = try ProtoJSON.decode(TransparencyLogEntry.self, from: body)
        let proof = try #require(entry.inclusionProof)
        try InclusionProof(leafIndex: UInt64(entry.logIndex), treeSize: UInt64(proof.treeSize), hashes: proof.hashes)
            .verify(leafHash: MerkleHash.leaf(entry.canonicalizedBody), rootHash: proof.rootHash)
        return (Acknowledged(index: entry.logIndex, leafHash: MerkleHash.leaf(entry.canonicalizedBody)), Checkpoint(size: proof.treeSize, rootHash: proof.rootHash))
    }
}

/// Node hashes from a log's C2SP tlog-tiles over HTTP, for a tree of `treeSize` leaves: each
/// node is read from the (possibly partial) tile holding it and hashed up when it lies between
/// tile levels. Tiles are fetched once per reader.
actor TileHashReader: MerkleHashReader {
    let baseURL: String
    let client: HTTPClient
    let treeSize: UInt64
    private var tiles: [Tile: [[UInt8]]] = [:]

    init(baseURL: String, client: HTTPClient, treeSize: UInt64) {
        self.baseURL = baseURL
        self.client = client
        self.treeSize = treeSize
    }

    func hashes(of nodes: [NodeID]) async throws -> [[UInt8]] {
        var result: [[UInt8]] = []
        for node in nodes {
            let location = Tile.location(of: node)
            let available = treeSize >> (location.level * Tile.height)
            let width = min(UInt64(Tile.fullWidth), available - location.index * UInt64(Tile.fullWidth))
            let tile = try Tile(level: location.level, index: location.index, width: Int(width))
            let hashes = try await hashes(in: tile)
            let covered = Array(hashes[location.offsets])
            result.append(covered.count == 1 ? covered[0] : try MerkleHash.root(ofLeafHashes: covered))
        }
        return result
    }

    private func hashes(in tile: Tile) async throws -> [[UInt8]] {
        if let cached = tiles[tile] { return cached }
        let hashes = try tile.hashes(fromTileData: try await ServeCrashTests.get("\(baseURL)/\(tile.path)", client: client))
        tiles[tile] = hashes
        return hashes
    }
}
