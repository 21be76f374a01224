extension Tile {
    /// Where the hash of a tree node is found in the tiles.
    public struct Location: Hashable, Sendable {
        /// Level of the tile holding the node's hashes.
        public let level: Int
        /// Index of that tile within its level.
        public let index: UInt64
        /// Positions in the tile whose Merkle root is the node's hash: one position when the
        /// node's level is a multiple of 8, otherwise the `2^(level mod 8)` hashes below it. A tile
        /// needs at least `offsets.upperBound` hashes to contain the node.
        public let offsets: Range<Int>

        public init(level: Int, index: UInt64, offsets: Range<Int>) {
            self.level = level
            self.index = index
            self.offsets = offsets
        }
    }

    /// Locates `node` in the tiles: nodes at tree level `8·L + r` are the roots of `2^r`
    /// consecutive hashes of a level-`L` tile.
    public static func location(of node: NodeID) -> Location {
        let tileLevel = node.level / height
        let depth = node.level % height
        // The node's first descendant on the tile's hash level.
        let first = node.index << depth
        let offset = Int(first % UInt64(fullWidth))
        return Location(level: tileLevel, index: first / UInt64(fullWidth), offsets: offset..<offset + (1 << depth))
    }
}
