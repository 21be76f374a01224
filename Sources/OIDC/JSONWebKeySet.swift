/// A JSON Web Key Set (RFC 7517 §5): `{"keys": [...]}`.
public struct JSONWebKeySet: Codable, Sendable, Hashable {
    /// The keys, in the order published.
    public var keys: [JSONWebKey]

    /// A set of `keys`.
    public init(keys: [JSONWebKey]) {
        self.keys = keys
    }
}
