import Yams

/// A YAML mapping read key by key, so that whatever is left over can be reported as unknown.
struct ConfigurationMapping {
    private(set) var entries: [(key: String, value: Node)]
    private var remaining: [String: Node]
    private let path: String

    init(_ node: Node, at path: String) throws {
        guard case .mapping(let mapping) = node else {
            throw CAError(.invalidConfiguration, "\(path) must be a mapping")
        }
        var entries: [(key: String, value: Node)] = []
        var remaining: [String: Node] = [:]
        for (keyNode, value) in mapping {
            guard case .scalar(let key) = keyNode else {
                throw CAError(.invalidConfiguration, "\(path) has a key that is not a string")
            }
            guard remaining.updateValue(value, forKey: key.string) == nil else {
                throw CAError(.invalidConfiguration, "\(path) repeats the key '\(key.string)'")
            }
            entries.append((key.string, value))
        }
        self.entries = entries
        self.remaining = remaining
        self.path = path
    }

    /// Removes and returns the value under the first of `names` present (aliases of one key).
    mutating func take(_ names: [String]) throws -> Node? {
        let present = names.filter { remaining[$0] != nil }
        guard present.count <= 1 else {
            throw CAError(.invalidConfiguration, "\(path) sets both \(present.joined(separator: " and "))")
        }
        return present.first.flatMap { remaining.removeValue(forKey: $0) }
    }

    mutating func string(_ names: [String]) throws -> String? {
        guard let node = try take(names) else { return nil }
        guard case .scalar(let scalar) = node else {
            throw CAError(.invalidConfiguration, "\(path).\(names[0]) must be a string")
        }
        // An explicit YAML null (`key:` or `~`) reads as absent.
        if scalar.style == .plain, ["", "~", "null"].contains(scalar.string) { return nil }
        return scalar.string
    }

    mutating func bool(_ names: [String]) throws -> Bool? {
        guard let text = try string(names) else { return nil }
        switch text {
        case "true": return true
        case "false": return false
        default: throw CAError(.invalidConfiguration, "\(path).\(names[0]) must be true or false, not '\(text)'")
        }
    }

    /// Fails on any key nobody took.
    func finish() throws {
        if let unknown = entries.map(\.key).first(where: { remaining[$0] != nil }) {
            throw CAError(.invalidConfiguration, "\(path) has unknown key '\(unknown)'")
        }
    }
}
