import OIDC

/// A `$.a.b` path into token claims, as Fulcio's `issuer-claim` uses to find the upstream issuer
/// of a federating provider (Dex puts it in `$.federated_claims.connector_id`).
struct ClaimPath: Sendable, Hashable {
    let components: [String]

    init(_ path: String) throws {
        guard path.hasPrefix("$.") else {
            throw CAError(.invalidConfiguration, "issuer-claim '\(path)' must be a '$.claim.field' path")
        }
        let components = path.dropFirst(2).split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard !components.isEmpty, components.allSatisfy({ !$0.isEmpty }) else {
            throw CAError(.invalidConfiguration, "issuer-claim '\(path)' has an empty component")
        }
        self.components = components
    }

    /// The string at this path, or `nil`.
    func string(in claims: TokenClaims) -> String? {
        var current = claims[components[0]]
        for component in components.dropFirst() {
            current = current?[component]
        }
        guard let text = current?.stringValue, !text.isEmpty else { return nil }
        return text
    }
}
