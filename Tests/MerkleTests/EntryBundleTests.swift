import Merkle
import Testing

@Suite struct EntryBundleTests {
    @Test(arguments: [
        (UInt64(0), 256, "tile/entries/000"),
        (1_234_067, 5, "tile/entries/x001/x234/067.p/5"),
        (999, 255, "tile/entries/999.p/255"),
    ])
    func pathEncodingRoundTrips(index: UInt64, width: Int, path: String) throws {
        let bundle = try EntryBundle(index: index, width: width)
        #expect(bundle.path == path)
        #expect(try EntryBundle(path: path) == bundle)
        #expect(bundle.tile == (try Tile(level: 0, index: index, width: width)))
    }

    @Test(arguments: ["tile/entries/5", "tile/entries/000.p/0", "tile/entries/000.p/256", "tile/entries/x000/001", "tile/0/000", "tile/entries/", "tile/entry/000"])
    func malformedPathsAreRejected(path: String) {
        let error = #expect(throws: MerkleError.self) { try EntryBundle(path: path) }
        #expect(error?.code == .malformedTilePath)
    }

    @Test func bundlesOfATree() throws {
        #expect(EntryBundle.bundles(treeSize: 70_000).count == 274)
        #expect(EntryBundle.bundles(treeSize: 70_000).last?.path == "tile/entries/273.p/112")
        #expect(EntryBundle.changedBundles(from: 0, to: 300).map(\.path) == ["tile/entries/000", "tile/entries/001.p/44"])
        #expect(try EntryBundle(index: 1, width: 44).entryRange == 256..<300)
    }

    @Test func encodingIsLengthPrefixedBigEndian() throws {
        #expect(try EntryBundle.encode([[0x61, 0x62], [], [0xFF]]) == [0, 2, 0x61, 0x62, 0, 0, 0, 1, 0xFF])
        let long = [UInt8](repeating: 0xAB, count: 0x1234)
        #expect(try EntryBundle.encode([long]).prefix(3) == [0x12, 0x34, 0xAB])
    }

    @Test func decodingRoundTrips() throws {
        let entries: [[UInt8]] = [[], [1], Array(repeating: 2, count: 300), Array(repeating: 3, count: 65_535)]
        let data = try EntryBundle.encode(entries)
        #expect(try EntryBundle.decode(data) == entries)
        #expect(try EntryBundle.decode(data, width: 4) == entries)
        let full = (0..<256).map { [UInt8(truncatingIfNeeded: $0)] }
        #expect(try EntryBundle.decode(EntryBundle.encode(full), width: 256) == full)
    }

    @Test(arguments: [
        ([UInt8](), Int?.none),
        ([0], nil),
        ([0, 5, 1, 2], nil),
        ([0, 1, 9, 0], nil),
        ([0, 1, 9], 2),
        ([UInt8](repeating: 0, count: 2 * 257), nil),
    ])
    func malformedBundlesAreRejected(data: [UInt8], width: Int?) {
        let error = #expect(throws: MerkleError.self) { try EntryBundle.decode(data, width: width) }
        #expect(error?.code == .malformedEntryBundle)
    }

    @Test func oversizedContentIsRejected() {
        let tooLong = #expect(throws: MerkleError.self) { try EntryBundle.encode([Array(repeating: 0, count: 65_536)]) }
        #expect(tooLong?.code == .entryTooLarge)
        let tooMany = #expect(throws: MerkleError.self) { try EntryBundle.encode(Array(repeating: [], count: 257)) }
        #expect(tooMany?.code == .malformedEntryBundle)
        let badWidth = #expect(throws: MerkleError.self) { try EntryBundle(index: 0, width: 0) }
        #expect(badWidth?.code == .invalidTile)
    }
}
