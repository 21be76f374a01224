import OIDC

/// Read access to a verified token's claims for the identity mapping.
struct TokenClaims {
    let values: [String: JSONValue]

    init(_ values: [String: JSONValue]) {
        self.values = values
    }

    subscript(name: String) -> JSONValue? {
        values[name]
    }

    /// The claim `name` when it is a non-empty string.
    func string(_ name: String) -> String? {
        guard let text = values[name]?.stringValue, !text.isEmpty else { return nil }
        return text
    }

    /// Top-level claims as template values: strings as they are, integers in decimal, booleans as
    /// `true`/`false`. Objects, arrays, fractions and null are left out, so templates cannot read them.
    var templateValues: [String: String] {
        values.compactMapValues { value in
            switch value {
            case .string(let text): text
            case .bool(let flag): flag ? "true" : "false"
            case .integer(let integer): String(integer)
            default: nil
            }
        }
    }
}
