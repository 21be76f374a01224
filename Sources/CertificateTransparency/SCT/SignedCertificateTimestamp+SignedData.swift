/// The byte strings an SCT commits to (RFC 6962 §3.2 and §3.4).
extension SignedCertificateTimestamp {
    /// The `digitally-signed struct` the log signs for `entry`:
    /// `u8 version ‖ u8 signature_type(0) ‖ u64 timestamp ‖ u16 entry_type ‖ signed_entry ‖ u16 ext_len ‖ ext`.
    ///
    /// - Throws: ``CTError/Code/malformedEncoding`` when `entry` has lengths RFC 6962 does not allow.
    public func signedData(for entry: SignedEntry) throws -> [UInt8] {
        try Self.signedData(timestamp: timestamp, entry: entry, extensions: extensions)
    }

    /// The `MerkleTreeLeaf` a log appends for `entry` with this SCT:
    /// `u8 version ‖ u8 leaf_type(0) ‖ u64 timestamp ‖ u16 entry_type ‖ signed_entry ‖ u16 ext_len ‖ ext`.
    ///
    /// Its RFC 6962 leaf hash is SHA-256(0x00 ‖ leaf).
    public func merkleTreeLeaf(for entry: SignedEntry) throws -> [UInt8] {
        let entry = try SignedEntry.validated(entry)
        var writer = TLSWriter()
        writer.append(Self.version)
        writer.append(Self.timestampedEntryLeafType)
        writer.append(uint64: timestamp)
        entry.write(to: &writer)
        writer.appendVector(extensions, lengthBytes: 2)
        return writer.bytes
    }

    /// `SignatureType.certificate_timestamp`.
    static let certificateTimestampSignatureType: UInt8 = 0
    /// `MerkleLeafType.timestamped_entry`.
    static let timestampedEntryLeafType: UInt8 = 0

    static func signedData(timestamp: UInt64, entry: SignedEntry, extensions: [UInt8]) throws -> [UInt8] {
        let entry = try SignedEntry.validated(entry)
        guard TLSWriter.fits(extensions.count, lengthBytes: 2) else {
            throw CTError(.malformedEncoding, "SCT extensions are at most 65535 bytes, got \(extensions.count)")
        }
        var writer = TLSWriter()
        writer.append(version)
        writer.append(certificateTimestampSignatureType)
        writer.append(uint64: timestamp)
        entry.write(to: &writer)
        writer.appendVector(extensions, lengthBytes: 2)
        return writer.bytes
    }
}
