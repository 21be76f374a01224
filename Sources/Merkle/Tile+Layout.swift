extension Tile {
    /// The tiles at `level` of a tree of `treeSize` leaves: every full tile, then the partial one
    /// if the level's hash count is not a multiple of 256. Empty when the level holds no hashes.
    ///
    /// The collection is lazy: a tree of a billion leaves has almost four million level-0 tiles.
    public static func tiles(atLevel level: Int, treeSize: UInt64) -> some RandomAccessCollection<Tile> {
        let hashCount = hashCount(atLevel: level, treeSize: treeSize)
        let fullCount = hashCount / UInt64(fullWidth)
        let partialWidth = Int(hashCount % UInt64(fullWidth))
        let total = fullCount + (partialWidth > 0 ? 1 : 0)
        return (0..<total).lazy.map { index in
            Tile(uncheckedLevel: level, index: index, width: index < fullCount ? fullWidth : partialWidth)
        }
    }

    /// The levels that hold at least one hash in a tree of `treeSize` leaves (empty for size 0).
    public static func levels(treeSize: UInt64) -> Range<Int> {
        var count = 0
        while hashCount(atLevel: count, treeSize: treeSize) > 0 {
            count += 1
        }
        return 0..<count
    }

    /// The partial tiles of a tree of `treeSize` leaves: at most one per level, lowest level first.
    public static func partialTiles(treeSize: UInt64) -> [Tile] {
        levels(treeSize: treeSize).compactMap { level in
            let width = Int(hashCount(atLevel: level, treeSize: treeSize) % UInt64(fullWidth))
            guard width > 0 else { return nil }
            return Tile(uncheckedLevel: level, index: hashCount(atLevel: level, treeSize: treeSize) / UInt64(fullWidth), width: width)
        }
    }

    /// The tiles to publish when a tree grows from `oldSize` to `newSize` leaves: on each level,
    /// the tiles that became full and the new partial tile, lowest level first.
    ///
    /// Tiles of the old tree that did not change are not listed; the result is empty when the
    /// sizes are equal or `newSize < oldSize`.
    public static func changedTiles(from oldSize: UInt64, to newSize: UInt64) -> [Tile] {
        guard oldSize < newSize else { return [] }
        var changed: [Tile] = []
        var level = 0
        while true {
            let old = hashCount(atLevel: level, treeSize: oldSize)
            let new = hashCount(atLevel: level, treeSize: newSize)
            // A level whose hash count did not change, and every level above it, is unchanged.
            guard old != new else { break }
            let firstChanged = old / UInt64(fullWidth)
            let fullCount = new / UInt64(fullWidth)
            for index in firstChanged..<fullCount {
                changed.append(Tile(uncheckedLevel: level, index: index, width: fullWidth))
            }
            let partialWidth = Int(new % UInt64(fullWidth))
            if partialWidth > 0 {
                changed.append(Tile(uncheckedLevel: level, index: fullCount, width: partialWidth))
            }
            level += 1
        }
        return changed
    }

    /// Number of tree nodes at tree level `8 · level` in a tree of `treeSize` leaves.
    static func hashCount(atLevel level: Int, treeSize: UInt64) -> UInt64 {
        let nodeLevel = level * height
        return nodeLevel < UInt64.bitWidth ? treeSize >> nodeLevel : 0
    }

    init(uncheckedLevel level: Int, index: UInt64, width: Int) {
        self.level = level
        self.index = index
        self.width = width
    }
}
