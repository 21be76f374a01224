public import Foundation

extension EntryBundle {
    /// Longest entry a bundle can hold: its length prefix is a big-endian `UInt16`.
    public static let maximumEntryLength = Int(UInt16.max)

    /// Encodes entries as a bundle: each is `u16 big-endian length ‖ bytes`.
    ///
    /// - Throws: ``MerkleError/Code/entryTooLarge`` for an entry over 65,535 bytes,
    ///   ``MerkleError/Code/malformedEntryBundle`` for more than 256 entries.
    public static func encode(_ entries: [[UInt8]]) throws -> [UInt8] {
        guard entries.count <= fullWidth else {
            throw MerkleError(.malformedEntryBundle, "an entry bundle holds at most 256 entries, not \(entries.count)")
        }
        var data: [UInt8] = []
        data.reserveCapacity(entries.reduce(0) { $0 + 2 + $1.count })
        for (position, entry) in entries.enumerated() {
            guard entry.count <= maximumEntryLength else {
                throw MerkleError(.entryTooLarge, "entry \(position) is \(entry.count) bytes; a bundle entry is at most 65535")
            }
            data.append(UInt8(entry.count >> 8))
            data.append(UInt8(entry.count & 0xFF))
            data.append(contentsOf: entry)
        }
        return data
    }

    /// Decodes a bundle into its entries.
    ///
    /// - Parameter width: the number of entries expected (the bundle's ``width``), or nil to
    ///   accept 1...256.
    /// - Throws: ``MerkleError/Code/malformedEntryBundle`` when a length prefix or entry is
    ///   truncated, or the entry count is wrong.
    public static func decode(_ data: some DataProtocol, width: Int? = nil) throws -> [[UInt8]] {
        let bytes = Array(data)
        var entries: [[UInt8]] = []
        var position = 0
        while position < bytes.count {
            guard entries.count < fullWidth else {
                throw MerkleError(.malformedEntryBundle, "the entry bundle holds more than 256 entries")
            }
            guard bytes.count - position >= 2 else {
                throw MerkleError(.malformedEntryBundle, "the entry bundle ends inside a length prefix at byte \(position)")
            }
            let length = Int(bytes[position]) << 8 | Int(bytes[position + 1])
            position += 2
            guard bytes.count - position >= length else {
                throw MerkleError(.malformedEntryBundle, "entry \(entries.count) needs \(length) bytes but only \(bytes.count - position) remain")
            }
            entries.append(Array(bytes[position..<position + length]))
            position += length
        }
        if let width, entries.count != width {
            throw MerkleError(.malformedEntryBundle, "expected \(width) entries, found \(entries.count)")
        }
        if width == nil, entries.isEmpty {
            throw MerkleError(.malformedEntryBundle, "the entry bundle is empty")
        }
        return entries
    }
}
