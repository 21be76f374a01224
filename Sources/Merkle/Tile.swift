public import Foundation

/// A C2SP tlog-tiles hash tile: up to 256 consecutive hashes at tree level `8 · level`.
///
/// Tile `index` at `level` holds the hashes of ``NodeID`` `(8·level, index·256 + i)` for
/// `i < width`; each is the root of a full tile on the level below (or a leaf hash at level 0).
/// A full tile has width 256 and is immutable; the rightmost tile of a level is usually partial.
/// It is served at ``path``, `tile/<L>/<N>[.p/<W>]`.
public struct Tile: Hashable, Sendable, CustomStringConvertible {
    /// Tree levels per tile level.
    public static let height = 8
    /// Hashes in a full tile.
    public static let fullWidth = 256

    /// Tile level, 0...63 (only 0...7 can occur in a tree of at most 2⁶⁴−1 leaves).
    public let level: Int
    /// Position of the tile among the tiles of its level.
    public let index: UInt64
    /// Number of hashes, 1...256.
    public let width: Int

    /// - Throws: ``MerkleError/Code/invalidTile`` when `level` is not in 0...63 or `width` is not
    ///   in 1...256.
    public init(level: Int, index: UInt64, width: Int = Tile.fullWidth) throws {
        guard (0...63).contains(level) else { throw MerkleError(.invalidTile, "tile level \(level) is not in 0...63") }
        guard (1...Self.fullWidth).contains(width) else { throw MerkleError(.invalidTile, "tile width \(width) is not in 1...256") }
        self.level = level
        self.index = index
        self.width = width
    }

    /// Parses `tile/<L>/<N>[.p/<W>]`, rejecting every non-canonical spelling.
    ///
    /// - Throws: ``MerkleError/Code/malformedTilePath``.
    public init(path: some StringProtocol) throws {
        let path = String(path)
        let elements = path.split(separator: "/", omittingEmptySubsequences: false)
        guard elements.count >= 3, elements[0] == "tile" else {
            throw TilePath.malformed(path, "expected tile/<L>/<N>")
        }
        guard let level = TilePath.decimal(elements[1], allowZero: true), level <= 63 else {
            throw TilePath.malformed(path, "the level must be 0...63 without leading zeros")
        }
        let (index, width) = try TilePath.decode(elements[2...], path: path)
        self.level = Int(level)
        self.index = index
        self.width = width
    }

    /// `tile/<L>/<N>[.p/<W>]`.
    public var path: String {
        "tile/\(level)/" + TilePath.encode(index: index, width: width)
    }

    public var description: String { path }

    /// Whether the tile holds all 256 hashes.
    public var isFull: Bool { width == Self.fullWidth }

    /// The tree level of the hashes in this tile, `8 · level`.
    public var nodeLevel: Int { level * Self.height }

    /// The tree nodes whose hashes form this tile, in order.
    ///
    /// Node hashes never change, so any tile whose hashes all exist in the tree can be built:
    /// a superseded partial tile as well as the current one.
    ///
    /// - Throws: ``MerkleError/Code/invalidTile`` when a tree of `treeSize` leaves does not hold
    ///   all of the tile's hashes.
    public func nodes(inTreeOfSize treeSize: UInt64) throws -> [NodeID] {
        let available = nodeLevel < UInt64.bitWidth ? treeSize >> nodeLevel : 0
        let (first, overflow) = index.multipliedReportingOverflow(by: UInt64(Self.fullWidth))
        guard !overflow, first < available, UInt64(width) <= available - first else {
            throw MerkleError(.invalidTile, "tile \(path) is not part of a tree of size \(treeSize)")
        }
        return (first..<first + UInt64(width)).map { NodeID(uncheckedLevel: nodeLevel, index: $0) }
    }

    /// Splits tile data into its hashes.
    ///
    /// - Throws: ``MerkleError/Code/invalidTile`` unless `data` is exactly ``width`` × 32 bytes.
    public func hashes(fromTileData data: some DataProtocol) throws -> [[UInt8]] {
        guard data.count == width * MerkleHash.byteCount else {
            throw MerkleError(.invalidTile, "tile \(path) must be \(width * MerkleHash.byteCount) bytes, not \(data.count)")
        }
        let bytes = Array(data)
        return stride(from: 0, to: bytes.count, by: MerkleHash.byteCount).map {
            Array(bytes[$0..<$0 + MerkleHash.byteCount])
        }
    }
}
