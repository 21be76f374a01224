public import Foundation

extension JSONValue {
    /// Parses a JSON object with `JSONSerialization`, which is several times faster than decoding
    /// `JSONValue` through `Codable` (whose only way to learn a value's type is to try each in turn).
    /// This is the hot path of token verification.
    static func parseObject(_ json: some DataProtocol) -> [String: JSONValue]? {
        parse(json)?.objectValue
    }

    /// Parses any JSON text (an object, an array or a scalar) the same fast way; nil when it is
    /// not JSON.
    public static func parse(_ json: some DataProtocol) -> JSONValue? {
        guard let value = try? JSONSerialization.jsonObject(with: Data(json), options: .fragmentsAllowed) else { return nil }
        return JSONValue(foundationObject: value)
    }

    private init(foundationObject value: Any) {
        switch value {
        case let string as String:
            self = .string(string)
        case let number as NSNumber:
            // JSONSerialization marks booleans with the `c` (char) type on every platform.
            switch String(cString: number.objCType) {
            case "c": self = .bool(number.boolValue)
            case "d", "f": self = .number(number.doubleValue)
            case "Q" where number.uint64Value > UInt64(Int64.max): self = .number(number.doubleValue)
            default: self = .integer(number.int64Value)
            }
        case let array as [Any]:
            self = .array(array.map(JSONValue.init(foundationObject:)))
        case let object as [String: Any]:
            self = .object(object.mapValues(JSONValue.init(foundationObject:)))
        default:
            self = .null
        }
    }
}
