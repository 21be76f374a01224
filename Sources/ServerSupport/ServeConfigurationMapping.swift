import Foundation
import Yams

/// A YAML mapping of the serve configuration read key by key, so that typos are reported as
/// unknown keys instead of silently ignored, and every error names its full key path.
struct ServeConfigurationMapping {
    private var remaining: [String: Node]
    private let keys: [String]
    /// The dotted path of this mapping (`transparency-log.v1`), empty at the top.
    let path: String

    init(_ node: Node, at path: String) throws(ServeConfigurationError) {
        guard case .mapping(let mapping) = node else {
            throw ServeConfigurationError("\(path.isEmpty ? "the configuration" : path) must be a mapping of keys to values")
        }
        var remaining: [String: Node] = [:]
        var keys: [String] = []
        for (keyNode, value) in mapping {
            guard case .scalar(let key) = keyNode else {
                throw ServeConfigurationError("\(path.isEmpty ? "the configuration" : path) has a key that is not a string")
            }
            guard remaining.updateValue(value, forKey: key.string) == nil else {
                throw ServeConfigurationError("\(Self.join(path, key.string)) is set twice")
            }
            keys.append(key.string)
        }
        self.remaining = remaining
        self.keys = keys
        self.path = path
    }

    /// The full path of `key` in this mapping.
    func path(_ key: String) -> String { Self.join(path, key) }

    private static func join(_ path: String, _ key: String) -> String {
        path.isEmpty ? key : "\(path).\(key)"
    }

    /// Removes and returns the node under `key`; an explicit YAML null reads as absent.
    mutating func take(_ key: String) -> Node? {
        guard let node = remaining.removeValue(forKey: key) else { return nil }
        if case .scalar(let scalar) = node, scalar.style == .plain, ["", "~", "null"].contains(scalar.string) {
            return nil
        }
        return node
    }

    mutating func mapping(_ key: String) throws(ServeConfigurationError) -> ServeConfigurationMapping? {
        guard let node = take(key) else { return nil }
        return try ServeConfigurationMapping(node, at: path(key))
    }

    mutating func string(_ key: String) throws(ServeConfigurationError) -> String? {
        guard let node = take(key) else { return nil }
        guard case .scalar(let scalar) = node, !scalar.string.isEmpty else {
            throw ServeConfigurationError("\(path(key)) must be a non-empty string")
        }
        return scalar.string
    }

    mutating func requiredString(_ key: String, expected: String) throws(ServeConfigurationError) -> String {
        guard let value = try string(key) else {
            throw ServeConfigurationError("\(path(key)) is required: \(expected)")
        }
        return value
    }

    /// An integer in `range`.
    mutating func integer<T: FixedWidthInteger>(_ key: String, in range: ClosedRange<T>) throws(ServeConfigurationError) -> T? {
        guard let text = try string(key) else { return nil }
        guard let value = T(text.replacingOccurrences(of: "_", with: "")), range.contains(value) else {
            throw ServeConfigurationError("\(path(key)) must be an integer from \(range.lowerBound) to \(range.upperBound), not '\(text)'")
        }
        return value
    }

    /// A duration written `<number><unit>` with unit `us`, `ms` or `s` (`5ms`, `0.5s`); a bare
    /// `0` is zero.
    mutating func duration(_ key: String, atMost maximum: Duration) throws(ServeConfigurationError) -> Duration? {
        guard let text = try string(key) else { return nil }
        let units: [(suffix: String, scale: Double)] = [("us", 1e-6), ("ms", 1e-3), ("s", 1)]
        var duration: Duration?
        if text == "0" {
            duration = .zero
        } else if let unit = units.first(where: { text.hasSuffix($0.suffix) }),
            let number = Double(text.dropLast(unit.suffix.count)), number >= 0, number.isFinite
        {
            duration = .nanoseconds(Int64((number * unit.scale * 1e9).rounded()))
        }
        guard let duration, duration <= maximum else {
            throw ServeConfigurationError("\(path(key)) must be a duration such as 5ms, 250us or 1s, at most \(maximum), not '\(text)'")
        }
        return duration
    }

    /// Fails on any key nobody took.
    func finish() throws(ServeConfigurationError) {
        if let unknown = keys.first(where: { remaining[$0] != nil }) {
            throw ServeConfigurationError("\(path(unknown)) is not a configuration key")
        }
    }
}
