/// How many embedded SCTs a certificate must carry and how many must verify.
public struct SCTPolicy: Sendable, Hashable {
    /// How many SCTs the list may hold.
    public var allowedCount: ClosedRange<Int>
    /// How many of them must come from trusted logs and verify. SCTs beyond that may fail
    /// (an unknown or retired log, say) without failing the certificate.
    public var requiredValid: Int

    /// Creates a policy.
    public init(allowedCount: ClosedRange<Int>, requiredValid: Int) {
        self.allowedCount = allowedCount
        self.requiredValid = requiredValid
    }

    /// Sigstore's rule: exactly one SCT, and it verifies. sigstore-python rejects zero and
    /// more than one (interop contract §2.6, §11.5).
    public static let sigstore = SCTPolicy(allowedCount: 1...1, requiredValid: 1)

    /// Any number of SCTs, of which at least `count` verify (sigstore-go's threshold rule).
    public static func atLeast(_ count: Int) -> SCTPolicy {
        SCTPolicy(allowedCount: max(count, 1)...Int.max, requiredValid: count)
    }
}
