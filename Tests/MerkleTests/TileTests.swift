import Merkle
import Testing

@Suite struct TileTests {
    /// Paths from the C2SP tlog-tiles examples and the canonical encoding around them.
    @Test(arguments: [
        (0, UInt64(0), 256, "tile/0/000"),
        (0, 5, 256, "tile/0/005"),
        (0, 1_234_067, 256, "tile/0/x001/x234/067"),
        (1, 1_234_067, 5, "tile/1/x001/x234/067.p/5"),
        (2, 1000, 256, "tile/2/x001/000"),
        (3, 999, 255, "tile/3/999.p/255"),
        (5, 7, 1, "tile/5/007.p/1"),
        (63, UInt64.max, 256, "tile/63/x018/x446/x744/x073/x709/x551/615"),
    ])
    func pathEncodingRoundTrips(level: Int, index: UInt64, width: Int, path: String) throws {
        let tile = try Tile(level: level, index: index, width: width)
        #expect(tile.path == path)
        #expect(try Tile(path: path) == tile)
        #expect(tile.isFull == (width == 256))
    }

    @Test(arguments: [
        "tile/0/5", "tile/0/05", "tile/0/0005", "tile/0/x000/005", "tile/0/001/234", "tile/0/x001/x234",
        "tile/0/x01/234", "tile/0/00a", "tile/0/+12", "tile/0/１２３", "tile/0/-01",
        "tile/64/000", "tile/01/000", "tile/-1/000", "tile/x/000", "tile//000",
        "tile/0/000.p/0", "tile/0/000.p/256", "tile/0/000.p/07", "tile/0/000.p/", "tile/0/000.p", "tile/0/000.p/5/6",
        "tile/0/000.p/+5", "tile/0/000.q/5",
        "tile/0/", "tile/0", "tile", "", "tiles/0/000", "/tile/0/000", "tile/0/000/", "tile/0//000",
        "tile/entries/000", "tile/0/x018/x446/x744/x073/x709/x551/616", "tile/0/x001/x000/x000/x000/x000/x000/x000/000",
    ])
    func malformedPathsAreRejected(path: String) {
        let error = #expect(throws: MerkleError.self) { try Tile(path: path) }
        #expect(error?.code == .malformedTilePath)
    }

    @Test func invalidCoordinatesAreRejected() {
        for (level, width) in [(64, 256), (-1, 256), (0, 0), (0, 257)] {
            let error = #expect(throws: MerkleError.self) { try Tile(level: level, index: 0, width: width) }
            #expect(error?.code == .invalidTile)
        }
    }

    /// C2SP: "a tree of size 70,000 will be represented by 273 full level 0 tiles, one partial
    /// level 0 tile of width 112, one full level 1 tile, one partial level 1 tile of width 17,
    /// and one partial level 2 tile of width 1".
    @Test func tilesOfA70000LeafTree() throws {
        #expect(Tile.levels(treeSize: 70_000) == 0..<3)
        let level0 = Tile.tiles(atLevel: 0, treeSize: 70_000)
        #expect(level0.count == 274)
        #expect(level0.filter(\.isFull).count == 273)
        #expect(level0.last == (try Tile(level: 0, index: 273, width: 112)))
        #expect(Array(Tile.tiles(atLevel: 1, treeSize: 70_000)) == [try Tile(level: 1, index: 0), try Tile(level: 1, index: 1, width: 17)])
        #expect(Array(Tile.tiles(atLevel: 2, treeSize: 70_000)) == [try Tile(level: 2, index: 0, width: 1)])
        #expect(Tile.tiles(atLevel: 3, treeSize: 70_000).isEmpty)
        #expect(Tile.partialTiles(treeSize: 70_000).map(\.path) == ["tile/0/273.p/112", "tile/1/001.p/17", "tile/2/000.p/1"])
    }

    /// C2SP: "a tree of size 256 will be represented by a full level 0 tile and a partial level 1
    /// tile of width 1".
    @Test func tilesOfA256LeafTree() throws {
        #expect(Tile.levels(treeSize: 256) == 0..<2)
        #expect(Array(Tile.tiles(atLevel: 0, treeSize: 256)) == [try Tile(level: 0, index: 0)])
        #expect(Tile.partialTiles(treeSize: 256) == [try Tile(level: 1, index: 0, width: 1)])
        #expect(Tile.levels(treeSize: 0).isEmpty)
        #expect(Tile.levels(treeSize: UInt64.max) == 0..<8)
    }

    @Test func changedTiles() throws {
        #expect(Tile.changedTiles(from: 0, to: 70_000).count == 277)
        #expect(Tile.changedTiles(from: 70_000, to: 70_000).isEmpty)
        #expect(Tile.changedTiles(from: 70_001, to: 70_000).isEmpty)
        #expect(Tile.changedTiles(from: 70_000, to: 70_001) == [try Tile(level: 0, index: 273, width: 113)])
        #expect(Tile.changedTiles(from: 65_535, to: 65_536).map(\.path) == ["tile/0/255", "tile/1/000", "tile/2/000.p/1"])
    }

    /// The tiles to publish are exactly those of the new tree that the old tree lacked.
    @Test func changedTilesAreTheDifferenceOfTheTwoTrees() {
        var generator = SeededGenerator(seed: 3)
        for _ in 0..<200 {
            let newSize = UInt64.random(in: 0...300_000, using: &generator)
            let oldSize = UInt64.random(in: 0...newSize, using: &generator)
            let all = { (size: UInt64) in Set(Tile.levels(treeSize: size).flatMap { Tile.tiles(atLevel: $0, treeSize: size) }) }
            let changed = Tile.changedTiles(from: oldSize, to: newSize)
            #expect(Set(changed) == all(newSize).subtracting(all(oldSize)), "\(oldSize) → \(newSize)")
            #expect(Set(changed).count == changed.count)
        }
    }

    @Test func nodesOfATile() throws {
        let partial = try Tile(level: 1, index: 1, width: 17)
        #expect(try partial.nodes(inTreeOfSize: 70_000) == (256..<273).map { NodeID(level: 8, index: $0) })
        // A superseded partial tile can still be built: node hashes never change.
        #expect(try Tile(level: 0, index: 273, width: 100).nodes(inTreeOfSize: 70_000).count == 100)
        #expect(try Tile(level: 2, index: 0, width: 1).nodes(inTreeOfSize: 65_536) == [NodeID(level: 16, index: 0)])
        for (tile, size) in [
            (try Tile(level: 0, index: 273, width: 113), UInt64(70_000)),
            (try Tile(level: 1, index: 1), 70_000),
            (try Tile(level: 2, index: 0, width: 1), 65_535),
            (try Tile(level: 8, index: 0, width: 1), UInt64.max),
            (try Tile(level: 0, index: UInt64.max), UInt64.max),
        ] {
            let error = #expect(throws: MerkleError.self) { try tile.nodes(inTreeOfSize: size) }
            #expect(error?.code == .invalidTile)
        }
    }

    @Test(arguments: [
        (NodeID(level: 0, index: 69_999), 0, UInt64(273), 111..<112),
        (NodeID(level: 3, index: 5), 0, 0, 40..<48),
        (NodeID(level: 7, index: 3), 0, 1, 128..<256),
        (NodeID(level: 8, index: 300), 1, 1, 44..<45),
        (NodeID(level: 11, index: 33), 1, 1, 8..<16),
        (NodeID(level: 63, index: 1), 7, 0, 128..<256),
    ])
    func locationOfANode(node: NodeID, level: Int, index: UInt64, offsets: Range<Int>) {
        #expect(Tile.location(of: node) == Tile.Location(level: level, index: index, offsets: offsets))
    }

    /// Tile data built from stored nodes matches the C2SP definition: hash i of tile n at level
    /// l is MTH(D[(n·256 + i)·256^l : (n·256 + i + 1)·256^l]); and every node can be recomputed
    /// from the tile its location names.
    @Test func tileDataMatchesTheSpecificationAndLocatesEveryNode() async throws {
        let size = 70_000
        let leaves = (0..<size).map { MerkleHash.leaf(Array("entry \($0)".utf8)) }
        let tree = try InMemoryMerkleTree(leafHashes: leaves)
        var tileHashes: [Tile: [[UInt8]]] = [:]
        for level in Tile.levels(treeSize: UInt64(size)) {
            for tile in Tile.tiles(atLevel: level, treeSize: UInt64(size)) where tile.level > 0 || tile.index % 50 == 0 || !tile.isFull {
                let data = try await tree.tileData(for: tile, treeSize: UInt64(size))
                let hashes = try tile.hashes(fromTileData: data)
                #expect(hashes.count == tile.width)
                let span = 1 << (8 * tile.level)
                for (i, hash) in hashes.enumerated() where i % 16 == 0 || i == hashes.count - 1 {
                    let first = (Int(tile.index) * 256 + i) * span
                    #expect(hash == (try MerkleHash.root(ofLeafHashes: leaves[first..<first + span])), "\(tile) hash \(i)")
                }
                tileHashes[tile] = hashes
            }
        }
        var generator = SeededGenerator(seed: 4)
        for _ in 0..<300 {
            let level = Int.random(in: 0...16, using: &generator)
            guard size >> level > 0 else { continue }
            let node = NodeID(level: level, index: UInt64.random(in: 0..<UInt64(size >> level), using: &generator))
            let location = Tile.location(of: node)
            guard let hashes = tileHashes.first(where: { $0.key.level == location.level && $0.key.index == location.index })?.value else { continue }
            #expect(try MerkleHash.root(ofLeafHashes: hashes[location.offsets]) == tree.hash(of: node), "\(node)")
        }
    }

    @Test func tileDataLengthIsChecked() throws {
        let tile = try Tile(level: 0, index: 0, width: 2)
        #expect(try tile.hashes(fromTileData: [UInt8](repeating: 7, count: 64)) == [[UInt8](repeating: 7, count: 32), [UInt8](repeating: 7, count: 32)])
        for length in [0, 63, 65, 96] {
            let error = #expect(throws: MerkleError.self) { try tile.hashes(fromTileData: [UInt8](repeating: 0, count: length)) }
            #expect(error?.code == .invalidTile)
        }
    }
}
