import Crypto
public import Foundation
public import SigstoreCrypto

/// What a bundle is checked against: the signed bytes, a file holding them, or only their digest.
///
/// A digest is enough for ECDSA and RSA message signatures (Sigstore signs a prehash) and for
/// in-toto statements (their subjects are digests). Pure Ed25519 message signatures sign the
/// whole message and so need ``bytes(_:)`` or ``file(_:)``.
public struct Artifact: Sendable, Hashable {
    enum Source: Sendable, Hashable {
        case bytes([UInt8])
        case file(URL)
        case digest(HashAlgorithm, [UInt8])
    }

    let source: Source

    private init(source: Source) {
        self.source = source
    }

    /// The artifact's bytes.
    public static func bytes(_ data: some DataProtocol) -> Artifact {
        Artifact(source: .bytes(Array(data)))
    }

    /// A file holding the artifact; it is read once, in chunks, when verification needs it.
    public static func file(_ url: URL) -> Artifact {
        Artifact(source: .file(url))
    }

    /// Only the artifact's SHA-256 digest, as `signet verify-blob sha256:HEX` passes it.
    public static func digest(sha256 digest: [UInt8]) -> Artifact {
        Artifact(source: .digest(.sha256, digest))
    }

    /// Only the artifact's SHA-512 digest (npm provenance subjects carry only this one).
    public static func digest(sha512 digest: [UInt8]) -> Artifact {
        Artifact(source: .digest(.sha512, digest))
    }

    /// Only the artifact's digest under `algorithm`.
    public static func digest(_ digest: [UInt8], algorithm: HashAlgorithm) -> Artifact {
        Artifact(source: .digest(algorithm, digest))
    }

    /// Parses `sha256:<hex>` (also `sha384:` and `sha512:`), the digest form verifiers accept
    /// in place of a file; `nil` when the text is not exactly that.
    public init?(digestReference text: String) {
        guard let colon = text.firstIndex(of: ":"),
            let algorithm = HashAlgorithm(rawValue: String(text[..<colon]).lowercased()),
            let digest = Hex.decode(text[text.index(after: colon)...]), digest.count == algorithm.digestLength
        else { return nil }
        self.init(source: .digest(algorithm, digest))
    }

    /// A short description for error messages.
    var label: String {
        switch source {
        case .bytes(let bytes): "the artifact (\(bytes.count) bytes)"
        case .file(let url): url.lastPathComponent
        case .digest(let algorithm, let digest): "\(algorithm.rawValue):\(Hex.encode(digest))"
        }
    }

    /// The digests under `algorithms` that this artifact can provide: every one for bytes and
    /// files (hashed in one pass), only its own for a digest.
    func digests(_ algorithms: Set<HashAlgorithm>) throws(VerificationError) -> [HashAlgorithm: [UInt8]] {
        switch source {
        case .bytes(let bytes):
            return Dictionary(uniqueKeysWithValues: algorithms.map { ($0, $0.hash(bytes)) })
        case .file(let url):
            var hasher = MultiHasher(algorithms)
            try Self.read(url) { chunk in hasher.update(chunk) }
            return hasher.finalize()
        case .digest(let algorithm, let digest):
            return [algorithm: digest]
        }
    }

    /// The whole message, for signature schemes without a prehash; `nil` for a digest.
    func message() throws(VerificationError) -> [UInt8]? {
        switch source {
        case .bytes(let bytes):
            return bytes
        case .file(let url):
            var bytes: [UInt8] = []
            try Self.read(url) { bytes += $0 }
            return bytes
        case .digest:
            return nil
        }
    }

    private static func read(_ url: URL, _ body: (Data) -> Void) throws(VerificationError) {
        do {
            let handle = try FileHandle(forReadingFrom: url)
            defer { try? handle.close() }
            while let chunk = try handle.read(upToCount: VerificationLimits.fileChunkSize), !chunk.isEmpty {
                body(chunk)
            }
        } catch {
            throw VerificationError(.unreadableArtifact, "cannot read \(url.path): \(error.localizedDescription)")
        }
    }
}

/// SHA-2 hashers for several algorithms fed from one pass over the input.
private struct MultiHasher {
    private var sha256: SHA256?
    private var sha384: SHA384?
    private var sha512: SHA512?

    init(_ algorithms: Set<HashAlgorithm>) {
        sha256 = algorithms.contains(.sha256) ? SHA256() : nil
        sha384 = algorithms.contains(.sha384) ? SHA384() : nil
        sha512 = algorithms.contains(.sha512) ? SHA512() : nil
    }

    mutating func update(_ data: Data) {
        sha256?.update(data: data)
        sha384?.update(data: data)
        sha512?.update(data: data)
    }

    func finalize() -> [HashAlgorithm: [UInt8]] {
        var digests: [HashAlgorithm: [UInt8]] = [:]
        if let sha256 { digests[.sha256] = Array(sha256.finalize()) }
        if let sha384 { digests[.sha384] = Array(sha384.finalize()) }
        if let sha512 { digests[.sha512] = Array(sha512.finalize()) }
        return digests
    }
}
