/// How a certificate value (a SAN, the OIDC issuer) must look: exactly a given string, or
/// matching a regular expression over the whole value.
///
/// Comparison is on the exact characters: no case folding, no normalisation, and a trailing
/// slash matters (`https://accounts.google.com` is not `https://accounts.google.com/`).
public enum IdentityMatcher: Sendable, Hashable, CustomStringConvertible {
    /// The value must equal this string.
    case exact(String)
    /// The whole value must match this regular expression (Swift `Regex` syntax, which
    /// accepts the usual RE2/PCRE forms). It is anchored at both ends: `.*@example\.com`
    /// matches `alice@example.com` but not `alice@example.com.evil`.
    case regex(String)

    /// Whether `value` satisfies the matcher.
    ///
    /// - Throws: ``VerificationError/Code/invalidPolicy`` when the pattern does not compile.
    public func matches(_ value: String) throws(VerificationError) -> Bool {
        switch self {
        case .exact(let expected):
            // Byte equality: Swift's `==` would equate canonically equivalent Unicode forms.
            return value.utf8.elementsEqual(expected.utf8)
        case .regex(let pattern):
            let regex: Regex<AnyRegexOutput>
            do {
                regex = try Regex(pattern)
            } catch {
                throw VerificationError(.invalidPolicy, "the regular expression \(String(reflecting: pattern)) does not compile: \(error)")
            }
            // Scalar semantics, as RE2 and PCRE use: `.` is one code point, not one grapheme.
            return (try? regex.matchingSemantics(.unicodeScalar).wholeMatch(in: value)) != nil
        }
    }

    /// Checks that a pattern compiles, so a bad policy fails before any bundle is read.
    func validate() throws(VerificationError) {
        _ = try matches("")
    }

    public var description: String {
        switch self {
        case .exact(let value): String(reflecting: value)
        case .regex(let pattern): "/\(pattern)/"
        }
    }
}
