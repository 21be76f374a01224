/// The C2SP tlog-cosignature Ed25519 format (signature type 0x04).
///
/// A cosignature's bytes are an 8-byte big-endian POSIX timestamp followed by a 64-byte Ed25519
/// signature over `"cosignature/v1\ntime <timestamp>\n" ‖ checkpoint body`.
public enum Cosignature {
    /// Length of the timestamped signature: 8 timestamp bytes and 64 signature bytes.
    static let signatureLength = 72

    /// The message a cosigner signs for a checkpoint body at `timestamp`.
    public static func message(forBody body: [UInt8], timestamp: UInt64) -> [UInt8] {
        Array("cosignature/v1\ntime \(timestamp)\n".utf8) + body
    }

    /// The timestamp a cosignature claims, or nil if the bytes are not a timestamped Ed25519
    /// signature (wrong length, or a timestamp above 2^63 − 1, which the spec forbids).
    public static func timestamp(of signature: [UInt8]) -> UInt64? {
        guard signature.count == signatureLength else { return nil }
        let timestamp = signature.prefix(8).reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
        return timestamp <= UInt64(Int64.max) ? timestamp : nil
    }

    /// The 8 big-endian bytes of `timestamp`.
    static func timestampBytes(_ timestamp: UInt64) -> [UInt8] {
        (0..<8).reversed().map { UInt8(truncatingIfNeeded: timestamp >> (UInt64($0) * 8)) }
    }
}
