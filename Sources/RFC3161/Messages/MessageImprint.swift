public import Foundation
public import SigstoreCrypto
public import SwiftASN1

/// The hash of the datum to be time-stamped (RFC 3161 §2.4.1).
///
/// ```
/// MessageImprint ::= SEQUENCE {
///     hashAlgorithm  AlgorithmIdentifier,
///     hashedMessage  OCTET STRING }
/// ```
public struct MessageImprint: DERImplicitlyTaggable, BERImplicitlyTaggable, Hashable, Sendable {
    public static var defaultIdentifier: ASN1Identifier { .sequence }

    /// The hash algorithm, exactly as encoded (it is echoed byte for byte into the token).
    public var hashAlgorithm: AlgorithmIdentifier
    /// The digest.
    public var hashedMessage: [UInt8]

    /// Creates an imprint from its parts, without validating them.
    public init(hashAlgorithm: AlgorithmIdentifier, hashedMessage: [UInt8]) {
        self.hashAlgorithm = hashAlgorithm
        self.hashedMessage = hashedMessage
    }

    /// Creates the imprint of `digest` computed with `hash` (NULL parameters, as OpenSSL emits).
    public init(hash: HashAlgorithm, digest: [UInt8]) {
        self.init(hashAlgorithm: hash.algorithmIdentifier, hashedMessage: digest)
    }

    /// Hashes `message` with `hash` and wraps the digest.
    public init(hashing message: some DataProtocol, with hash: HashAlgorithm) {
        self.init(hash: hash, digest: hash.hash(message))
    }

    /// The hash algorithm when it is one this module accepts (SHA-256, SHA-384, SHA-512).
    public var hash: HashAlgorithm? { HashAlgorithm(self.hashAlgorithm) }

    /// Checks that the algorithm is SHA-256/384/512 and the digest has its length.
    ///
    /// - Throws: ``TimestampError/Code/unsupportedHashAlgorithm`` or ``TimestampError/Code/imprintLengthMismatch``.
    @discardableResult
    public func validated() throws -> HashAlgorithm {
        guard let hash else {
            let name = self.hashAlgorithm.algorithm == .AlgorithmID.sha1 ? "SHA-1" : "\(self.hashAlgorithm.algorithm)"
            throw TimestampError(
                .unsupportedHashAlgorithm,
                "hash algorithm \(name) is not accepted; use SHA-256, SHA-384 or SHA-512"
            )
        }
        guard self.hashedMessage.count == hash.digestLength else {
            throw TimestampError(
                .imprintLengthMismatch,
                "\(hash.rawValue) digest must be \(hash.digestLength) bytes, got \(self.hashedMessage.count)"
            )
        }
        return hash
    }

    public init(derEncoded rootNode: ASN1Node, withIdentifier identifier: ASN1Identifier) throws {
        self = try DER.sequence(rootNode, identifier: identifier) { nodes in
            let algorithm = try AlgorithmIdentifier(derEncoded: &nodes)
            let digest = try ASN1OctetString(derEncoded: &nodes)
            return MessageImprint(hashAlgorithm: algorithm, hashedMessage: Array(digest.bytes))
        }
    }

    public init(berEncoded rootNode: ASN1Node, withIdentifier identifier: ASN1Identifier) throws {
        self = try BER.sequence(rootNode, identifier: identifier) { nodes in
            let algorithm = try AlgorithmIdentifier(berEncoded: &nodes)
            let digest = try ASN1OctetString(berEncoded: &nodes)
            return MessageImprint(hashAlgorithm: algorithm, hashedMessage: Array(digest.bytes))
        }
    }

    public func serialize(into coder: inout DER.Serializer, withIdentifier identifier: ASN1Identifier) throws {
        try coder.appendConstructedNode(identifier: identifier) { coder in
            try coder.serialize(self.hashAlgorithm)
            try coder.serialize(ASN1OctetString(contentBytes: self.hashedMessage[...]))
        }
    }
}
