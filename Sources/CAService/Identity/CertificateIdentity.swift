import SwiftASN1
import X509

/// What a verified identity token puts into a leaf certificate (interop contract §2.3, §2.5):
/// exactly one subject alternative name, the token's issuer, and any claim extensions.
public struct CertificateIdentity: Sendable, Hashable {
    /// The single SAN of the leaf. The leaf subject is empty, so this is the whole identity.
    public enum SubjectAlternativeName: Sendable, Hashable, CustomStringConvertible {
        /// `rfc822Name`: an email identity.
        case email(String)
        /// `uniformResourceIdentifier`: URI, SPIFFE, Kubernetes and CI identities.
        case uri(String)
        /// `otherName` of type `1.3.6.1.4.1.57264.1.7` holding a UTF8String `user!domain`.
        case username(String)

        /// The name as text.
        public var value: String {
            switch self {
            case .email(let value), .uri(let value), .username(let value): value
            }
        }

        public var description: String {
            switch self {
            case .email(let value): "email:\(value)"
            case .uri(let value): "URI:\(value)"
            case .username(let value): "username:\(value)"
            }
        }

        var generalName: GeneralName {
            get throws {
                switch self {
                case .email(let value): return .rfc822Name(value)
                case .uri(let value): return .uniformResourceIdentifier(value)
                case .username(let value):
                    let utf8 = try ASN1Any(erasing: ASN1UTF8String(value))
                    return .otherName(GeneralName.OtherName(typeID: SigstoreExtension.usernameOtherNameOID, value: utf8))
                }
            }
        }
    }

    /// The leaf's only SAN.
    public var subjectAlternativeName: SubjectAlternativeName
    /// The token's `iss`, verbatim: written to `.1.1` (raw) and `.1.8` (DER).
    public var issuer: String
    /// Claim extensions (CI metadata, token subject); written in ``SigstoreExtension`` order.
    public var extensions: [SigstoreExtension: String]

    public init(subjectAlternativeName: SubjectAlternativeName, issuer: String, extensions: [SigstoreExtension: String] = [:]) {
        self.subjectAlternativeName = subjectAlternativeName
        self.issuer = issuer
        self.extensions = extensions
    }

    /// The critical SAN extension: required critical because the subject is empty (RFC 5280 §4.2.1.6).
    func subjectAlternativeNameExtension() throws -> Certificate.Extension {
        try Certificate.Extension(SubjectAlternativeNames([subjectAlternativeName.generalName]), critical: true)
    }

    /// The Sigstore extensions in Fulcio's order: `.1.1`, the deprecated GitHub `.1.2`–`.1.6`, `.1.8`,
    /// then `.1.9`–`.1.24`. Empty values are left out, as Fulcio does.
    func sigstoreExtensions() throws -> [Certificate.Extension] {
        let issuerPair = try SigstoreExtension.issuerExtensions(issuer)
        var result = [issuerPair[0]]
        for field in SigstoreExtension.allCases where field.isRawUTF8 {
            if let value = extensions[field], !value.isEmpty { result.append(try field.makeCertificateExtension(value: value)) }
        }
        result.append(issuerPair[1])
        for field in SigstoreExtension.allCases where !field.isRawUTF8 {
            if let value = extensions[field], !value.isEmpty { result.append(try field.makeCertificateExtension(value: value)) }
        }
        return result
    }
}
