public import SwiftASN1

extension ASN1ObjectIdentifier {
    /// Object identifiers used by RFC 3161 time-stamping and the CMS structures that carry it.
    public enum TimeStamping {
        /// `id-ct-TSTInfo`: the eContentType of a time-stamp token (RFC 3161 §2.4.2).
        public static let tstInfo: ASN1ObjectIdentifier = [1, 2, 840, 113549, 1, 9, 16, 1, 4]
        /// `id-signedData` (RFC 5652 §5.1).
        public static let signedData: ASN1ObjectIdentifier = [1, 2, 840, 113549, 1, 7, 2]
        /// The Sigstore default TSA policy, `1.3.6.1.4.1.57264.2`.
        public static let sigstoreDefaultPolicy: ASN1ObjectIdentifier = [1, 3, 6, 1, 4, 1, 57264, 2]
        /// `id-kp-timeStamping` (RFC 5280 §4.2.1.12).
        public static let timeStampingKeyPurpose: ASN1ObjectIdentifier = [1, 3, 6, 1, 5, 5, 7, 3, 8]
    }

    /// CMS signed-attribute types (RFC 5652 §11, RFC 2634, RFC 5035).
    enum CMSAttributeType {
        static let contentType: ASN1ObjectIdentifier = [1, 2, 840, 113549, 1, 9, 3]
        static let messageDigest: ASN1ObjectIdentifier = [1, 2, 840, 113549, 1, 9, 4]
        static let signingTime: ASN1ObjectIdentifier = [1, 2, 840, 113549, 1, 9, 5]
        static let signingCertificate: ASN1ObjectIdentifier = [1, 2, 840, 113549, 1, 9, 16, 2, 12]
        static let signingCertificateV2: ASN1ObjectIdentifier = [1, 2, 840, 113549, 1, 9, 16, 2, 47]
    }

    /// Digest and signature algorithm identifiers.
    enum AlgorithmID {
        static let sha1: ASN1ObjectIdentifier = [1, 3, 14, 3, 2, 26]
        static let sha256: ASN1ObjectIdentifier = [2, 16, 840, 1, 101, 3, 4, 2, 1]
        static let sha384: ASN1ObjectIdentifier = [2, 16, 840, 1, 101, 3, 4, 2, 2]
        static let sha512: ASN1ObjectIdentifier = [2, 16, 840, 1, 101, 3, 4, 2, 3]
        static let ecdsaWithSHA256: ASN1ObjectIdentifier = [1, 2, 840, 10045, 4, 3, 2]
        static let ecdsaWithSHA384: ASN1ObjectIdentifier = [1, 2, 840, 10045, 4, 3, 3]
        static let ecdsaWithSHA512: ASN1ObjectIdentifier = [1, 2, 840, 10045, 4, 3, 4]
        static let rsaEncryption: ASN1ObjectIdentifier = [1, 2, 840, 113549, 1, 1, 1]
        static let sha256WithRSAEncryption: ASN1ObjectIdentifier = [1, 2, 840, 113549, 1, 1, 11]
        static let sha384WithRSAEncryption: ASN1ObjectIdentifier = [1, 2, 840, 113549, 1, 1, 12]
        static let sha512WithRSAEncryption: ASN1ObjectIdentifier = [1, 2, 840, 113549, 1, 1, 13]
        static let ed25519: ASN1ObjectIdentifier = [1, 3, 101, 112]
    }
}
