/// The cost parameters of scrypt (RFC 7914) as an encrypted key file records them.
public struct ScryptParameters: Sendable, Hashable, CustomStringConvertible {
    /// N, the CPU/memory cost: a power of two.
    public var cost: Int
    /// r, the block size.
    public var blockSize: Int
    /// p, the parallelisation.
    public var parallelism: Int

    /// Creates a parameter set; ``EncryptedSigningKey`` checks it against ``isWithinLimits``.
    public init(cost: Int, blockSize: Int, parallelism: Int) {
        self.cost = cost
        self.blockSize = blockSize
        self.parallelism = parallelism
    }

    /// N = 65536, r = 8, p = 1: what `cosign generate-key-pair` writes today (the "standard"
    /// strength of go-securesystemslib's `encrypted` package). 64 MiB of memory to derive.
    public static let cosignDefault = ScryptParameters(cost: 65536, blockSize: 8, parallelism: 1)
    /// N = 32768, r = 8, p = 1: what older cosign releases wrote ("legacy").
    public static let cosignLegacy = ScryptParameters(cost: 32768, blockSize: 8, parallelism: 1)
    /// N = 131072, r = 8, p = 1: go-securesystemslib's "OWASP" strength.
    public static let owasp = ScryptParameters(cost: 131_072, blockSize: 8, parallelism: 1)

    /// The most memory one derivation may take (128 · N · r bytes): a key file must not be able
    /// to make the reader allocate gigabytes.
    public static let maximumMemory = 256 << 20

    /// Whether these parameters are ones Signet reads and writes: N a power of two from 2^10,
    /// r in 1…32, p in 1…16, and at most ``maximumMemory`` bytes of memory.
    ///
    /// cosign itself reads only ``cosignLegacy``, ``cosignDefault`` and ``owasp``; keys meant for
    /// cosign should use one of those.
    public var isWithinLimits: Bool {
        guard cost >= 1024, cost.nonzeroBitCount == 1, (1...32).contains(blockSize), (1...16).contains(parallelism) else {
            return false
        }
        let (memory, overflow) = (128 * blockSize).multipliedReportingOverflow(by: cost)
        return !overflow && memory <= Self.maximumMemory
    }

    public var description: String { "scrypt N=\(cost) r=\(blockSize) p=\(parallelism)" }
}
