/// Why a Sigstore document could not be decoded or encoded.
///
/// `field` names the offending member as a path from the document root, for example
/// `verificationMaterial.tlogEntries[0].logIndex`, so a user can find the mistake.
public struct ModelError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Code: Sendable, Hashable {
        /// Not JSON, or JSON nested or sized beyond the limits.
        case malformedJSON
        /// A required member is absent.
        case missingField
        /// A member the schema does not define (strict protobuf-JSON parsers reject these).
        case unknownField
        /// A member has the wrong JSON type.
        case wrongType
        /// A member has the right type but a value the format forbids (bad base64, negative index…).
        case invalidValue
        /// The document's media type is not one this library reads.
        case unsupportedMediaType
        /// A Rekor entry kind or version this library does not understand.
        case unsupportedEntryKind
    }

    public var code: Code
    public var field: String
    public var message: String

    public init(_ code: Code, field: String, _ message: String) {
        self.code = code
        self.field = field
        self.message = message
    }

    public var description: String {
        field.isEmpty ? message : "\(field): \(message)"
    }
}
