extension Array where Element == UInt8 {
    /// Appends `value` as a big-endian integer of `byteCount` bytes (TLS presentation language).
    mutating func appendBigEndian(_ value: UInt64, byteCount: Int) {
        for shift in stride(from: 8 * (byteCount - 1), through: 0, by: -8) {
            append(UInt8(truncatingIfNeeded: value >> UInt64(shift)))
        }
    }

    /// Appends a TLS vector: a big-endian length of `lengthBytes` bytes, then `content`.
    mutating func appendVector(_ content: [UInt8], lengthBytes: Int) {
        appendBigEndian(UInt64(content.count), byteCount: lengthBytes)
        append(contentsOf: content)
    }

    /// Reads a big-endian integer of `byteCount` bytes at `offset`, or nil past the end.
    func bigEndianInteger(at offset: Int, byteCount: Int) -> UInt64? {
        guard offset >= 0, offset + byteCount <= count else { return nil }
        return self[offset..<(offset + byteCount)].reduce(0) { $0 << 8 | UInt64($1) }
    }
}
