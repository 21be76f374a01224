public import Foundation

/// A TLS `DigitallySigned` value (RFC 5246 §4.7, as RFC 6962 uses it): the hash and signature
/// algorithm followed by the signature bytes (DER for ECDSA, PKCS#1 v1.5 for RSA).
///
/// Wire form: `u8 hash ‖ u8 signature ‖ u16 length ‖ signature`.
public struct DigitallySigned: Sendable, Hashable {
    /// A TLS `HashAlgorithm` code. CT clients, and Sigstore, accept only ``sha256``.
    public struct HashAlgorithm: RawRepresentable, Sendable, Hashable, CustomStringConvertible {
        public var rawValue: UInt8
        public init(rawValue: UInt8) { self.rawValue = rawValue }

        /// `sha256(4)`, the only hash RFC 6962 logs use.
        public static let sha256 = HashAlgorithm(rawValue: 4)
        /// `sha384(5)`.
        public static let sha384 = HashAlgorithm(rawValue: 5)
        /// `sha512(6)`.
        public static let sha512 = HashAlgorithm(rawValue: 6)

        public var description: String {
            switch self {
            case .sha256: "sha256"
            case .sha384: "sha384"
            case .sha512: "sha512"
            default: "hash(\(rawValue))"
            }
        }
    }

    /// A TLS `SignatureAlgorithm` code.
    public struct SignatureAlgorithm: RawRepresentable, Sendable, Hashable, CustomStringConvertible {
        public var rawValue: UInt8
        public init(rawValue: UInt8) { self.rawValue = rawValue }

        /// `rsa(1)`: RSASSA-PKCS1-v1_5.
        public static let rsa = SignatureAlgorithm(rawValue: 1)
        /// `ecdsa(3)`: a DER `ECDSA-Sig-Value`.
        public static let ecdsa = SignatureAlgorithm(rawValue: 3)

        public var description: String {
            switch self {
            case .rsa: "rsa"
            case .ecdsa: "ecdsa"
            default: "signature(\(rawValue))"
            }
        }
    }

    /// The hash the signer applied.
    public let hashAlgorithm: HashAlgorithm
    /// The signature scheme.
    public let signatureAlgorithm: SignatureAlgorithm
    /// The signature bytes.
    public let signature: [UInt8]

    /// Creates a value from its parts.
    ///
    /// - Throws: ``CTError/Code/malformedEncoding`` when `signature` is longer than 65 535 bytes.
    public init(hashAlgorithm: HashAlgorithm, signatureAlgorithm: SignatureAlgorithm, signature: [UInt8]) throws {
        guard TLSWriter.fits(signature.count, lengthBytes: 2) else {
            throw CTError(.malformedEncoding, "a DigitallySigned signature is at most 65535 bytes, got \(signature.count)")
        }
        self.hashAlgorithm = hashAlgorithm
        self.signatureAlgorithm = signatureAlgorithm
        self.signature = signature
    }

    /// Parses the TLS encoding, which must be exact: no missing or trailing bytes.
    ///
    /// This is the form of the `signature` field of a CT `add-chain` response.
    public init(tlsEncoded bytes: some DataProtocol) throws {
        var reader = TLSReader(Array(bytes), structure: "DigitallySigned")
        try self.init(reading: &reader)
        try reader.finish()
    }

    init(reading reader: inout TLSReader) throws {
        hashAlgorithm = HashAlgorithm(rawValue: try reader.readUInt8("hash algorithm"))
        signatureAlgorithm = SignatureAlgorithm(rawValue: try reader.readUInt8("signature algorithm"))
        signature = Array(try reader.readVector(lengthBytes: 2, "signature"))
    }

    /// The TLS encoding.
    public var tlsEncoded: [UInt8] {
        var writer = TLSWriter()
        write(to: &writer)
        return writer.bytes
    }

    func write(to writer: inout TLSWriter) {
        writer.append(hashAlgorithm.rawValue)
        writer.append(signatureAlgorithm.rawValue)
        writer.appendVector(signature, lengthBytes: 2)
    }
}
