public import SwiftASN1
public import X509

extension TimestampIssuer {
    /// What an issuer grants and how it encodes tokens.
    public struct Configuration: Sendable {
        /// Which certificates a token carries when the request sets `certReq`.
        public enum EmbeddedCertificates: Sendable, Hashable {
            /// Only the TSA leaf, which RFC 3161 requires.
            case leaf
            /// The leaf and any intermediates, never the root: verifiers must take the root from their trust
            /// store, and intermediates let OpenSSL build the path with `-CAfile` alone.
            case chainWithoutRoot
        }

        /// The policy used when a request names none: Sigstore's `1.3.6.1.4.1.57264.2` by default.
        public var defaultPolicy: ASN1ObjectIdentifier
        /// Further policies a request may name; the default policy is always accepted.
        public var acceptedPolicies: Set<ASN1ObjectIdentifier>
        /// The stated accuracy of genTime; one second by default, like the Sigstore reference TSA.
        public var accuracy: Accuracy?
        /// Whether requests with extensions are accepted (their extensions are then ignored). Off by default.
        public var acceptsExtensions: Bool
        /// Which certificates to embed when asked.
        public var embeddedCertificates: EmbeddedCertificates
        /// Whether to add a signingTime signed attribute (OpenSSL does; RFC 3161 does not need it).
        public var includesSigningTime: Bool
        /// The TSTInfo `tsa` name, if any.
        public var tsaName: GeneralName?

        /// Creates a configuration; the defaults follow interop contract §7.
        public init(
            defaultPolicy: ASN1ObjectIdentifier = .TimeStamping.sigstoreDefaultPolicy,
            acceptedPolicies: Set<ASN1ObjectIdentifier> = [],
            accuracy: Accuracy? = Accuracy(seconds: 1),
            acceptsExtensions: Bool = false,
            embeddedCertificates: EmbeddedCertificates = .chainWithoutRoot,
            includesSigningTime: Bool = false,
            tsaName: GeneralName? = nil
        ) {
            self.defaultPolicy = defaultPolicy
            self.acceptedPolicies = acceptedPolicies
            self.accuracy = accuracy
            self.acceptsExtensions = acceptsExtensions
            self.embeddedCertificates = embeddedCertificates
            self.includesSigningTime = includesSigningTime
            self.tsaName = tsaName
        }
    }
}
