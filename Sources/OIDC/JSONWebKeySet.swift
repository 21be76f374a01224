/// A JSON Web Key Set (RFC 7517 §5): `{"keys": [...]}`.
public struct JSONWebKeySet: Codable, Sendable, Hashable {
    public var keys: [JSONWebKey]

    public init(keys: [JSONWebKey]) {
        self.keys = keys
    }
}
