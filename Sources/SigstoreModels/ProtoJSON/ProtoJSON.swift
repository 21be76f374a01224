public import Foundation

/// Reads and writes Sigstore documents (bundles, trusted roots, signing configurations,
/// transparency log entries, DSSE envelopes) as protobuf-JSON.
///
/// Decoding is strict the way Go's `protojson` and sigstore-python are: unknown members,
/// wrong JSON types and malformed values are errors. Every failure is a ``ModelError`` whose
/// `field` names the offending member, e.g. `verificationMaterial.tlogEntries[0].logIndex`.
///
/// Encoding follows the rules every client reads: lowerCamelCase names in field order,
/// 64-bit integers as strings, padded standard base64, enum names, UTC timestamps, and no
/// members for unset fields.
public enum ProtoJSON {
    /// The largest document ``decode(_:from:)`` reads.
    public static let maximumDocumentSize = 64 << 20

    /// Decodes `type` from protobuf-JSON `data`.
    public static func decode<T: Decodable>(_ type: T.Type, from data: some DataProtocol) throws(ModelError) -> T {
        guard data.count <= maximumDocumentSize else {
            throw ModelError(.malformedJSON, field: "", "document is larger than \(maximumDocumentSize) bytes")
        }
        do {
            return try JSONDecoder().decode(type, from: Data(data))
        } catch let error as ModelError {
            throw error
        } catch let error as DecodingError {
            throw modelError(for: error)
        } catch {
            throw ModelError(.malformedJSON, field: "", "\(error)")
        }
    }

    /// Encodes `value` as protobuf-JSON: compact, or indented by two spaces when `pretty`.
    public static func encode(_ value: some Encodable, pretty: Bool = false) throws(ModelError) -> [UInt8] {
        do {
            return try ProtoJSONTreeEncoder.tree(for: value).serialized(pretty: pretty)
        } catch let error as ModelError {
            throw error
        } catch let EncodingError.invalidValue(_, context) {
            throw ModelError(.invalidValue, field: fieldPath(context.codingPath), context.debugDescription)
        } catch {
            throw ModelError(.invalidValue, field: "", "\(error)")
        }
    }

    /// `verificationMaterial.tlogEntries[0].logIndex` for the coding path to that member.
    package static func fieldPath(_ codingPath: [any CodingKey]) -> String {
        var path = ""
        for key in codingPath {
            if let index = key.intValue {
                path += "[\(index)]"
            } else {
                path += path.isEmpty ? key.stringValue : "." + key.stringValue
            }
        }
        return path
    }

    // The single place where Foundation's errors become ModelError.
    private static func modelError(for error: DecodingError) -> ModelError {
        switch error {
        case .keyNotFound(let key, let context):
            return ModelError(.missingField, field: fieldPath(context.codingPath + [key]), "required member is missing")
        case .typeMismatch(let type, let context):
            return ModelError(.wrongType, field: fieldPath(context.codingPath), "expected \(jsonKind(of: type))")
        case .valueNotFound(let type, let context):
            return ModelError(.wrongType, field: fieldPath(context.codingPath), "expected \(jsonKind(of: type)), found null")
        case .dataCorrupted(let context):
            // Foundation reports unparsable text with an empty path.
            if context.codingPath.isEmpty {
                return ModelError(.malformedJSON, field: "", "not valid JSON: \(context.debugDescription)")
            }
            return ModelError(.invalidValue, field: fieldPath(context.codingPath), context.debugDescription)
        @unknown default:
            return ModelError(.malformedJSON, field: "", "\(error)")
        }
    }

    private static func jsonKind(of type: Any.Type) -> String {
        switch type {
        case is String.Type: "a string"
        case is Bool.Type: "a boolean"
        case is any BinaryInteger.Type, is Double.Type, is Float.Type: "a number"
        case is [Any].Type: "an array"
        default: "an object"
        }
    }
}
