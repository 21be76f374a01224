/// Writes the TLS presentation language (RFC 5246 §4): big-endian integers and length-prefixed
/// vectors.
///
/// Callers validate vector lengths when they build their values (see ``TLSWriter/fits(_:lengthBytes:)``),
/// so writing never fails; an oversized vector here is a programming error.
struct TLSWriter {
    private(set) var bytes: [UInt8] = []

    init() {}

    /// Whether a vector of `count` bytes fits a length prefix of `lengthBytes` bytes.
    static func fits(_ count: Int, lengthBytes: Int) -> Bool {
        count >= 0 && count < 1 << (8 * lengthBytes)
    }

    mutating func append(_ value: UInt8) {
        bytes.append(value)
    }

    mutating func append(uint16 value: Int) {
        appendInteger(UInt64(value), byteCount: 2)
    }

    mutating func append(uint64 value: UInt64) {
        appendInteger(value, byteCount: 8)
    }

    mutating func append(bytes more: some Collection<UInt8>) {
        bytes.append(contentsOf: more)
    }

    /// Appends `content` with a big-endian length prefix of `lengthBytes` bytes.
    mutating func appendVector(_ content: some Collection<UInt8>, lengthBytes: Int) {
        precondition(Self.fits(content.count, lengthBytes: lengthBytes), "TLS vector of \(content.count) bytes overflows a \(lengthBytes)-byte length")
        appendInteger(UInt64(content.count), byteCount: lengthBytes)
        bytes.append(contentsOf: content)
    }

    private mutating func appendInteger(_ value: UInt64, byteCount: Int) {
        for shift in stride(from: 8 * (byteCount - 1), through: 0, by: -8) {
            bytes.append(UInt8(truncatingIfNeeded: value >> UInt64(shift)))
        }
    }
}
