import SigstoreCrypto
import Synchronization

/// SHA-256 of an issuer's DER SubjectPublicKeyInfo, by the issuer's DER TBSCertificate.
///
/// Every `precert_entry` binds the precertificate to its issuer's key, and a CA issues all its
/// precertificates under the same few issuers: remembering the hash spares a parse of the issuer's
/// TBSCertificate for each entry built or checked. The cache is keyed by the whole TBS, so a
/// different issuer (or key) is always parsed; it is emptied when it grows past a few hundred.
enum IssuerKeyHashes {
    private static let limit = 256
    private static let cache = Mutex<[[UInt8]: [UInt8]]>([:])

    static func hash(ofIssuerTBS issuerTBS: ArraySlice<UInt8>) throws -> [UInt8] {
        let key = Array(issuerTBS)
        if let known = cache.withLock({ $0[key] }) {
            return known
        }
        let hash = HashAlgorithm.sha256.hash(try TBSCertificate(derEncoded: issuerTBS).subjectPublicKeyInfo)
        cache.withLock { cache in
            if cache.count >= limit { cache.removeAll() }
            cache[key] = hash
        }
        return hash
    }
}
