import Crypto
import Synchronization
import X509

/// Chain links (a CA certificate signed by the next one) already checked, so a chain that every
/// submission repeats, such as the dev CA's intermediate and root, costs one signature
/// verification per certificate instead of two.
///
/// Keyed by the SHA-256 of both DER encodings: a link is trusted again only for the very same
/// bytes. Bounded: when full, it starts over.
final class VerifiedLinks: Sendable {
    static let capacity = 1_024

    private let links = Mutex<Set<SHA256Digest>>([])

    func contains(_ subject: Certificate, signedBy issuer: Certificate) -> Bool {
        let key = Self.key(subject, issuer)
        return links.withLock { $0.contains(key) }
    }

    func insert(_ subject: Certificate, signedBy issuer: Certificate) {
        let key = Self.key(subject, issuer)
        links.withLock { links in
            if links.count >= Self.capacity { links.removeAll(keepingCapacity: true) }
            links.insert(key)
        }
    }

    private static func key(_ subject: Certificate, _ issuer: Certificate) -> SHA256Digest {
        var hasher = SHA256()
        let subjectDER = ChainSubmission.der(subject)
        let issuerDER = ChainSubmission.der(issuer)
        // Length-prefixed, so no two different pairs hash the same bytes.
        hasher.update(data: withUnsafeBytes(of: UInt64(subjectDER.count).bigEndian) { Array($0) })
        hasher.update(data: subjectDER)
        hasher.update(data: issuerDER)
        return hasher.finalize()
    }
}
