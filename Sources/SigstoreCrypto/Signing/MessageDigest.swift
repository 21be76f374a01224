import Crypto
import Foundation

/// A digest typed the way swift-crypto's signing APIs want it.
///
/// swift-crypto offers no public way to wrap digest bytes that arrive from outside (a
/// hashedrekord digest, a CMS message digest), so ``init(bytes:algorithm:)`` copies them into
/// the digest's storage and then checks the result reads back byte for byte; if swift-crypto
/// ever changes its layout, the check fails and callers get `nil`, never a wrong digest.
enum MessageDigest {
    case sha256(SHA256.Digest)
    case sha384(SHA384.Digest)
    case sha512(SHA512.Digest)

    init(hashing message: some DataProtocol, with algorithm: HashAlgorithm) {
        switch algorithm {
        case .sha256: self = .sha256(SHA256.hash(data: message))
        case .sha384: self = .sha384(SHA384.hash(data: message))
        case .sha512: self = .sha512(SHA512.hash(data: message))
        }
    }

    init?(bytes: some DataProtocol, algorithm: HashAlgorithm) {
        let bytes = Array(bytes)
        guard bytes.count == algorithm.digestLength else { return nil }
        switch algorithm {
        case .sha256: guard let digest = Self.load(SHA256.Digest.self, from: bytes) else { return nil }; self = .sha256(digest)
        case .sha384: guard let digest = Self.load(SHA384.Digest.self, from: bytes) else { return nil }; self = .sha384(digest)
        case .sha512: guard let digest = Self.load(SHA512.Digest.self, from: bytes) else { return nil }; self = .sha512(digest)
        }
    }

    private static func load<D: Digest>(_ type: D.Type, from bytes: [UInt8]) -> D? {
        guard bytes.count == D.byteCount, MemoryLayout<D>.size == D.byteCount else { return nil }
        let digest = bytes.withUnsafeBytes { $0.loadUnaligned(as: D.self) }
        return Array(digest) == bytes ? digest : nil
    }
}
