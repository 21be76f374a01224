import Crypto

/// A SHA-256 value held inline, so hot loops (tree building, proof checking) hash without
/// allocating; the public API speaks `[UInt8]` and converts at the edges.
struct Hash32: Hashable, Sendable {
    typealias Words = (UInt64, UInt64, UInt64, UInt64)

    static let byteCount = 32

    private var words: Words

    init(words: Words) {
        self.words = words
    }

    /// - Precondition: `bytes.count == 32`; callers validate untrusted input first.
    init(_ bytes: UnsafeRawBufferPointer) {
        precondition(bytes.count == Self.byteCount, "a hash is 32 bytes")
        words = bytes.loadUnaligned(as: Words.self)
    }

    /// Returns nil unless `bytes` is exactly 32 bytes long.
    init?(validating bytes: [UInt8]) {
        guard bytes.count == Self.byteCount else { return nil }
        self = bytes.withUnsafeBytes { Hash32($0) }
    }

    var bytes: [UInt8] {
        withUnsafeBytes { Array($0) }
    }

    func withUnsafeBytes<Result>(_ body: (UnsafeRawBufferPointer) throws -> Result) rethrows -> Result {
        try Swift.withUnsafeBytes(of: words, body)
    }

    static func == (lhs: Hash32, rhs: Hash32) -> Bool {
        lhs.words.0 == rhs.words.0 && lhs.words.1 == rhs.words.1
            && lhs.words.2 == rhs.words.2 && lhs.words.3 == rhs.words.3
    }

    func hash(into hasher: inout Hasher) {
        withUnsafeBytes { hasher.combine(bytes: $0) }
    }
}

extension Hash32 {
    /// Converts untrusted input, throwing ``MerkleError/Code/invalidHashLength`` with `what` in the message.
    static func checked(_ bytes: [UInt8], _ what: @autoclosure () -> String) throws -> Hash32 {
        guard let hash = Hash32(validating: bytes) else {
            throw MerkleError(.invalidHashLength, "\(what()) is \(bytes.count) bytes, not 32")
        }
        return hash
    }
}

extension Hash32 {
    init(_ digest: SHA256Digest) {
        self = digest.withUnsafeBytes { Hash32($0) }
    }
}
