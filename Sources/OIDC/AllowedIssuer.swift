/// One entry of a verifier's issuer allow-list: which `iss` values are accepted, and the
/// audience (client ID) their tokens must carry.
public struct AllowedIssuer: Sendable, Hashable, CustomStringConvertible {
    /// How the entry matches an `iss` claim.
    public enum Match: Sendable, Hashable {
        /// The issuer URL, compared byte for byte.
        case exact(String)
        /// A meta-issuer pattern such as `https://oidc.eks.*.amazonaws.com/id/*`: each `*`
        /// stands for one or more of `A–Z a–z 0–9 - _`, so it never crosses a `.` or `/`.
        case metaIssuer(String)
    }

    /// How `iss` is matched.
    public let match: Match
    /// The client ID that `aud` must contain (Sigstore's is `sigstore`).
    public let audience: String

    /// Accepts exactly the issuer `url`.
    public init(_ url: String, audience: String = "sigstore") {
        match = .exact(url)
        self.audience = audience
    }

    /// Accepts every issuer matching the meta-issuer `pattern` (see ``Match/metaIssuer(_:)``).
    public init(metaIssuer pattern: String, audience: String = "sigstore") {
        match = .metaIssuer(pattern)
        self.audience = audience
    }

    /// Whether `issuer` (a token's `iss`) is accepted by this entry.
    public func matches(_ issuer: String) -> Bool {
        switch match {
        case .exact(let url):
            return issuer == url
        case .metaIssuer(let pattern):
            guard issuer.utf8.count <= OIDCLimits.maxIssuerLength else { return false }
            let literals = pattern.utf8.split(separator: UInt8(ascii: "*"), omittingEmptySubsequences: false).map(Array.init)
            return Self.matches(literals[...], Array(issuer.utf8)[...])
        }
    }

    public var description: String {
        switch match {
        case .exact(let url): "\(url) (audience \(audience))"
        case .metaIssuer(let pattern): "\(pattern) (meta-issuer, audience \(audience))"
        }
    }

    /// Checks the entry's shape: an http(s) URL, a non-empty audience, and for meta-issuers at
    /// least one `*` and never two in a row.
    func validate() throws(OIDCError) {
        let text: String
        switch match {
        case .exact(let url):
            text = url
        case .metaIssuer(let pattern):
            text = pattern
            guard pattern.contains("*"), !pattern.contains("**") else {
                throw OIDCError(.invalidConfiguration, "meta-issuer \(pattern) must contain single `*` wildcards")
            }
        }
        guard text.hasPrefix("https://") || text.hasPrefix("http://"), text.utf8.count <= OIDCLimits.maxIssuerLength else {
            throw OIDCError(.invalidConfiguration, "issuer \(text) must be an http(s) URL of at most \(OIDCLimits.maxIssuerLength) bytes")
        }
        guard !audience.isEmpty else {
            throw OIDCError(.invalidConfiguration, "issuer \(text) needs a non-empty audience")
        }
    }

    /// Literal, then one or more wildcard characters, then the next literal, … anchored at both ends.
    private static func matches(_ literals: ArraySlice<[UInt8]>, _ text: ArraySlice<UInt8>) -> Bool {
        guard let literal = literals.first, text.starts(with: literal) else { return false }
        let rest = text.dropFirst(literal.count)
        let remaining = literals.dropFirst()
        if remaining.isEmpty { return rest.isEmpty }
        var end = rest.startIndex
        while end < rest.endIndex, isWildcardCharacter(rest[end]) {
            end += 1
            if matches(remaining, rest[end...]) { return true }
        }
        return false
    }

    private static func isWildcardCharacter(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
            UInt8(ascii: "-"), UInt8(ascii: "_"):
            true
        default:
            false
        }
    }
}
