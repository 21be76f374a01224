/// The hashes of the perfect subtrees covering leaves `[0, size)`: all a sequencer needs to append
/// leaves and compute the new root (a.k.a. Merkle mountain range or frontier).
///
/// There is one subtree per set bit of `size`, largest (leftmost) first. Appending a leaf
/// creates the leaf node and merges equal-sized subtrees; ``append(leafHash:)`` returns every node
/// it completes so a store can persist them, so a batch of N leaves touches O(N + log n) nodes.
public struct CompactRange: Hashable, Sendable {
    /// Number of leaves covered.
    public private(set) var size: UInt64
    private var roots: [Hash32]

    /// An empty range (a tree of size 0).
    public init() {
        size = 0
        roots = []
    }

    /// Restores the range of a tree of `size` leaves from the hashes of ``nodes(forSize:)``.
    ///
    /// - Throws: ``MerkleError/Code/invalidCompactRange`` when the number of hashes is not the
    ///   number of set bits in `size`, ``MerkleError/Code/invalidHashLength`` for a hash that is
    ///   not 32 bytes.
    public init(size: UInt64, hashes: [[UInt8]]) throws {
        guard hashes.count == size.nonzeroBitCount else {
            throw MerkleError(.invalidCompactRange, "a tree of size \(size) has \(size.nonzeroBitCount) compact-range hashes, not \(hashes.count)")
        }
        self.size = size
        roots = try hashes.enumerated().map { try Hash32.checked($1, "compact-range hash \($0)") }
    }

    init(size: UInt64, roots: [Hash32]) {
        precondition(roots.count == size.nonzeroBitCount)
        self.size = size
        self.roots = roots
    }

    /// The perfect subtrees covering `[0, size)`, largest first.
    public static func nodes(forSize size: UInt64) -> [NodeID] {
        var nodes: [NodeID] = []
        nodes.reserveCapacity(size.nonzeroBitCount)
        var remaining = size
        while remaining != 0 {
            let level = UInt64.bitWidth - 1 - remaining.leadingZeroBitCount
            nodes.append(NodeID(uncheckedLevel: level, index: (size >> level) - 1))
            remaining &= ~(1 << level)
        }
        return nodes
    }

    /// The perfect subtrees this range holds, largest first.
    public var nodes: [NodeID] {
        Self.nodes(forSize: size)
    }

    /// The hashes of ``nodes``.
    public var hashes: [[UInt8]] {
        roots.map(\.bytes)
    }

    /// The RFC 9162 root of the tree of ``size`` leaves.
    public var rootHash: [UInt8] {
        root?.bytes ?? MerkleHash.emptyRoot
    }

    /// Appends one leaf and returns the nodes it completes: the leaf itself, then each new parent.
    ///
    /// - Throws: ``MerkleError/Code/invalidHashLength`` when `leafHash` is not 32 bytes.
    @discardableResult
    public mutating func append(leafHash: [UInt8]) throws -> [NodeHash] {
        let leaf = try Hash32.checked(leafHash, "the leaf hash")
        var created: [NodeHash] = []
        append(leaf) { created.append(NodeHash(node: $0, hash: $1.bytes)) }
        return created
    }

    /// Appends leaves in order and returns every node completed along the way.
    ///
    /// - Throws: ``MerkleError/Code/invalidHashLength`` when a leaf hash is not 32 bytes; the
    ///   range is then unchanged.
    @discardableResult
    public mutating func append(leafHashes: some Sequence<[UInt8]>) throws -> [NodeHash] {
        let leaves = try leafHashes.enumerated().map { try Hash32.checked($1, "leaf hash \($0)") }
        var created: [NodeHash] = []
        created.reserveCapacity(leaves.count * 2)
        for leaf in leaves {
            append(leaf) { created.append(NodeHash(node: $0, hash: $1.bytes)) }
        }
        return created
    }

    var root: Hash32? {
        guard var root = roots.last else { return nil }
        for left in roots.dropLast().reversed() {
            root = MerkleHash.nodeHash(left, root)
        }
        return root
    }

    mutating func append(_ leaf: Hash32, created: (NodeID, Hash32) -> Void) {
        var node = NodeID.leaf(size)
        var hash = leaf
        created(node, hash)
        // Each trailing one bit of the old size is a perfect subtree the new node completes.
        while node.isRightChild {
            hash = MerkleHash.nodeHash(roots.removeLast(), hash)
            node = node.parent
            created(node, hash)
        }
        roots.append(hash)
        size += 1
    }
}
