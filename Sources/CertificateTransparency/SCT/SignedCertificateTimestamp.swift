public import Foundation

/// An RFC 6962 v1 signed certificate timestamp: a log's promise to include a certificate or
/// precertificate (§3.2).
///
/// The TLS form (``tlsEncoded``) is what the embedded SCT list carries; the JSON form is what
/// `add-chain` and `add-pre-chain` return (see ``init(jsonEncoded:)``). Values are validated when
/// built, so encoding never fails.
public struct SignedCertificateTimestamp: Sendable, Hashable {
    /// The only version this module reads or writes: `v1(0)`.
    public static let version: UInt8 = 0

    /// The log ID: SHA-256 of the log key's DER SubjectPublicKeyInfo (32 bytes).
    public let logID: [UInt8]
    /// Milliseconds since the Unix epoch, ignoring leap seconds.
    public let timestamp: UInt64
    /// The `CtExtensions` bytes; empty for classic logs, a `leaf_index` for static-CT logs.
    public let extensions: [UInt8]
    /// The log's signature over the entry (see ``signedData(for:)``).
    public let signature: DigitallySigned

    /// Creates an SCT from its parts.
    ///
    /// - Throws: ``CTError/Code/malformedEncoding`` when `logID` is not 32 bytes or `extensions`
    ///   is longer than 65 535 bytes.
    public init(logID: [UInt8], timestamp: UInt64, extensions: [UInt8] = [], signature: DigitallySigned) throws {
        guard logID.count == 32 else {
            throw CTError(.malformedEncoding, "an SCT log ID is 32 bytes, got \(logID.count)")
        }
        guard TLSWriter.fits(extensions.count, lengthBytes: 2) else {
            throw CTError(.malformedEncoding, "SCT extensions are at most 65535 bytes, got \(extensions.count)")
        }
        self.logID = logID
        self.timestamp = timestamp
        self.extensions = extensions
        self.signature = signature
    }

    /// Parses a TLS-encoded `SignedCertificateTimestamp`, exactly: no missing or trailing bytes.
    ///
    /// - Throws: ``CTError/Code/malformedEncoding`` for truncated or overlong input,
    ///   ``CTError/Code/unsupportedAlgorithm`` for an SCT version other than v1.
    public init(tlsEncoded bytes: some DataProtocol) throws {
        var reader = TLSReader(Array(bytes), structure: "SCT")
        let version = try reader.readUInt8("version")
        guard version == Self.version else {
            throw CTError(.unsupportedAlgorithm, "SCT version \(version) is not v1 (0)")
        }
        let logID = Array(try reader.readBytes(32, "log ID"))
        let timestamp = try reader.readUInt64("timestamp")
        let extensions = Array(try reader.readVector(lengthBytes: 2, "extensions"))
        let signature = try DigitallySigned(reading: &reader)
        try reader.finish()
        try self.init(logID: logID, timestamp: timestamp, extensions: extensions, signature: signature)
    }

    /// The TLS encoding: `u8 version ‖ log_id[32] ‖ u64 timestamp ‖ u16 ext_len ‖ ext ‖ DigitallySigned`.
    public var tlsEncoded: [UInt8] {
        var writer = TLSWriter()
        writer.append(Self.version)
        writer.append(bytes: logID)
        writer.append(uint64: timestamp)
        writer.appendVector(extensions, lengthBytes: 2)
        signature.write(to: &writer)
        return writer.bytes
    }

    /// ``timestamp`` as a date.
    public var date: Date {
        Date(timeIntervalSince1970: TimeInterval(timestamp) / 1000)
    }

    /// Milliseconds since the epoch for `date`, rounded down, as CT timestamps count time.
    ///
    /// - Throws: ``CTError/Code/malformedEncoding`` for dates before 1970 or beyond `UInt64` milliseconds.
    public static func timestamp(for date: Date) throws -> UInt64 {
        let exact = date.timeIntervalSince1970 * 1000
        // `Date` counts seconds since 2001 in a Double, so a whole millisecond often comes back
        // as …999.9999; snap to it before rounding down, or round trips through `date` lose 1 ms.
        let nearest = exact.rounded()
        let milliseconds = abs(exact - nearest) < 0.001 ? nearest : exact.rounded(.down)
        guard milliseconds >= 0, let value = UInt64(exactly: milliseconds) else {
            throw CTError(.malformedEncoding, "\(date) cannot be a CT timestamp (milliseconds since 1970 as a u64)")
        }
        return value
    }
}
