import Foundation

extension KeyedDecodingContainer {
    /// A standard-base64 string member, decoded; a malformed one is a `DecodingError`.
    func decodeBase64(forKey key: Key) throws -> [UInt8] {
        let text = try decode(String.self, forKey: key)
        guard let data = Data(base64Encoded: text) else {
            throw DecodingError.dataCorruptedError(forKey: key, in: self, debugDescription: "not standard base64")
        }
        return [UInt8](data)
    }

    /// A list of standard-base64 strings, decoded.
    func decodeBase64List(forKey key: Key) throws -> [[UInt8]] {
        let texts = try decode([String].self, forKey: key)
        return try texts.map { text in
            guard let data = Data(base64Encoded: text) else {
                throw DecodingError.dataCorruptedError(forKey: key, in: self, debugDescription: "not standard base64")
            }
            return [UInt8](data)
        }
    }
}
