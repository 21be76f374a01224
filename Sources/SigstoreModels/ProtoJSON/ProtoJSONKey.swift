/// A member name in a protobuf-JSON object.
///
/// String-backed so that a keyed container lists every member the document really has,
/// which is how unknown members are found and rejected.
package struct ProtoJSONKey: CodingKey, Hashable, Sendable {
    package var stringValue: String
    package var intValue: Int? { nil }

    package init(_ name: String) {
        stringValue = name
    }

    package init(stringValue: String) {
        self.stringValue = stringValue
    }

    package init?(intValue: Int) {
        nil
    }
}
