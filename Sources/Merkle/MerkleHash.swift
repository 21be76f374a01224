import Crypto
public import Foundation

/// RFC 6962 §2.1 / RFC 9162 §2.1.1 hashing with domain separation between leaves and interior nodes.
public enum MerkleHash {
    /// Length in bytes of every hash in the tree.
    public static let byteCount = 32

    /// SHA-256 of the empty string: the root of an empty tree.
    public static let emptyRoot: [UInt8] = Array(SHA256.hash(data: [UInt8]()))

    /// `SHA-256(0x00 ‖ leaf)`.
    public static func leaf(_ leaf: some DataProtocol) -> [UInt8] {
        leafHash(leaf).bytes
    }

    /// `SHA-256(0x01 ‖ left ‖ right)`.
    public static func node(_ left: some DataProtocol, _ right: some DataProtocol) -> [UInt8] {
        var hasher = SHA256()
        withUnsafeBytes(of: nodePrefix) { hasher.update(bufferPointer: $0) }
        update(&hasher, with: left)
        update(&hasher, with: right)
        return Hash32(hasher.finalize()).bytes
    }

    private static let leafPrefix: UInt8 = 0x00
    private static let nodePrefix: UInt8 = 0x01

    static func leafHash(_ leaf: some DataProtocol) -> Hash32 {
        var hasher = SHA256()
        withUnsafeBytes(of: leafPrefix) { hasher.update(bufferPointer: $0) }
        update(&hasher, with: leaf)
        return Hash32(hasher.finalize())
    }

    /// Arrays and `Data` arrive here unspecialized; reading their storage directly avoids the
    /// generic per-region walk, which costs as much as hashing a 200-byte entry.
    private static func update(_ hasher: inout SHA256, with bytes: some DataProtocol) {
        let hashed = bytes.withContiguousStorageIfAvailable { hasher.update(bufferPointer: UnsafeRawBufferPointer($0)) }
        if hashed == nil {
            hasher.update(data: bytes)
        }
    }

    static func nodeHash(_ left: Hash32, _ right: Hash32) -> Hash32 {
        // One 65-byte message on the stack: no heap traffic, and a single update call.
        withUnsafeTemporaryAllocation(byteCount: 1 + 2 * Hash32.byteCount, alignment: 8) { message in
            message[0] = nodePrefix
            left.withUnsafeBytes { message.baseAddress!.advanced(by: 1).copyMemory(from: $0.baseAddress!, byteCount: 32) }
            right.withUnsafeBytes { message.baseAddress!.advanced(by: 33).copyMemory(from: $0.baseAddress!, byteCount: 32) }
            var hasher = SHA256()
            hasher.update(bufferPointer: UnsafeRawBufferPointer(message))
            return Hash32(hasher.finalize())
        }
    }
}
