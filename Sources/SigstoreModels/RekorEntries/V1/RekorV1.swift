/// The Rekor v1 REST API (`/api/v1/log…`) and the entry kinds it logs: `hashedrekord 0.0.1`,
/// `dsse 0.0.1` and, read-only, `intoto 0.0.2`.
///
/// Integers here are JSON numbers and hashes are hex, unlike the protobuf-JSON of ``RekorV2``.
public enum RekorV1 {
    /// The largest request or response body these readers accept. Rekor's own limit for a
    /// proposed entry is 32 MiB; entry bodies are a few kilobytes.
    public static let maximumDocumentSize = 32 << 20

    static var limits: JSONLimits { JSONLimits(maxBytes: maximumDocumentSize) }

    /// Encodes a v1 API value canonically; any JSON would do, canonical is stable for tests and caches.
    static func encode(_ value: some Encodable) throws(ModelError) -> [UInt8] {
        do {
            return try CanonicalJSON.encode(value)
        } catch {
            throw ModelError.from(error)
        }
    }
}
