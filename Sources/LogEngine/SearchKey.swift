/// A value an entry can be found by: the small `(kind, value) → index` index behind Rekor's
/// `POST /api/v1/index/retrieve`.
///
/// The log stores values exactly as given; whoever builds keys normalises them (for example
/// lowercase hex digests, lowercased email addresses) so that a later search with the same
/// normalisation finds them.
public struct SearchKey: Sendable, Hashable, CustomStringConvertible {
    /// What a key's value identifies. The raw values are stored, so never renumber them.
    public enum Kind: Int, Sendable, Hashable, CaseIterable {
        /// The SHA-256 digest of the signed artifact (or DSSE payload), lowercase hex.
        case artifactSHA256 = 1
        /// The SHA-256 fingerprint of the signing public key's DER SubjectPublicKeyInfo, lowercase hex.
        case publicKeyFingerprint = 2
        /// A signer identity: the email address or URI in the certificate's SAN.
        case identity = 3
    }

    public var kind: Kind
    public var value: String

    /// Creates a key, checking that the value is non-empty and at most
    /// ``LogEngineLimits/maximumSearchKeyLength`` bytes long.
    ///
    /// - Throws: ``LogEngineError/Code/invalidSearchKey``.
    public init(_ kind: Kind, _ value: String) throws(LogEngineError) {
        guard !value.isEmpty, value.utf8.count <= LogEngineLimits.maximumSearchKeyLength else {
            throw LogEngineError(.invalidSearchKey, "a search key value must be 1 to \(LogEngineLimits.maximumSearchKeyLength) bytes long, not \(value.utf8.count)")
        }
        self.kind = kind
        self.value = value
    }

    public var description: String { "\(kind):\(value)" }
}
