import SigstoreVerify
import Testing

@Suite struct IdentityMatcherTests {
    @Test(arguments: [
        (IdentityMatcher.exact("alice@example.com"), "alice@example.com", true),
        (.exact("https://accounts.google.com"), "https://accounts.google.com/", false),
        (.exact("Alice@example.com"), "alice@example.com", false),
        // Canonically equivalent but different scalars: no normalisation.
        (.exact("caf\u{e9}"), "cafe\u{301}", false),
        (.regex(#".*@example\.com"#), "alice@example.com", true),
        (.regex(#".*@example\.com"#), "alice@example.com.evil", false),
        (.regex("example"), "alice@example.com", false),
        (.regex(#"https://github\.com/[^/]+/repo/\.github/workflows/.*"#), "https://github.com/org/repo/.github/workflows/ci.yml@refs/heads/main", true),
        (.regex("a.c"), "a\u{e9}c", true),
    ] as [(IdentityMatcher, String, Bool)])
    func matches(_ matcher: IdentityMatcher, value: String, expected: Bool) throws {
        #expect(try matcher.matches(value) == expected)
    }

    @Test func refusesAPatternThatDoesNotCompile() {
        #expect(throws: VerificationError.self) { try IdentityMatcher.regex("(unclosed").matches("x") }
        do {
            _ = try IdentityMatcher.regex("[z-a]").matches("x")
            Issue.record("an invalid range compiled")
        } catch {
            #expect(error.code == .invalidPolicy)
        }
    }
}
