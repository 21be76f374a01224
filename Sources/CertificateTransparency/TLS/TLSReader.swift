/// Reads the TLS presentation language (RFC 5246 §4) that RFC 6962 structures use: big-endian
/// integers and length-prefixed vectors.
///
/// Every read is bounds-checked and throws ``CTError/Code/malformedEncoding`` naming `structure`,
/// so truncated input fails cleanly instead of trapping.
struct TLSReader {
    private var remaining: ArraySlice<UInt8>
    /// What is being read, for error messages ("SCT", "SCT list").
    let structure: String

    init(_ bytes: some Collection<UInt8>, structure: String) {
        self.remaining = ArraySlice(bytes)
        self.structure = structure
    }

    /// Whether every byte has been consumed.
    var isAtEnd: Bool { remaining.isEmpty }

    mutating func readUInt8(_ field: String) throws -> UInt8 {
        let byte = try readBytes(1, field)
        return byte[byte.startIndex]
    }

    mutating func readUInt16(_ field: String) throws -> Int {
        Int(try readInteger(byteCount: 2, field))
    }

    mutating func readUInt24(_ field: String) throws -> Int {
        Int(try readInteger(byteCount: 3, field))
    }

    mutating func readUInt64(_ field: String) throws -> UInt64 {
        try readInteger(byteCount: 8, field)
    }

    /// Reads exactly `count` bytes.
    mutating func readBytes(_ count: Int, _ field: String) throws -> ArraySlice<UInt8> {
        guard count <= remaining.count else {
            throw CTError(.malformedEncoding, "\(structure) is truncated: \(field) needs \(count) bytes, \(remaining.count) left")
        }
        let bytes = remaining.prefix(count)
        remaining = remaining.dropFirst(count)
        return bytes
    }

    /// Reads a vector `<minimum..2^(8·lengthBytes)-1>`: a big-endian length of `lengthBytes` bytes,
    /// then that many bytes.
    mutating func readVector(lengthBytes: Int, minimum: Int = 0, _ field: String) throws -> ArraySlice<UInt8> {
        let length = Int(try readInteger(byteCount: lengthBytes, "\(field) length"))
        guard length >= minimum else {
            throw CTError(.malformedEncoding, "\(structure): \(field) has \(length) bytes, at least \(minimum) required")
        }
        return try readBytes(length, field)
    }

    /// Requires that nothing is left: CT structures are exact, trailing bytes are an error.
    func finish() throws {
        guard remaining.isEmpty else {
            throw CTError(.malformedEncoding, "\(structure) has \(remaining.count) trailing byte(s)")
        }
    }

    private mutating func readInteger(byteCount: Int, _ field: String) throws -> UInt64 {
        try readBytes(byteCount, field).reduce(0) { $0 << 8 | UInt64($1) }
    }
}
