import Foundation
import OIDC

/// A JSON object read field by field with protobuf-JSON rules (interop contract §1.2): either
/// spelling of a name, `null` as unset, `bytes` as any base64, and unknown fields refused.
struct ProtoJSONObject {
    private var fields: [String: JSONValue]
    private let path: String

    init(_ json: some DataProtocol, at path: String) throws {
        guard let value = JSONValue.parse(json) else {
            throw CAError(.invalidRequest, "the \(path) body is not JSON")
        }
        try self.init(value, at: path)
    }

    init(_ value: JSONValue, at path: String) throws {
        guard let fields = value.objectValue else { throw CAError(.invalidRequest, "\(path) must be a JSON object") }
        self.fields = fields
        self.path = path
    }

    /// Removes the field under any of `names`; `nil` when absent or `null`.
    private mutating func take(_ names: [String]) throws -> (name: String, value: JSONValue)? {
        let present = names.filter { fields[$0] != nil }
        guard present.count <= 1 else {
            throw CAError(.invalidRequest, "\(path) sets both \(present.joined(separator: " and "))")
        }
        guard let name = present.first, let value = fields.removeValue(forKey: name) else { return nil }
        return value == .null ? nil : (name, value)
    }

    mutating func string(_ names: [String]) throws -> String? {
        guard let (name, value) = try take(names) else { return nil }
        guard let text = value.stringValue else { throw CAError(.invalidRequest, "\(path).\(name) must be a string") }
        return text
    }

    /// A protobuf enum: its name or its number.
    mutating func enumeration(_ names: [String]) throws -> String? {
        guard let (name, value) = try take(names) else { return nil }
        switch value {
        case .string(let text): return text
        case .integer(let number): return String(number)
        default: throw CAError(.invalidRequest, "\(path).\(name) must be an enum name or number")
        }
    }

    mutating func bytes(_ names: [String]) throws -> [UInt8]? {
        guard let (name, value) = try take(names) else { return nil }
        guard let text = value.stringValue else { throw CAError(.invalidRequest, "\(path).\(name) must be a base64 string") }
        guard let bytes = Self.base64(text) else { throw CAError(.invalidRequest, "\(path).\(name) is not base64") }
        return bytes
    }

    mutating func object(_ names: [String]) throws -> ProtoJSONObject? {
        guard let (name, value) = try take(names) else { return nil }
        return try ProtoJSONObject(value, at: "\(path).\(name)")
    }

    /// Fails on any field not read.
    func finish() throws {
        if let unknown = fields.keys.sorted().first {
            throw CAError(.invalidRequest, "\(path) has unknown field '\(unknown)'")
        }
    }

    /// Standard or URL-safe alphabet, padding optional (what protobuf JSON readers accept).
    static func base64(_ text: String) -> [UInt8]? {
        // Most clients send padded standard base64: decode it as is, without rewriting the text.
        if text.utf8.count % 4 == 0, !text.utf8.contains(where: { $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "_") }) {
            return Data(base64Encoded: text).map(Array.init)
        }
        var standard = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        let remainder = standard.utf8.count % 4
        if remainder == 1 { return nil }
        if remainder > 0 { standard += String(repeating: "=", count: 4 - remainder) }
        return Data(base64Encoded: standard).map(Array.init)
    }
}
