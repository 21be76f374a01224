/// The fields of one protobuf message, in declaration order.
///
/// Declared with their `.proto` names; the JSON name is derived the way `protoc` does it
/// (drop each `_` and upper-case the letter after it). Readers accept either spelling, as
/// protobuf-JSON parsers must; writers emit the JSON name.
package struct ProtoFields: Sendable {
    /// JSON (lowerCamelCase) names in declaration order.
    package let jsonNames: [String]
    private let jsonNameBySpelling: [String: String]

    package init(_ protoNames: String...) {
        var jsonNames: [String] = []
        var bySpelling: [String: String] = [:]
        for protoName in protoNames {
            let jsonName = Self.jsonName(forProtoName: protoName)
            jsonNames.append(jsonName)
            bySpelling[jsonName] = jsonName
            bySpelling[protoName] = jsonName
        }
        self.jsonNames = jsonNames
        self.jsonNameBySpelling = bySpelling
    }

    /// The JSON name for a member spelled `spelling` in a document, or `nil` if the message
    /// has no such field.
    package func jsonName(forSpelling spelling: String) -> String? {
        jsonNameBySpelling[spelling]
    }

    /// `protoc`'s JSON name rule: `rfc3161_timestamps` → `rfc3161Timestamps`.
    package static func jsonName(forProtoName protoName: String) -> String {
        var result = ""
        var upperNext = false
        for character in protoName {
            if character == "_" {
                upperNext = true
            } else if upperNext {
                result += character.uppercased()
                upperNext = false
            } else {
                result.append(character)
            }
        }
        return result
    }
}
