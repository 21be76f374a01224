/// Why a Merkle tree operation, proof, tile or entry bundle was rejected.
///
/// Match on ``code``; ``message`` is for people and may change.
public struct MerkleError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Code: Sendable, Hashable {
        /// The tree size is zero where a non-empty tree is required (an inclusion proof).
        case emptyTree
        /// A leaf index is not smaller than the tree size.
        case indexOutOfRange
        /// The first tree size is larger than the second.
        case sizesOutOfOrder
        /// A proof has more or fewer hashes than its sizes and index require.
        case wrongProofLength
        /// A hash (leaf, root, proof element or stored node) is not 32 bytes long.
        case invalidHashLength
        /// The root computed from a proof differs from the expected root.
        case rootMismatch
        /// A node identifier or tile lies outside what a tree of at most 2⁶⁴−1 leaves can hold,
        /// or a hash source did not return the nodes asked for.
        case invalidNode
        /// A compact range's hashes do not match its size.
        case invalidCompactRange
        /// A tile or entry-bundle path is not in the C2SP tlog-tiles form.
        case malformedTilePath
        /// A tile's data does not have the length its width requires, or the tile is not part
        /// of the tree it was asked for.
        case invalidTile
        /// An entry bundle is truncated, has trailing bytes, or holds the wrong number of entries.
        case malformedEntryBundle
        /// An entry is longer than the 65,535 bytes an entry bundle can encode.
        case entryTooLarge
    }

    public var code: Code
    public var message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { message }
}
