/// A C2SP tlog-tiles entry bundle: the entries of up to 256 consecutive leaves, served at
/// ``path``, `tile/entries/<N>[.p/<W>]`. Bundle `index` holds entries `index·256 + i` for
/// `i < width`, and entry `i` hashes to hash `i` of level-0 tile `index`.
///
/// The bundle bytes are encoded and decoded by ``encode(_:)`` and ``decode(_:width:)``.
public struct EntryBundle: Hashable, Sendable, CustomStringConvertible {
    /// Entries in a full bundle.
    public static let fullWidth = Tile.fullWidth

    /// Position of the bundle among all bundles.
    public let index: UInt64
    /// Number of entries, 1...256.
    public let width: Int

    /// - Throws: ``MerkleError/Code/invalidTile`` when `width` is not in 1...256.
    public init(index: UInt64, width: Int = EntryBundle.fullWidth) throws {
        guard (1...Self.fullWidth).contains(width) else {
            throw MerkleError(.invalidTile, "entry bundle width \(width) is not in 1...256")
        }
        self.index = index
        self.width = width
    }

    /// Parses `tile/entries/<N>[.p/<W>]`, rejecting every non-canonical spelling.
    ///
    /// - Throws: ``MerkleError/Code/malformedTilePath``.
    public init(path: some StringProtocol) throws {
        let path = String(path)
        let elements = path.split(separator: "/", omittingEmptySubsequences: false)
        guard elements.count >= 3, elements[0] == "tile", elements[1] == "entries" else {
            throw TilePath.malformed(path, "expected tile/entries/<N>")
        }
        (index, width) = try TilePath.decode(elements[2...], path: path)
    }

    /// `tile/entries/<N>[.p/<W>]`.
    public var path: String {
        "tile/entries/" + TilePath.encode(index: index, width: width)
    }

    public var description: String { path }

    /// Whether the bundle holds all 256 entries.
    public var isFull: Bool { width == Self.fullWidth }

    /// Indices of the log entries in this bundle.
    ///
    /// - Precondition: the bundle lies within `UInt64` (always true for bundles of a real tree).
    public var entryRange: Range<UInt64> {
        let first = index * UInt64(Self.fullWidth)
        return first..<first + UInt64(width)
    }

    /// The level-0 hash tile that holds the leaf hashes of these entries.
    public var tile: Tile {
        Tile(uncheckedLevel: 0, index: index, width: width)
    }

    /// The bundles of a tree of `treeSize` leaves: every full one, then the partial one if any.
    public static func bundles(treeSize: UInt64) -> some RandomAccessCollection<EntryBundle> {
        Tile.tiles(atLevel: 0, treeSize: treeSize).lazy.map { EntryBundle(uncheckedIndex: $0.index, width: $0.width) }
    }

    /// The bundles to publish when a tree grows from `oldSize` to `newSize` leaves.
    public static func changedBundles(from oldSize: UInt64, to newSize: UInt64) -> [EntryBundle] {
        Tile.changedTiles(from: oldSize, to: newSize)
            .filter { $0.level == 0 }
            .map { EntryBundle(uncheckedIndex: $0.index, width: $0.width) }
    }

    init(uncheckedIndex index: UInt64, width: Int) {
        self.index = index
        self.width = width
    }
}
