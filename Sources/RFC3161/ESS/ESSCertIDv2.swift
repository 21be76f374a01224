import SigstoreCrypto
public import SwiftASN1
public import X509

/// Identifies the signing certificate by hash (RFC 5035 §5.4.1, used by RFC 5816).
///
/// ```
/// ESSCertIDv2 ::= SEQUENCE {
///     hashAlgorithm  AlgorithmIdentifier DEFAULT {algorithm id-sha256},
///     certHash       Hash,
///     issuerSerial   IssuerSerial OPTIONAL }
/// ```
public struct ESSCertIDv2: DERImplicitlyTaggable, BERImplicitlyTaggable, Hashable, Sendable {
    public static var defaultIdentifier: ASN1Identifier { .sequence }

    /// The hash algorithm; `nil` when omitted, which means SHA-256.
    public var hashAlgorithm: AlgorithmIdentifier?
    /// The hash of the certificate's DER encoding.
    public var certificateHash: [UInt8]
    /// The certificate's issuer and serial number, if given.
    public var issuerSerial: IssuerSerial?

    /// Creates an identifier from its parts.
    public init(hashAlgorithm: AlgorithmIdentifier?, certificateHash: [UInt8], issuerSerial: IssuerSerial?) {
        self.hashAlgorithm = hashAlgorithm
        self.certificateHash = certificateHash
        self.issuerSerial = issuerSerial
    }

    /// Identifies `certificate` with SHA-256 (the DEFAULT, so the algorithm is omitted) and its issuer and serial.
    public init(_ certificate: Certificate) throws {
        self.init(
            hashAlgorithm: nil,
            certificateHash: HashAlgorithm.sha256.hash(try certificate.derBytes()),
            issuerSerial: IssuerSerial(certificate)
        )
    }

    /// Whether this identifies `certificate`.
    ///
    /// - Throws: ``TimestampError/Code/unsupportedHashAlgorithm`` when the hash is not SHA-256/384/512.
    public func matches(_ certificate: Certificate) throws -> Bool {
        let hash: HashAlgorithm
        if let hashAlgorithm = self.hashAlgorithm {
            guard let known = HashAlgorithm(hashAlgorithm) else {
                throw TimestampError(.unsupportedHashAlgorithm, "ESSCertIDv2 uses \(hashAlgorithm.algorithm)")
            }
            hash = known
        } else {
            hash = .sha256
        }
        guard hash.hash(try certificate.derBytes()) == self.certificateHash else { return false }
        return self.issuerSerial?.matches(certificate) ?? true
    }

    public init(derEncoded rootNode: ASN1Node, withIdentifier identifier: ASN1Identifier) throws {
        self = try ESSCertIDv2(parsing: rootNode, withIdentifier: identifier)
    }

    public init(berEncoded rootNode: ASN1Node, withIdentifier identifier: ASN1Identifier) throws {
        self = try ESSCertIDv2(parsing: rootNode, withIdentifier: identifier)
    }

    private init(parsing rootNode: ASN1Node, withIdentifier identifier: ASN1Identifier) throws {
        self = try BER.sequence(rootNode, identifier: identifier) { nodes in
            let algorithm = try BER.optionalImplicitlyTagged(&nodes, tagNumber: 16, tagClass: .universal) {
                try AlgorithmIdentifier(berEncoded: $0)
            }
            let hash = try ASN1OctetString(berEncoded: &nodes)
            let issuerSerial = try BER.optionalImplicitlyTagged(&nodes, tagNumber: 16, tagClass: .universal) {
                try IssuerSerial(berEncoded: $0)
            }
            return ESSCertIDv2(hashAlgorithm: algorithm, certificateHash: Array(hash.bytes), issuerSerial: issuerSerial)
        }
    }

    public func serialize(into coder: inout DER.Serializer, withIdentifier identifier: ASN1Identifier) throws {
        try coder.appendConstructedNode(identifier: identifier) { coder in
            try coder.serializeOptionalImplicitlyTagged(self.hashAlgorithm)
            try coder.serialize(ASN1OctetString(contentBytes: self.certificateHash[...]))
            try coder.serializeOptionalImplicitlyTagged(self.issuerSerial)
        }
    }
}
