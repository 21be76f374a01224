/// Bounds applied while parsing untrusted JSON.
///
/// The size bound is the caller's choice because it depends on the document: a Rekor entry body,
/// a bundle and a trusted root have very different legitimate sizes.
public struct JSONLimits: Sendable, Hashable {
    /// The largest input accepted, in bytes.
    public var maxBytes: Int
    /// The deepest nesting of arrays and objects accepted; the top-level value is depth 1.
    public var maxDepth: Int

    /// The nesting depth used when the caller does not choose one. Sigstore documents nest
    /// about ten levels deep; 64 leaves room for in-toto predicates without allowing stack abuse.
    public static let defaultMaxDepth = 64

    public init(maxBytes: Int, maxDepth: Int = JSONLimits.defaultMaxDepth) {
        self.maxBytes = maxBytes
        self.maxDepth = maxDepth
    }
}
