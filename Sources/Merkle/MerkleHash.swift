public import Crypto
public import Foundation

/// RFC 6962 §2.1 / RFC 9162 §2.1.1 hashing with domain separation between leaves and interior nodes.
public enum MerkleHash {
    /// SHA-256 of the empty string: the root of an empty tree.
    public static let emptyRoot: [UInt8] = Array(SHA256.hash(data: [UInt8]()))

    /// `SHA-256(0x00 ‖ leaf)`.
    public static func leaf(_ leaf: some DataProtocol) -> [UInt8] {
        var hasher = SHA256()
        hasher.update(data: [0x00])
        hasher.update(data: leaf)
        return Array(hasher.finalize())
    }

    /// `SHA-256(0x01 ‖ left ‖ right)`.
    public static func node(_ left: some DataProtocol, _ right: some DataProtocol) -> [UInt8] {
        var hasher = SHA256()
        hasher.update(data: [0x01])
        hasher.update(data: left)
        hasher.update(data: right)
        return Array(hasher.finalize())
    }
}
