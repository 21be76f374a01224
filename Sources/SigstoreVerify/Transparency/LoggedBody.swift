import SigstoreCrypto
import SigstoreModels

/// A log entry's body, by Rekor generation.
///
/// Rekor v1 bodies are hashed as the bundle carries them and then read for consistency with
/// the bundle. Rekor v2 bodies are never trusted: the verifier rebuilds them from the bundle
/// byte for byte (interop contract §5.3), so only the kind is taken from the entry.
enum LoggedBody: Sendable {
    /// `hashedrekord 0.0.1`, `dsse 0.0.1` or `intoto 0.0.2`, decoded from `canonicalizedBody`.
    case rekorV1(RekorEntry)
    /// `hashedrekord 0.0.2`.
    case hashedRekordV2
    /// `dsse 0.0.2` (written by staging logs before rekor-tiles v2.3.0).
    case dsseV2

    init(_ entry: TransparencyLogEntry) throws(VerificationError) {
        let kind = entry.kindVersion
        switch (kind.kind, kind.version) {
        case (RekorV2.HashedRekordLogEntry.kind, RekorV2.HashedRekordLogEntry.apiVersion):
            self = .hashedRekordV2
        case (RekorV2.DSSELogEntry.kind, RekorV2.DSSELogEntry.apiVersion):
            self = .dsseV2
        case (RekorV1.HashedRekord.kind, RekorV1.HashedRekord.apiVersion), (RekorV1.DSSEEntry.kind, RekorV1.DSSEEntry.apiVersion),
            (RekorV1.IntotoEntry.kind, RekorV1.IntotoEntry.apiVersion):
            let body: RekorEntry
            do {
                body = try RekorEntry(decoding: entry.canonicalizedBody)
            } catch {
                throw VerificationError(.invalidTransparencyLogEntry, "the log entry body is not a valid \(kind.kind) \(kind.version) entry: \(error)")
            }
            guard body.kind == kind.kind, body.apiVersion == kind.version else {
                throw VerificationError(.invalidTransparencyLogEntry, "the log entry body is \(body.kind) \(body.apiVersion), but kindVersion says \(kind.kind) \(kind.version)")
            }
            self = .rekorV1(body)
        default:
            throw VerificationError(.invalidTransparencyLogEntry, "log entries of kind \(kind.kind) \(kind.version) are not supported")
        }
    }

    /// Whether the entry comes from a Rekor v2 (tile-based) log.
    var isRekorV2: Bool {
        if case .rekorV1 = self { return false }
        return true
    }

    /// The digest algorithm of a `hashedrekord 0.0.1` body over an artifact, which the
    /// artifact is hashed with up front.
    var messageDigestAlgorithm: HashAlgorithm? {
        guard case .rekorV1(.hashedRekordV001(let record)) = self else { return nil }
        return HashAlgorithm(rawValue: record.data.algorithm.rawValue)
    }
}
